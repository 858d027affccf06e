// What happens to a creator's money when they delete their account, shown before they confirm.
import { PayoutStatusBadge } from "@/components/payouts/payout-status-badge";
import { Alert } from "@/components/ui/alert";
import type { DeletionPreview } from "@/lib/accounts/deletion";
import { formatMoney } from "@/lib/format";
import { HOLD_REASON_TITLES } from "@/lib/settlement/hold-reasons";

export function CreatorMoneyNotice({ creator }: { creator: NonNullable<DeletionPreview["creator"]> }) {
  const { balanceCents, openPayouts, publishedListings } = creator;
  const needsYou = openPayouts.some((p) => p.holdReason === "onboarding_incomplete" || p.holdReason === "account_restricted");
  return (
    <Alert tone={openPayouts.length > 0 || balanceCents > 0 ? "warning" : "info"} role="note" className="space-y-2">
      <p className="font-medium">You are a creator. Before you delete your account:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          {publishedListings === 1 ? "Your 1 published listing is" : `Your ${publishedListings} published listings are`} unpublished: they leave search and your
          storefront. People who bought them keep access.
        </li>
        <li>
          Your balance is <strong>{formatMoney(balanceCents)}</strong>. Agora keeps your payout records and the link to your Stripe account for accounting, so
          money owed to you is still sent there by the monthly settlement while that account can receive transfers.
        </li>
        {openPayouts.map((p) => (
          <li key={p.id}>
            Payout for {p.period}: {formatMoney(p.amountCents, p.currency)} <PayoutStatusBadge status={p.status} />
            {p.holdReason ? ` — ${HOLD_REASON_TITLES[p.holdReason]}` : null}.{" "}
            {p.status === "processing"
              ? "It is on its way and completes as usual."
              : p.status === "failed"
                ? "It is retried by a later settlement run."
                : "It stays open and is paid by a later settlement run once it can be."}
          </li>
        ))}
        {needsYou ? (
          <li>
            <strong>A payout is held until you finish your payout account setup.</strong> After deletion you can&apos;t sign in to fix it: finish setup on your
            payouts page and wait for the payout first, or contact support.
          </li>
        ) : null}
      </ul>
    </Alert>
  );
}
