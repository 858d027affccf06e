// Price and the primary action: Buy / Get, "In your library" for owners, or "Your listing" for its creator.
import Link from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { BuyForm } from "@/components/orders/buy-form";
import { formatPrice } from "@/lib/format";
import type { ListingRelation } from "@/lib/listings/relation";
import type { FormAction } from "@/lib/validated-action";

export function PurchaseBox({
  listingId,
  slug,
  priceCents,
  currency,
  relation,
  notice,
  buy,
}: {
  listingId: string;
  slug: string;
  priceCents: number;
  currency: string;
  /** An admin who hasn't bought it sees what a visitor sees. */
  relation: ListingRelation;
  notice?: string;
  /** The checkout action (app/checkout/actions.ts buyAction). */
  buy: FormAction;
}) {
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="purchase-box">
      {notice ? (
        <Alert tone="warning" role="status">
          {notice}
        </Alert>
      ) : null}
      <p className="text-2xl font-bold" data-testid="listing-price">
        {formatPrice(priceCents, currency)}
      </p>
      {relation === "owner" ? (
        <Link href={`/library/${listingId}`} className={buttonClass("secondary", "w-full")} data-testid="in-library">
          In your library
        </Link>
      ) : relation === "creator" ? (
        <Link href="/dashboard" className={buttonClass("secondary", "w-full")}>
          Your listing — manage it
        </Link>
      ) : relation === "signed_out" ? (
        <Link href={`/signin?returnTo=${encodeURIComponent(`/l/${slug}`)}`} className={buttonClass("primary", "w-full")} data-testid="buy-button">
          {priceCents === 0 ? "Get it free" : "Buy"}
        </Link>
      ) : (
        <BuyForm action={buy} listingId={listingId} slug={slug} free={priceCents === 0} />
      )}
      <p className="text-xs text-slate-500">One purchase includes every future version.</p>
    </div>
  );
}
