"use client";
// Copies text to the clipboard and says so (visibly and to screen readers); falls back when the Clipboard API is missing.
import { useEffect, useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea fallback (e.g. insecure context)
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  document.body.removeChild(area);
  return ok;
}

export function CopyButton({
  text,
  label = "Copy",
  variant = "secondary",
  note,
}: {
  text: string | (() => string);
  label?: string;
  variant?: ButtonVariant;
  note?: string;
}) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (status === "idle") return;
    const timer = setTimeout(() => setStatus("idle"), 2500);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant={variant}
        onClick={async () => setStatus((await copyText(typeof text === "function" ? text() : text)) ? "copied" : "failed")}
      >
        {status === "copied" ? "Copied!" : label}
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-slate-600">
        {status === "copied"
          ? `Copied to clipboard${note ? ` — ${note}` : ""}`
          : status === "failed"
            ? "Couldn't copy: select the text and copy it by hand."
            : ""}
      </span>
    </span>
  );
}
