// Approved versions of a listing, newest first, with their changelogs.
import type { VersionEntry } from "@/lib/catalog/listing";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";

export function VersionHistory({ versions }: { versions: VersionEntry[] }) {
  if (versions.length === 0) return <p className="text-sm text-slate-500">No released versions yet.</p>;
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {versions.map((v, i) => (
        <li key={v.number}>
          <p className="text-sm font-medium">
            Version {v.number}
            {i === 0 ? (
              <Badge tone="success" className="ml-2">
                Current
              </Badge>
            ) : null}
            <time className="ml-2 text-xs font-normal text-slate-500" dateTime={v.releasedAt}>
              {formatDate(v.releasedAt)}
            </time>
          </p>
          {v.changelog ? <p className="mt-1 whitespace-pre-line text-sm text-slate-600">{v.changelog}</p> : null}
        </li>
      ))}
    </ol>
  );
}
