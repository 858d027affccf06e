"use server";
// The unsubscribe page's button: no sign-in, the token in the link is the proof.
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { unsubscribe } from "@/lib/email/unsubscribe";

export async function unsubscribeAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const done = await unsubscribe(await getDb(), token);
  redirect(`/email/unsubscribe?token=${encodeURIComponent(token)}&${done ? "done=1" : "invalid=1"}`);
}
