"use server";
// "Your data" actions: delete the account (password, and a code with two-factor on), then sign out of this browser.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { deleteAccount, deleteAccountSchema } from "@/lib/accounts/deletion";
import { signOut } from "@/lib/auth/config";
import { requireUser } from "@/lib/auth/session";
import { revalidateListing } from "@/lib/catalog/cache";
import { validatedAction } from "@/lib/validated-action";

export const deleteAccountAction = validatedAction(deleteAccountSchema, async (input) => {
  const deletion = await deleteAccount(await getDb(), await requireUser(), input);
  for (const slug of deletion.unpublishedSlugs) revalidateListing({ slug, creatorHandle: deletion.formerHandle });
  if (deletion.formerHandle) revalidatePath(`/c/${deletion.formerHandle}`);
  revalidatePath("/", "layout");
  await signOut({ redirectTo: "/?account=deleted" });
});
