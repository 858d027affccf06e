// The creator's payout account (Stripe Connect): its state in plain words, what Stripe still needs, and one button.
import type { PayoutAccountState, PayoutAccountStatus } from "@/lib/creators/connect";
import type { FormAction } from "@/lib/validated-action";
import { StartOnboardingForm } from "./start-onboarding-form";

export type OnboardingCardProps = { status: PayoutAccountStatus; start: FormAction };

const COPY: Record<PayoutAccountState, { badge: string; tone: string; title: string; text: string; button: string }> = {
  not_started: {
    badge: "Not set up",
    tone: "bg-slate-100 text-slate-700",
    title: "Set up payouts to get paid",
    text: "Agora pays creators through Stripe. Connect a Stripe account (about 5 minutes: your name, ID details and a bank account) and we send your earnings every month.",
    button: "Set up payouts",
  },
  incomplete: {
    badge: "Incomplete",
    tone: "bg-amber-100 text-amber-800",
    title: "Finish setting up payouts",
    text: "You started connecting a Stripe account but haven't submitted it yet. Pick up where you left off; nothing you entered is lost.",
    button: "Continue onboarding",
  },
  restricted: {
    badge: "Restricted",
    tone: "bg-red-100 text-red-800",
    title: "Stripe needs more from you",
    text: "Stripe won't send money to your account until it has what it needs. Your earnings are safe and wait in your balance.",
    button: "Update payout details",
  },
  active: {
    badge: "Active",
    tone: "bg-emerald-100 text-emerald-800",
    title: "Payouts are on",
    text: "Your Stripe account can receive payouts. We send last month's earnings on the 1st of each month.",
    button: "Update payout details",
  },
};

export function OnboardingCard({ status, start }: OnboardingCardProps) {
  const copy = COPY[status.state];
  return (
    <section aria-labelledby="payout-account-title" data-state={status.state} className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-2xl space-y-2">
          <p className="flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-slate-500">
            Payout account
            <span className={`rounded-full px-2 py-0.5 text-[11px] normal-case tracking-normal ${copy.tone}`}>{copy.badge}</span>
          </p>
          <h2 id="payout-account-title" className="text-lg font-semibold">
            {copy.title}
          </h2>
          <p className="text-sm text-slate-600">{status.state === "restricted" && status.disabledReason ? status.disabledReason : copy.text}</p>
          {status.requirementsDue.length > 0 ? (
            <div className="text-sm">
              <p className="font-medium text-slate-800">Still needed:</p>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-600">
                {status.requirementsDue.map((requirement) => (
                  <li key={requirement}>{requirement}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {status.accountId ? <p className="text-xs text-slate-400">Stripe account {status.accountId}</p> : null}
        </div>
        <StartOnboardingForm label={copy.button} action={start} variant={status.state === "active" ? "secondary" : "primary"} />
      </div>
    </section>
  );
}
