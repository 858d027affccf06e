"use server";
// The creator's one answer to the removal of their listing: zod-parsed form → lib (own listing, once) → the editor again.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { counterNoticeSchema, sendCounterNotice } from "@/lib/reports/counter-notice";
import { validatedAction } from "@/lib/validated-action";

export const counterNoticeAction = validatedAction(counterNoticeSchema, async (data) => {
  await sendCounterNotice(await getDb(), await getCurrentUser(), data);
  revalidatePath(`/dashboard/listings/${data.listingId}`);
  revalidatePath("/admin", "layout");
  return { ok: true, message: "Sent. A moderator will look at the removal again and tell you what they decide." };
});
