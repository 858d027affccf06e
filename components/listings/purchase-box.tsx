// Price and the primary action: Buy (wired by the purchases issue), "In your library" for owners, or "Your listing".
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { formatPrice } from "@/lib/orders/pricing";

export type ViewerRelation = "anonymous" | "buyer" | "owner" | "creator";

export function PurchaseBox({ slug, priceCents, currency, relation }: { slug: string; priceCents: number; currency: string; relation: ViewerRelation }) {
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="purchase-box">
      <p className="text-2xl font-bold" data-testid="listing-price">
        {formatPrice(priceCents, currency)}
      </p>
      {relation === "owner" ? (
        <Link href="/library" className={buttonClass("secondary", "w-full")} data-testid="in-library">
          In your library
        </Link>
      ) : relation === "creator" ? (
        <Link href="/dashboard" className={buttonClass("secondary", "w-full")}>
          Your listing — manage it
        </Link>
      ) : relation === "anonymous" ? (
        <Link href={`/signin?returnTo=${encodeURIComponent(`/l/${slug}`)}`} className={buttonClass("primary", "w-full")} data-testid="buy-button">
          {priceCents === 0 ? "Get it free" : "Buy"}
        </Link>
      ) : (
        // Placeholder: the purchases issue turns this into the checkout form for this listing.
        <form action={`/l/${slug}`} method="get" data-buy-listing={slug}>
          <button type="submit" className={buttonClass("primary", "w-full")} data-testid="buy-button">
            {priceCents === 0 ? "Get it free" : "Buy"}
          </button>
        </form>
      )}
      <p className="text-xs text-slate-500">One purchase includes every future version.</p>
    </div>
  );
}
