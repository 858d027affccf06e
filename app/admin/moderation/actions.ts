"use server";
// Approval decisions: zod-parsed forms → lib (admin check, one transaction, notices, audit) → revalidate → back to the queue.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { revalidateListingEverywhere } from "@/lib/catalog/cache";
import { approveInputSchema, approveVersion, rejectInputSchema, rejectVersion } from "@/lib/moderation/approvals";
import { removeInputSchema, removeListing, restoreInputSchema, restoreRemovedListing } from "@/lib/moderation/listings";
import { approveRevision, approveRevisionSchema, rejectRevision, rejectRevisionSchema } from "@/lib/moderation/revisions";
import { validatedAction } from "@/lib/validated-action";

export const approveAction = validatedAction(approveInputSchema, async (data) => {
  const outcome = await approveVersion(await getDb(), await getCurrentUser(), data);
  revalidateListingEverywhere({ slug: outcome.slug, creatorHandle: outcome.creatorHandle });
  revalidatePath("/admin", "layout");
  redirect(`/admin/moderation?done=approved`);
});

export const rejectAction = validatedAction(rejectInputSchema, async (data) => {
  const outcome = await rejectVersion(await getDb(), await getCurrentUser(), data);
  revalidateListingEverywhere({ slug: outcome.slug, creatorHandle: outcome.creatorHandle });
  revalidatePath("/admin", "layout");
  redirect(`/admin/moderation?done=rejected`);
});

export const approveRevisionAction = validatedAction(approveRevisionSchema, async (data) => {
  const outcome = await approveRevision(await getDb(), await getCurrentUser(), data);
  revalidateListingEverywhere({ slug: outcome.slug, creatorHandle: outcome.creatorHandle });
  revalidatePath("/admin", "layout");
  redirect(`/admin/moderation?done=approved`);
});

export const rejectRevisionAction = validatedAction(rejectRevisionSchema, async (data) => {
  await rejectRevision(await getDb(), await getCurrentUser(), data);
  revalidatePath("/admin", "layout");
  redirect(`/admin/moderation?done=rejected`);
});

/** Removal from an approval's page leads to the resolved reports (the case it opened); from the listing's admin page, back there. */
const removeFormSchema = removeInputSchema.extend({ back: z.enum(["listing"]).optional() });

export const removeListingAction = validatedAction(removeFormSchema, async (data) => {
  const removed = await removeListing(await getDb(), await getCurrentUser(), data);
  revalidateListingEverywhere({ slug: removed.slug, creatorHandle: removed.creatorHandle });
  revalidatePath("/admin", "layout");
  redirect(data.back === "listing" ? `/admin/listings/${removed.listingId}?done=removed` : `/admin/reports?status=resolved&done=listing_removed`);
});

/** A removed listing back in the catalog (from its admin page; a counter-notice is decided in its case instead). */
export const restoreListingAction = validatedAction(restoreInputSchema, async (data) => {
  const restored = await restoreRemovedListing(await getDb(), await getCurrentUser(), data);
  revalidateListingEverywhere({ slug: restored.slug, creatorHandle: restored.creatorHandle });
  revalidatePath("/admin", "layout");
  redirect(`/admin/listings/${restored.listingId}?done=restored`);
});
