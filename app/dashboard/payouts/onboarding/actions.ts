"use server";
// Payout onboarding: start (or continue) Stripe Connect onboarding, and the local stand-in's Submit / Save for later.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { startPayoutOnboarding, submitLocalOnboarding } from "@/lib/creators/connect";
import { env } from "@/lib/env";
import { paymentsDriver } from "@/lib/payments/driver";
import { validatedAction } from "@/lib/validated-action";
import { COUNTRY_CODES } from "@/lib/creators/countries";

/** Where Stripe sends the creator back to (return) and where an expired link starts over (refresh). */
function onboardingUrls() {
  const base = env().appUrl;
  return { returnUrl: `${base}/dashboard/payouts/onboarding/return`, refreshUrl: `${base}/dashboard/payouts/onboarding` };
}

export const startPayoutOnboardingAction = validatedAction(z.object({}), async () => {
  const driver = await paymentsDriver();
  const { url } = await startPayoutOnboarding(await getDb(), driver, await getCurrentUser(), onboardingUrls());
  // The local stand-in is a page of this app: stay on the origin the creator is using.
  if (driver.name === "local") {
    const local = new URL(url);
    redirect(`${local.pathname}${local.search}`);
  }
  redirect(url);
});

const localFields = {
  accountId: z.string().regex(/^acct_[A-Za-z0-9_]+$/, "Unknown account."),
  country: z.enum(COUNTRY_CODES, "Choose a country."),
  routingNumber: z.string().trim().max(20).optional(),
  testOutcome: z.enum(["verified", "needs_document"]).default("verified"),
};

const submitForm = z.object({
  ...localFields,
  legalName: z.string().trim().min(2, "Enter your legal name as it appears on your ID.").max(100, "That name is too long."),
  bankAccountNumber: z
    .string()
    .trim()
    .regex(/^\d{4,17}$/, "Enter a bank account number (4 to 17 digits)."),
});

const saveForm = z.object({
  ...localFields,
  legalName: z.string().trim().max(100, "That name is too long.").default(""),
  bankAccountNumber: z.string().trim().max(34).default(""),
});

export const submitLocalOnboardingAction = validatedAction(submitForm, async (data) => {
  await submitLocalOnboarding(await getDb(), await paymentsDriver(), await getCurrentUser(), {
    ...data,
    outcome: data.testOutcome === "needs_document" ? "needs_document" : "submit",
  });
  redirect("/dashboard/payouts?onboarding=done");
});

export const saveLocalOnboardingAction = validatedAction(saveForm, async (data) => {
  await submitLocalOnboarding(await getDb(), await paymentsDriver(), await getCurrentUser(), { ...data, outcome: "save" });
  redirect("/dashboard/payouts?onboarding=done");
});
