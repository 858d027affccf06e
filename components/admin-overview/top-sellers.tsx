// The creators and listings that brought in the most over the last 30 days (refunds deducted).
import Link from "@/components/ui/link";
import { DataTable, rightAligned } from "@/components/ui/table";
import type { TopCreator, TopListing } from "@/lib/admin/overview";
import { formatMoney } from "@/lib/format";

const empty = (
  <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">No sales in the last 30 days.</p>
);

export function TopCreators({ creators }: { creators: TopCreator[] }) {
  if (creators.length === 0) return empty;
  return (
    <DataTable caption="Top creators by revenue, last 30 days" columns={["Creator", ...rightAligned("Sales", "Revenue")]}>
      {creators.map((c) => (
        <tr key={c.creatorId}>
          <td className="px-3 py-2">
            <Link href={`/admin/users/${c.creatorId}`} className="font-medium text-brand-700 hover:underline">
              {c.name}
            </Link>
            <div className="text-xs text-slate-500">{c.handle ? `@${c.handle}` : c.email}</div>
          </td>
          <td className="px-3 py-2 text-right tabular-nums">{c.sales.toLocaleString("en-US")}</td>
          <td className="px-3 py-2 text-right tabular-nums">{formatMoney(c.revenueCents)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function TopListings({ listings }: { listings: TopListing[] }) {
  if (listings.length === 0) return empty;
  return (
    <DataTable caption="Top listings by revenue, last 30 days" columns={["Listing", ...rightAligned("Sales", "Revenue")]}>
      {listings.map((l) => (
        <tr key={l.listingId}>
          <td className="px-3 py-2">
            <Link href={`/l/${l.slug}`} className="font-medium text-brand-700 hover:underline">
              {l.title}
            </Link>
            {l.creatorHandle ? <div className="text-xs text-slate-500">@{l.creatorHandle}</div> : null}
          </td>
          <td className="px-3 py-2 text-right tabular-nums">{l.sales.toLocaleString("en-US")}</td>
          <td className="px-3 py-2 text-right tabular-nums">{formatMoney(l.revenueCents)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
