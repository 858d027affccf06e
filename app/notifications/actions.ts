"use server";
// Marking notifications read.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { markRead } from "@/lib/notifications/notifications";

export async function markAllReadAction() {
  // A signed-out browser (its session ended in another tab) is sent to sign in, not shown an error page.
  await markRead(await getDb(), await userOrSignIn("/notifications"));
  revalidatePath("/", "layout");
}
