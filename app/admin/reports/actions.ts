"use server";
// Report decisions: zod-parsed form → lib (admin check, one transaction, notices, audit) → revalidate → back to the queue.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { revalidateListingEverywhere } from "@/lib/catalog/cache";
import { resolveReport, resolveReportSchema } from "@/lib/reports/resolve";
import { validatedAction } from "@/lib/validated-action";

export const resolveReportAction = validatedAction(resolveReportSchema, async (data) => {
  const outcome = await resolveReport(await getDb(), await getCurrentUser(), data);
  if (outcome.listing) revalidateListingEverywhere({ slug: outcome.listing.slug, creatorHandle: outcome.listing.creatorHandle ?? "" });
  revalidatePath("/admin", "layout");
  redirect(`/admin/reports?done=${outcome.outcome}`);
});
