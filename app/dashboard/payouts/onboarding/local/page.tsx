// The local driver's Connect onboarding page: looks and answers like Stripe's test-mode Express onboarding.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { ownPayoutAccount } from "@/lib/creators/connect";
import { isDomainError } from "@/lib/errors";
import { paymentsDriver } from "@/lib/payments/driver";
import { saveLocalOnboardingAction, submitLocalOnboardingAction } from "../actions";
import { LocalOnboardingForm } from "@/components/payouts/local-onboarding-form";

export const metadata: Metadata = { title: "Set up payouts (test mode)", robots: { index: false } };

const accountParam = z.string().regex(/^acct_[A-Za-z0-9_]+$/);

export default async function LocalOnboardingPage({ searchParams }: { searchParams: Promise<{ account?: string | string[] }> }) {
  if ((await paymentsDriver()).name !== "local") notFound();
  const parsed = accountParam.safeParse((await searchParams).account);
  if (!parsed.success) notFound();
  const accountId = parsed.data;
  const user = await userOrSignIn(`/dashboard/payouts/onboarding/local?account=${encodeURIComponent(accountId)}`);
  const account = await ownPayoutAccount(await getDb(), user, accountId).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <div role="note" className="rounded-lg bg-amber-50 px-3 py-2 text-center text-xs font-medium uppercase tracking-wide text-amber-800">
        Test mode — local payouts, no real account or bank is connected
      </div>
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-xs font-semibold uppercase tracking-wide text-indigo-600">Stripe Express · Agora</p>
        <h1 className="mt-1 text-2xl font-bold">Get paid by Agora</h1>
        <p className="mt-2 text-sm text-slate-600">
          Agora partners with Stripe to send your earnings. Tell us a few details about yourself and where to send your payouts.
        </p>
        <dl className="mt-4 grid grid-cols-[auto,1fr] gap-x-4 gap-y-1 rounded-lg bg-slate-50 px-3 py-2 text-xs text-slate-600">
          <dt>Account</dt>
          <dd className="font-mono" data-testid="local-account-id">
            {account.accountId}
          </dd>
          <dt>Email</dt>
          <dd>{account.email}</dd>
        </dl>
        <div className="mt-6">
          <LocalOnboardingForm accountId={account.accountId} defaultName={user.name} submit={submitLocalOnboardingAction} save={saveLocalOnboardingAction} />
        </div>
      </div>
    </div>
  );
}
