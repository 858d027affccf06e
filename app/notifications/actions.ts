"use server";
// Marking notifications read.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { markRead } from "@/lib/notifications/notifications";

export async function markAllReadAction() {
  await markRead(await getDb(), await getCurrentUser());
  revalidatePath("/", "layout");
}
