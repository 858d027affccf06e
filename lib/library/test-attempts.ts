// Taking an online test: graded on the server against the stored answers, recorded in test_attempts for owners.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { listingVersions, testAttempts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { uuidSchema } from "@/lib/uuid";
import { parseInput } from "@/lib/errors";
import { approvedVersion, deliveryAccess, notFound } from "./access";
import { parseStoredContent } from "./delivery";
import { gradeTest, scorePercent, type TestGrade } from "./test-grading";

export const submitTestSchema = z.object({
  listingId: uuidSchema(),
  versionNumber: z.coerce.number().int().min(1),
  // questionId → index of the chosen answer; unanswered questions are simply absent.
  answers: z.record(z.string().min(1).max(40), z.number().int().min(0).max(50)).refine((a) => Object.keys(a).length <= 200),
});
export type SubmitTestInput = z.input<typeof submitTestSchema>;

/** What is stored per question in test_attempts.answers (also what attempt statistics read). */
export type StoredAnswer = { questionId: string; choice: number | null; correct: boolean };

export type TestResult = TestGrade & {
  attemptId: string | null;
  /** False when the creator or an admin tries their own test: graded, but not counted in statistics. */
  recorded: boolean;
  versionNumber: number;
};

/**
 * Grades a submission for a version the actor may read. Owners (suspended ones too: it is their
 * purchase) get the attempt recorded against their order; the creator and admins get a preview grade.
 */
export async function submitTestAttempt(db: Db, actor: Actor | null, input: SubmitTestInput): Promise<TestResult> {
  const { listingId, versionNumber, answers } = parseInput(submitTestSchema, input);
  const delivery = await deliveryAccess(db, actor, listingId);
  if (delivery.listing.kind !== "test") throw notFound();
  const version = await approvedVersion(db, delivery, versionNumber);
  const content = parseStoredContent(version, "test");
  if (content.kind !== "test") throw notFound();
  const graded = gradeTest(content, answers);

  let attemptId: string | null = null;
  if (delivery.relation === "owner") {
    const stored: StoredAnswer[] = graded.questions.map((q) => ({ questionId: q.id, choice: q.chosen, correct: q.correct }));
    const [row] = await db
      .insert(testAttempts)
      .values({
        userId: delivery.order.buyerId,
        listingId,
        versionId: version.id,
        orderId: delivery.order.id,
        answers: stored,
        score: graded.score,
        total: graded.total,
        passed: graded.passed,
      })
      .returning({ id: testAttempts.id });
    attemptId = row.id;
  }
  return { attemptId, recorded: attemptId !== null, versionNumber: version.number, ...graded };
}

export type AttemptSummary = { id: string; versionNumber: number; score: number; total: number; percent: number; passed: boolean; takenAt: Date };

/** The actor's own attempts at a test they may read, newest first. */
export async function myTestAttempts(db: Db, actor: Actor | null, listingId: string, limit = 50): Promise<AttemptSummary[]> {
  if (!actor) throw notFound();
  const delivery = await deliveryAccess(db, actor, listingId);
  if (delivery.listing.kind !== "test") return [];
  const rows = await db
    .select({
      id: testAttempts.id,
      versionNumber: listingVersions.number,
      score: testAttempts.score,
      total: testAttempts.total,
      passed: testAttempts.passed,
      takenAt: testAttempts.createdAt,
    })
    .from(testAttempts)
    .innerJoin(listingVersions, eq(listingVersions.id, testAttempts.versionId))
    .where(and(eq(testAttempts.userId, actor.id), eq(testAttempts.listingId, listingId)))
    .orderBy(desc(testAttempts.createdAt), desc(testAttempts.id))
    .limit(Math.min(limit, 200));
  return rows.map((r) => ({ ...r, percent: scorePercent(r.score, r.total) }));
}
