// A listing in a grid: thumbnail, title, creator, price and rating.
import Link from "@/components/ui/link";
import type { ListingCard as Card } from "@/lib/catalog/cards";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { formatPrice } from "@/lib/format";
import { Stars } from "@/components/ui/stars";

export function ListingCard({ listing }: { listing: Card }) {
  return (
    // Styled by .card and its parts (globals.css): this markup repeats on every catalog page.
    <article className="card" data-testid="listing-card">
      <Link href={`/l/${listing.slug}`}>
        <div className="card-media">
          {listing.coverImageId ? (
            // A plain img: the thumbnail is served at its one size (nothing for next/image to optimise), and a grid
            // of 24 cards would otherwise render 24 more client components on the server.
            // eslint-disable-next-line @next/next/no-img-element -- immutable stored thumbnail
            <img src={`/api/images/${listing.coverImageId}?size=thumb`} alt="" loading="lazy" decoding="async" />
          ) : null}
          <span>{KIND_LABELS[listing.kind]}</span>
        </div>
        <div className="card-body">
          <h3>{listing.title}</h3>
          <p>by {listing.creatorName}</p>
          <div className="card-foot">
            <Stars value={Number(listing.ratingAvg)} count={listing.ratingCount} />
            <span className="card-price">{formatPrice(listing.priceCents, listing.currency)}</span>
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
