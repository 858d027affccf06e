"use server";
// Notification settings: save which optional emails the signed-in person gets.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { emailPreferencesFormSchema, updateMyEmailPreferences } from "@/lib/email/preferences";
import { validatedAction } from "@/lib/validated-action";

export const saveEmailPreferencesAction = validatedAction(emailPreferencesFormSchema, async (data) => {
  await updateMyEmailPreferences(await getDb(), await requireUser(), data);
  revalidatePath("/account/notifications");
  return { ok: true, message: "Saved. Your email settings apply from the next email on." };
});
