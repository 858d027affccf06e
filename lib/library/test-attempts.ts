// Taking an online test: graded on the server against the stored answers, recorded in test_attempts for owners.
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { listingVersions, testAttempts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import type { TestContent } from "@/lib/listings/content";
import { approvedVersion, deliveryAccess, notFound, UUID_RE } from "./access";
import { parseStoredContent } from "./delivery";

export const submitTestSchema = z.object({
  listingId: z.string().regex(UUID_RE),
  versionNumber: z.coerce.number().int().min(1),
  // questionId → index of the chosen answer; unanswered questions are simply absent.
  answers: z.record(z.string().min(1).max(40), z.number().int().min(0).max(50)).refine((a) => Object.keys(a).length <= 200),
});
export type SubmitTestInput = z.input<typeof submitTestSchema>;

/** What is stored per question in test_attempts.answers (also what attempt statistics read). */
export type StoredAnswer = { questionId: string; choice: number | null; correct: boolean };

export type GradedQuestion = {
  id: string;
  question: string;
  choices: string[];
  chosen: number | null;
  correctIndex: number;
  correct: boolean;
  explanation: string;
};

export type TestResult = {
  attemptId: string | null;
  /** False when the creator or an admin tries their own test: graded, but not counted in statistics. */
  recorded: boolean;
  versionNumber: number;
  score: number;
  total: number;
  percent: number;
  passMark: number;
  passed: boolean;
  questions: GradedQuestion[];
};

/** Grades answers against a test: pass when score / total ≥ passMark % (integer arithmetic, no rounding drift). */
export function gradeTest(test: TestContent, answers: Record<string, number>) {
  const questions: GradedQuestion[] = test.questions.map((q) => {
    const given = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : undefined;
    const chosen = given !== undefined && Number.isInteger(given) && given >= 0 && given < q.choices.length ? given : null;
    return {
      id: q.id,
      question: q.question,
      choices: q.choices,
      chosen,
      correctIndex: q.correctIndex,
      correct: chosen === q.correctIndex,
      explanation: q.explanation,
    };
  });
  const score = questions.filter((q) => q.correct).length;
  const total = questions.length;
  return {
    questions,
    score,
    total,
    percent: total ? Math.floor((score * 100) / total) : 0,
    passMark: test.passMark,
    passed: score * 100 >= test.passMark * total,
  };
}

/**
 * Grades a submission for a version the actor may read. Owners (suspended ones too: it is their
 * purchase) get the attempt recorded against their order; the creator and admins get a preview grade.
 */
export async function submitTestAttempt(db: Db, actor: Actor | null, input: SubmitTestInput): Promise<TestResult> {
  const parsed = submitTestSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("input.invalid");
  const { listingId, versionNumber, answers } = parsed.data;
  const delivery = await deliveryAccess(db, actor, listingId);
  if (delivery.listing.kind !== "test") throw notFound();
  const version = await approvedVersion(db, delivery, versionNumber);
  const content = parseStoredContent(version, "test");
  if (content.kind !== "test") throw notFound();
  const graded = gradeTest(content, answers);

  let attemptId: string | null = null;
  if (delivery.access.kind === "owner") {
    const stored: StoredAnswer[] = graded.questions.map((q) => ({ questionId: q.id, choice: q.chosen, correct: q.correct }));
    const [row] = await db
      .insert(testAttempts)
      .values({
        userId: delivery.access.order.buyerId,
        listingId,
        versionId: version.id,
        orderId: delivery.access.order.id,
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
  return rows.map((r) => ({ ...r, percent: r.total ? Math.floor((r.score * 100) / r.total) : 0 }));
}
