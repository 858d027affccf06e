"use server";
// Admin email page: send a failed mail again.
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getDb } from "@/db/client";
import { requireAdmin } from "@/lib/auth/session";
import { retryFailedMail } from "@/lib/email/admin-outbox";
import { publicError } from "@/lib/errors";
import type { ActionState } from "@/lib/validated-action";

export async function retryMailAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await retryFailedMail(await getDb(), await requireAdmin(), String(formData.get("mailId") ?? ""));
    revalidatePath("/admin/email");
    return { ok: true, message: "Queued again: it goes out within minutes." };
  } catch (error) {
    unstable_rethrow(error);
    const failure = publicError(error);
    if (failure.status >= 500) console.error("[admin email] retry failed", error);
    return { error: failure.message };
  }
}
