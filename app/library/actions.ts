"use server";
// Library actions: submitting a test for grading on the server.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { publicError } from "@/lib/errors";
import { submitTestAttempt, submitTestSchema, type TestResult } from "@/lib/library/test-attempts";

export type SubmitTestState = { ok: true; result: TestResult } | { ok: false; error: string };

export async function submitTestAction(input: unknown): Promise<SubmitTestState> {
  const parsed = submitTestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Those answers could not be read. Reload the page and try again." };
  try {
    const result = await submitTestAttempt(await getDb(), await getCurrentUser(), parsed.data);
    revalidatePath(`/library/${parsed.data.listingId}`);
    return { ok: true, result };
  } catch (error) {
    const { status, message } = publicError(error);
    if (status >= 500) console.error("[library] test submission failed", error);
    return { ok: false, error: message };
  }
}
