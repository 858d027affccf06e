"use server";
// Development mail page actions: run the sweep now, optionally releasing every held sales digest.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { devMailPageEnabled, devSweep } from "@/lib/email/dev-outbox";

export async function runSweepAction(formData: FormData): Promise<void> {
  if (!devMailPageEnabled()) notFound();
  await devSweep(await getDb(), { releaseDigests: formData.get("releaseDigests") === "1" });
  revalidatePath("/dev/mail");
}
