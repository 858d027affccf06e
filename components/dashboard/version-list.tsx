// A listing's versions, newest first: approval status, changelog, the admin's note or reason, which one is live.
import { VersionBadge } from "./status-badge";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import type { VersionStatus } from "@/lib/listings/status";

export type VersionItem = {
  id: string;
  number: number;
  approvalStatus: VersionStatus;
  approvalNote: string | null;
  changelog: string;
  submittedAt: string | null;
  decidedAt: string | null;
  isLive: boolean;
};

export function VersionList({ versions }: { versions: VersionItem[] }) {
  if (versions.length === 0) return <p className="text-sm text-slate-500">No versions yet.</p>;
  return (
    <ol className="divide-y divide-slate-100" aria-label="Versions">
      {versions.map((v) => (
        <li key={v.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-3" data-testid={`version-${v.number}`}>
          <span className="w-10 shrink-0 font-semibold">v{v.number}</span>
          <VersionBadge status={v.approvalStatus} />
          {v.isLive ? <Badge tone="solid">Live</Badge> : null}
          <span className="text-xs text-slate-500">
            {v.decidedAt
              ? `${v.approvalStatus === "rejected" ? "rejected" : "approved"} ${formatDate(v.decidedAt)}`
              : v.submittedAt
                ? `submitted ${formatDate(v.submittedAt)}`
                : "not submitted"}
          </span>
          <div className="basis-full pl-[3.25rem] text-sm text-slate-700">
            {v.changelog ? <p className="whitespace-pre-line">{v.changelog}</p> : null}
            {v.approvalNote ? (
              <p
                className={`mt-1 whitespace-pre-line rounded-lg px-2 py-1 ${v.approvalStatus === "rejected" ? "bg-red-50 text-red-700" : "bg-slate-50 text-slate-600"}`}
              >
                Admin: {v.approvalNote}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
