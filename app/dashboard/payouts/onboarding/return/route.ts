// GET /dashboard/payouts/onboarding/return — where Stripe sends a creator back after onboarding: read the
// account's state now (account.updated may arrive later or not at all) and show the payouts page.
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { refreshPayoutAccount } from "@/lib/creators/connect";
import { isDomainError } from "@/lib/errors";
import { paymentsDriver } from "@/lib/payments/driver";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("dashboard/payouts/onboarding/return", async () => {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?returnTo=${encodeURIComponent("/dashboard/payouts/onboarding/return")}`);
  try {
    await refreshPayoutAccount(await getDb(), await paymentsDriver(), user);
  } catch (error) {
    if (!isDomainError(error)) console.error("[payouts] onboarding return failed", error instanceof Error ? error.message : error);
    redirect(`/dashboard/payouts?onboarding=error&reason=${encodeURIComponent(isDomainError(error) ? error.code : "internal")}`);
  }
  redirect("/dashboard/payouts?onboarding=done");
});
