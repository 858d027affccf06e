// Rating summary (average and star histogram) and the newest visible reviews with creator replies.
import { Stars } from "@/components/ui/stars";
import type { ReviewSummary } from "@/lib/catalog/listing";

export function ReviewList({ summary }: { summary: ReviewSummary }) {
  if (summary.count === 0) return <p className="text-sm text-slate-500">No reviews yet. Owners can review after buying.</p>;
  return (
    <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
      <div className="space-y-2">
        <p className="text-3xl font-bold">{summary.average.toFixed(1)}</p>
        <Stars value={summary.average} count={summary.count} />
        <ul className="space-y-1" aria-label="Ratings by stars">
          {([5, 4, 3, 2, 1] as const).map((stars) => {
            const n = summary.histogram[stars];
            const pct = summary.count ? Math.round((n / summary.count) * 100) : 0;
            return (
              <li key={stars} className="flex items-center gap-2 text-xs text-slate-600">
                <span className="w-6">{stars}★</span>
                <span className="h-2 flex-1 overflow-hidden rounded bg-slate-200" aria-hidden>
                  <span className="block h-full bg-amber-400" style={{ width: `${pct}%` }} />
                </span>
                <span className="w-10 text-right tabular-nums">{n}</span>
              </li>
            );
          })}
        </ul>
      </div>
      <ul className="space-y-4">
        {summary.reviews.map((r) => (
          <li key={r.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <div className="flex items-center justify-between gap-2">
              <span className="text-sm font-medium">{r.authorName}</span>
              <time className="text-xs text-slate-500" dateTime={r.createdAt}>
                {new Date(r.createdAt).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" })}
              </time>
            </div>
            <span className="mt-1 block text-amber-500" aria-label={`${r.rating} out of 5 stars`}>
              {"★".repeat(r.rating)}
              <span className="text-slate-300">{"★".repeat(5 - r.rating)}</span>
            </span>
            {r.body ? <p className="mt-2 whitespace-pre-line text-sm text-slate-700">{r.body}</p> : null}
            {r.creatorReply ? (
              <div className="mt-3 rounded-lg bg-slate-50 p-3 text-sm">
                <p className="text-xs font-semibold text-slate-500">Reply from the creator</p>
                <p className="mt-1 whitespace-pre-line text-slate-700">{r.creatorReply}</p>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
