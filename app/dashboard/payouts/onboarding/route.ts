// GET /dashboard/payouts/onboarding — starts or continues Connect onboarding and sends the creator to Stripe
// (or the local stand-in). Stripe also opens it as the refresh URL when an onboarding link has expired.
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireCreatorPage } from "@/lib/auth/session";
import { startPayoutOnboarding } from "@/lib/creators/connect";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { paymentsDriver } from "@/lib/payments/driver";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("dashboard/payouts/onboarding", async () => {
  const user = await requireCreatorPage("/dashboard/payouts");
  const base = env().appUrl;
  const driver = await paymentsDriver();
  let url: string;
  try {
    ({ url } = await startPayoutOnboarding(await getDb(), driver, user, {
      returnUrl: `${base}/dashboard/payouts/onboarding/return`,
      refreshUrl: `${base}/dashboard/payouts/onboarding`,
    }));
  } catch (error) {
    if (!isDomainError(error)) console.error("[payouts] onboarding failed", error instanceof Error ? error.message : error);
    redirect(`/dashboard/payouts?onboarding=error&reason=${encodeURIComponent(isDomainError(error) ? error.code : "internal")}`);
  }
  if (driver.name === "local") {
    // The local stand-in is a page of this app: stay on the origin the creator is using.
    const local = new URL(url);
    redirect(`${local.pathname}${local.search}`);
  }
  redirect(url);
});
