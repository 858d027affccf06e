// A test taker's own past attempts: when, which version, score and pass or fail.
import type { AttemptSummary } from "@/lib/library/test-attempts";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/format";

export function AttemptHistory({ attempts }: { attempts: AttemptSummary[] }) {
  if (attempts.length === 0) return <p className="text-sm text-slate-500">No attempts yet. Your results will be listed here.</p>;
  const best = Math.max(...attempts.map((a) => a.percent));
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        {attempts.length} attempt{attempts.length > 1 ? "s" : ""} · best {best}%
      </p>
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white" data-testid="attempt-history">
        {attempts.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
            <span className="text-slate-600">
              {formatDateTime(a.takenAt)} · v{a.versionNumber}
            </span>
            <span className="flex items-center gap-3">
              <span className="tabular-nums">
                {a.score}/{a.total} ({a.percent}%)
              </span>
              <Badge tone={a.passed ? "success" : "danger"}>{a.passed ? "Passed" : "Not passed"}</Badge>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
