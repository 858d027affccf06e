// A boxed message in one of four tones. Errors and warnings are announced at once (role "alert"), successes and
// notes politely (role "status"); pass role="note" for standing advice that is not news.
import type { ComponentProps } from "react";

export type AlertTone = "error" | "warning" | "success" | "info";

const TONES: Record<AlertTone, string> = {
  error: "border-red-200 bg-red-50 text-red-700",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-800",
  info: "border-brand-100 bg-brand-50 text-brand-700",
};

export function Alert({ tone, role, className = "", children, ...rest }: ComponentProps<"div"> & { tone: AlertTone }) {
  return (
    <div
      role={role ?? (tone === "error" || tone === "warning" ? "alert" : "status")}
      className={`rounded-lg border px-3 py-2 text-sm ${TONES[tone]} ${className}`}
      {...rest}
    >
      {children}
    </div>
  );
}
