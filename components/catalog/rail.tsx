// A titled row of listings on the home page, with a link to see the full list in /browse.
import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { ListingGrid } from "@/components/listings/listing-card";
import type { ListingCard } from "@/lib/catalog/cards";

export function Rail({
  id,
  title,
  hint,
  href,
  listings,
  empty,
}: {
  id: string;
  title: string;
  hint?: string;
  href?: string;
  listings: ListingCard[];
  empty: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`rail-${id}`}>
      <div className="flex items-baseline justify-between gap-3">
        <div>
          <h2 id={`${id}-heading`} className="text-lg font-semibold">
            {title}
          </h2>
          {hint ? <p className="text-sm text-slate-500">{hint}</p> : null}
        </div>
        {href ? (
          <Link href={href} className="shrink-0 text-sm font-medium text-brand-700 hover:underline">
            See all
          </Link>
        ) : null}
      </div>
      <div className="mt-4">{listings.length ? <ListingGrid listings={listings.slice(0, 8)} /> : <p className="text-sm text-slate-500">{empty}</p>}</div>
    </section>
  );
}
