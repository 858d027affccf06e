// The top-creators leaderboard: rank, avatar initial, name and sales over the last 30 days.
import Link from "@/components/ui/link";
import type { TopCreator } from "@/lib/catalog/home";
import { InitialAvatar } from "@/components/ui/initial-avatar";

export function TopCreators({ creators }: { creators: TopCreator[] }) {
  if (creators.length === 0) return <p className="text-sm text-slate-500">No sales in the last 30 days yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
      {creators.map((c, i) => (
        <li key={c.handle}>
          <Link href={`/c/${c.handle}`} className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50">
            <span className="w-6 text-right text-sm font-semibold tabular-nums text-slate-400">{i + 1}</span>
            <InitialAvatar name={c.displayName} size="md" />
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium">{c.displayName}</span>
              <span className="block text-xs text-slate-500">
                @{c.handle} · {c.listings} {c.listings === 1 ? "listing" : "listings"}
              </span>
            </span>
            <span className="text-sm tabular-nums text-slate-700">{c.sales.toLocaleString("en-US")} sales</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
