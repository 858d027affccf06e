// A short coloured label for a status or a fact ("Paid", "Live", "New listing"). The tone carries the meaning;
// status badges (listing, version, order, payout, settlement run) map their states to these tones.
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "progress" | "success" | "warning" | "danger" | "severe" | "brand" | "solid";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  info: "bg-sky-50 text-sky-800 ring-sky-200",
  progress: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  warning: "bg-amber-50 text-amber-800 ring-amber-300",
  danger: "bg-red-50 text-red-700 ring-red-300",
  severe: "bg-red-100 text-red-800 ring-red-400",
  brand: "bg-violet-50 text-violet-800 ring-violet-200",
  solid: "bg-brand-600 text-white ring-brand-600",
};

export function Badge({ tone, className = "", children }: { tone: BadgeTone; className?: string; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]} ${className}`}>
      {children}
    </span>
  );
}
