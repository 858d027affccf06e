// schema.org Product data for a listing page, serialised safely for a <script type="application/ld+json">.
import { categoryName } from "./categories";
import type { ListingDetail } from "./listing";

export function productJsonLd(listing: ListingDetail, appUrl: string): string {
  const data = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: listing.title,
    description: listing.summary || listing.title,
    sku: listing.id,
    category: categoryName(listing.category),
    url: `${appUrl}/l/${listing.slug}`,
    image: listing.coverImageId ? `${appUrl}/api/images/${listing.coverImageId}` : undefined,
    brand: { "@type": "Brand", name: listing.creatorName },
    offers: {
      "@type": "Offer",
      price: (listing.priceCents / 100).toFixed(2),
      priceCurrency: listing.currency.toUpperCase(),
      availability: "https://schema.org/InStock",
      url: `${appUrl}/l/${listing.slug}`,
    },
    aggregateRating: listing.ratingCount
      ? { "@type": "AggregateRating", ratingValue: listing.ratingAvg.toFixed(2), reviewCount: listing.ratingCount }
      : undefined,
  };
  // `<` escaped so no text in a listing can close the script element.
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
