// Why the creator's latest payout was not sent, and what happens next; amber for a hold, red for a refusal.
import type { PayoutHold } from "@/lib/settlement/creator-payouts";
import { periodLabel } from "@/lib/settlement/periods";
import { formatMoney } from "@/lib/format";

export function HoldNotice({ hold }: { hold: PayoutHold }) {
  const failed = hold.status === "failed";
  return (
    <section
      aria-labelledby="hold-title"
      className={`rounded-2xl border p-4 sm:p-5 ${failed ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-950"}`}
    >
      <p className="text-xs font-medium uppercase tracking-wide opacity-80">
        {periodLabel(hold.period)} payout{hold.amountCents > 0 ? ` · ${formatMoney(hold.amountCents, hold.currency)}` : ""}
      </p>
      <h2 id="hold-title" className="mt-1 text-lg font-semibold">
        {hold.title}
      </h2>
      <p className="mt-1 max-w-3xl text-sm">{hold.text}</p>
    </section>
  );
}
