"use server";
// Library actions: submitting a test for grading on the server.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { publicError } from "@/lib/errors";
import { submitTestAttempt, submitTestSchema, type TestResult } from "@/lib/library/test-attempts";
import { hitRateLimit, retryAfterSeconds, waitInWords } from "@/lib/security/rate-limit";

/** Submissions per person per minute: plenty for a human, a wall for a script filling test_attempts. */
const SUBMISSIONS_PER_MINUTE = 20;

export type SubmitTestState = { ok: true; result: TestResult } | { ok: false; error: string };

export async function submitTestAction(input: unknown): Promise<SubmitTestState> {
  const parsed = submitTestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Those answers could not be read. Reload the page and try again." };
  try {
    const [db, actor] = await Promise.all([getDb(), getCurrentUser()]);
    const limit = actor ? await hitRateLimit(db, `test-submit:${actor.id}`, SUBMISSIONS_PER_MINUTE) : null;
    if (limit && !limit.allowed) {
      return { ok: false, error: `That's a lot of attempts in a minute. Try again in ${waitInWords(retryAfterSeconds(limit))}.` };
    }
    const result = await submitTestAttempt(db, actor, parsed.data);
    revalidatePath(`/library/${parsed.data.listingId}`);
    return { ok: true, result };
  } catch (error) {
    const { status, message } = publicError(error);
    if (status >= 500) console.error("[library] test submission failed", error);
    return { ok: false, error: message };
  }
}
