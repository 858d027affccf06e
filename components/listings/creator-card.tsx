// The creator of a listing: name, handle, bio and their totals, linking to the storefront.
import Link from "@/components/ui/link";
import type { CreatorTotals } from "@/lib/catalog/listing";
import { InitialAvatar } from "@/components/ui/initial-avatar";

export function CreatorCard({ handle, name, bio, totals }: { handle: string; name: string; bio: string; totals: CreatorTotals }) {
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <Link href={`/c/${handle}`} className="flex items-center gap-3 hover:text-brand-700">
        <InitialAvatar name={name} size="lg" />
        <span>
          <span className="block font-medium">{name}</span>
          <span className="block text-xs text-slate-500">@{handle}</span>
        </span>
      </Link>
      {bio ? <p className="line-clamp-3 text-sm text-slate-600">{bio}</p> : null}
      <dl className="grid grid-cols-3 gap-2 text-center text-xs text-slate-500">
        <div>
          <dd className="text-sm font-semibold text-slate-900">{totals.listings}</dd>
          <dt>listings</dt>
        </div>
        <div>
          <dd className="text-sm font-semibold text-slate-900">{totals.sales.toLocaleString("en-US")}</dd>
          <dt>sales</dt>
        </div>
        <div>
          <dd className="text-sm font-semibold text-slate-900">{totals.ratingCount ? totals.ratingAvg.toFixed(1) : "—"}</dd>
          <dt>rating</dt>
        </div>
      </dl>
    </div>
  );
}
