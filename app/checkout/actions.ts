"use server";
// Buy and the local checkout's Pay / Fail / Cancel buttons: parse, call lib, redirect.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { startCheckout } from "@/lib/orders/checkout";
import { cancelLocalSession, failLocalSession, payLocalSession } from "@/lib/payments/local-checkout";
import { uuidSchema } from "@/lib/uuid";
import { validatedAction } from "@/lib/validated-action";

export const buyAction = validatedAction(z.object({ listingId: uuidSchema("Unknown listing."), slug: z.string().max(200) }), async ({ listingId, slug }) => {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?returnTo=${encodeURIComponent(`/l/${slug}`)}`);
  const base = env().appUrl;
  const result = await startCheckout(await getDb(), user, {
    listingId,
    successUrl: `${base}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${base}/l/${slug}?checkout=cancelled`,
  });
  redirect(result.kind === "free" ? `/library/${listingId}?welcome=1` : result.url);
});

const sessionForm = z.object({ sessionId: z.string().min(1).max(200) });

export const payLocalAction = validatedAction(sessionForm, async ({ sessionId }) => {
  const { successPath } = await payLocalSession(await getDb(), await getCurrentUser(), sessionId);
  redirect(successPath);
});

export const failLocalAction = validatedAction(sessionForm, async ({ sessionId }) => {
  const { listingSlug } = await failLocalSession(await getDb(), await getCurrentUser(), sessionId);
  redirect(`/l/${listingSlug}?checkout=failed`);
});

export const cancelLocalAction = validatedAction(sessionForm, async ({ sessionId }) => {
  const { listingSlug } = await cancelLocalSession(await getDb(), await getCurrentUser(), sessionId);
  redirect(`/l/${listingSlug}?checkout=cancelled`);
});
