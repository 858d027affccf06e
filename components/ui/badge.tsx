// A short coloured label for a status or a fact ("Paid", "Live", "New listing"). The tone carries the meaning;
// status badges (listing, version, order, payout, settlement run) map their states to these tones. The styles are
// `.badge` and `.badge-<tone>` in app/globals.css: a badge is on every row of most tables (the payload line there).
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "progress" | "success" | "warning" | "danger" | "severe" | "brand" | "solid";

export function Badge({ tone, className = "", children }: { tone: BadgeTone; className?: string; children: ReactNode }) {
  return <span className={`badge badge-${tone}${className ? ` ${className}` : ""}`}>{children}</span>;
}
