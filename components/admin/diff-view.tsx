// The change from the live version to the one waiting for approval, as folded line hunks (added green, removed red).
import { diffHunks, type DiffLine } from "@/lib/moderation/diff";

/** Versions are named by number; anything else (a listing's live and proposed details) by `from` and `to`. */
export function DiffView({ diff, liveNumber, newNumber, from, to }: { diff: DiffLine[]; liveNumber?: number; newNumber?: number; from?: string; to?: string }) {
  const fromLabel = from ?? `Version ${liveNumber}`;
  const toLabel = to ?? String(newNumber);
  const hunks = diffHunks(diff);
  const added = diff.filter((d) => d.op === "add").length;
  const removed = diff.filter((d) => d.op === "del").length;
  if (hunks.length === 0) return <p className="text-sm text-slate-500">Nothing differs from {fromLabel.toLowerCase()}.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {fromLabel} → {toLabel}: <span className="text-emerald-700">+{added}</span> <span className="text-red-700">−{removed}</span> lines
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 font-mono text-[13px] leading-5" data-testid="version-diff">
        {hunks.map((hunk, h) => (
          <div key={h}>
            {hunk.skippedBefore ? <div className="bg-slate-100 px-3 py-0.5 text-xs text-slate-500">… {hunk.skippedBefore} unchanged lines</div> : null}
            {hunk.lines.map((line, i) => (
              <div
                key={i}
                className={`whitespace-pre px-3 ${line.op === "add" ? "bg-emerald-50 text-emerald-900" : line.op === "del" ? "bg-red-50 text-red-900" : "text-slate-600"}`}
              >
                <span aria-hidden className="mr-2 select-none">
                  {line.op === "add" ? "+" : line.op === "del" ? "−" : " "}
                </span>
                <span className="sr-only">{line.op === "add" ? "added: " : line.op === "del" ? "removed: " : ""}</span>
                {line.text}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
