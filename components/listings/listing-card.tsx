// A listing in a grid: thumbnail, title, creator, price and rating.
import Link from "next/link";
import type { ListingCard as Card } from "@/lib/catalog/cards";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { formatPrice } from "@/lib/format";
import { Stars } from "@/components/ui/stars";

export function ListingCard({ listing }: { listing: Card }) {
  return (
    <article className="group overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm transition hover:shadow-md" data-testid="listing-card">
      <Link href={`/l/${listing.slug}`} className="block">
        <div className="relative aspect-[3/2] bg-slate-100">
          {listing.coverImageId ? (
            // A plain img: the thumbnail is served at its one size (nothing for next/image to optimise), and a grid
            // of 24 cards would otherwise render 24 more client components on the server.
            // eslint-disable-next-line @next/next/no-img-element -- immutable stored thumbnail
            <img
              src={`/api/images/${listing.coverImageId}?size=thumb`}
              alt=""
              loading="lazy"
              decoding="async"
              className="absolute inset-0 h-full w-full object-cover"
            />
          ) : null}
          <span className="absolute left-2 top-2 rounded-full bg-white/90 px-2 py-0.5 text-xs font-medium text-slate-700">{KIND_LABELS[listing.kind]}</span>
        </div>
        <div className="space-y-1 p-3">
          <h3 className="line-clamp-2 text-sm font-semibold text-slate-900 group-hover:text-brand-700">{listing.title}</h3>
          <p className="text-xs text-slate-500">by {listing.creatorName}</p>
          <div className="flex items-center justify-between pt-1">
            <Stars value={Number(listing.ratingAvg)} count={listing.ratingCount} />
            <span className="text-sm font-semibold text-slate-900">{formatPrice(listing.priceCents, listing.currency)}</span>
          </div>
        </div>
      </Link>
    </article>
  );
}

export function ListingGrid({ listings }: { listings: Card[] }) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {listings.map((listing) => (
        <ListingCard key={listing.id} listing={listing} />
      ))}
    </div>
  );
}
