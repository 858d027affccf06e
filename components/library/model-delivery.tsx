// A model listing's delivery: details, usage notes and the download button (a fresh short-lived link per click).
import type { DeliveredContent } from "@/lib/library/delivery";
import { formatBytes } from "@/lib/format";

type ModelDelivered = Extract<DeliveredContent, { kind: "model" }>;

export function ModelDelivery({ listingId, versionNumber, content }: { listingId: string; versionNumber: number; content: ModelDelivered }) {
  const rows: [string, string][] = [
    ["Base model", content.baseModel],
    ["Format", content.format],
    // A free-text note from before structured licenses (the license itself is shown above the content).
    ...(content.license ? [["License note", content.license] as [string, string]] : []),
  ];
  return (
    <div className="space-y-6">
      <div className="rounded-xl border border-slate-200 bg-white p-4">
        {content.file ? (
          <div className="flex flex-wrap items-center justify-between gap-4">
            <div className="min-w-0">
              <p className="truncate font-mono text-sm font-medium">{content.file.filename}</p>
              <p className="text-sm text-slate-500">{formatBytes(content.file.byteSize)}</p>
              <p className="mt-1 break-all font-mono text-xs text-slate-500">
                <span className="font-sans">SHA-256:</span> {content.file.sha256}
              </p>
            </div>
            {/* A plain link, not next/link: every click gets its own signed link that expires in minutes. */}
            <a
              href={`/api/library/${listingId}/download?version=${versionNumber}`}
              className="inline-flex items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
              rel="nofollow"
            >
              Download file
            </a>
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            The creator hasn&apos;t attached a file to this version yet. You&apos;ll be notified when a new version is out.
          </p>
        )}
      </div>
      <dl className="grid gap-3 sm:grid-cols-3">
        {rows.map(([label, value]) => (
          <div key={label} className="rounded-xl border border-slate-200 bg-white p-3">
            <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-1 text-sm font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      {content.usage ? (
        <div>
          <h3 className="font-medium">How to use it</h3>
          <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{content.usage}</p>
        </div>
      ) : null}
    </div>
  );
}
