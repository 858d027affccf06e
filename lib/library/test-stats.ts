// Attempt statistics for a test's creator (and admins): how many take it, pass it, and which questions trip them up.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { listings, listingVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/uuid";
import { notFound } from "./access";
import { parseStoredContent } from "./delivery";

export type VersionAttemptStats = { versionNumber: number; attempts: number; takers: number; passed: number; passRate: number; averagePercent: number };
export type QuestionStats = { id: string; question: string; answered: number; correct: number; correctRate: number };
export type DailyAttempts = { day: string; attempts: number; passed: number };

export type TestAttemptStats = {
  attempts: number;
  takers: number;
  passed: number;
  /** Whole percentages, 0 when there are no attempts. */
  passRate: number;
  averagePercent: number;
  byVersion: VersionAttemptStats[];
  /** Per-question correctness for the current version (null when it has no attempts or no current version). */
  questions: { versionNumber: number; items: QuestionStats[] } | null;
  /** The last 30 days, one row per day with attempts (UTC). */
  daily: DailyAttempts[];
};

const rate = (part: number, whole: number) => (whole ? Math.round((part * 100) / whole) : 0);

/** Statistics for the listing's creator or an admin; anyone else (owners included) gets "not found". */
export async function testAttemptStats(db: Db, actor: Actor | null, listingId: string): Promise<TestAttemptStats> {
  if (!actor || !isUuid(listingId)) throw notFound();
  const [listing] = await db
    .select({ creatorId: listings.creatorId, kind: listings.kind, currentVersionId: listings.currentVersionId })
    .from(listings)
    .where(eq(listings.id, listingId))
    .limit(1);
  const isAdmin = actor.role === "admin" && actor.status === "active";
  if (!listing || (listing.creatorId !== actor.id && !isAdmin)) throw notFound();

  const empty: TestAttemptStats = { attempts: 0, takers: 0, passed: 0, passRate: 0, averagePercent: 0, byVersion: [], questions: null, daily: [] };
  if (listing.kind !== "test") return empty;

  const [totals, byVersion, daily] = await Promise.all([
    queryRows<{ attempts: number; takers: number; passed: number; avg: number | null }>(
      db,
      sql`select count(*)::int as attempts, count(distinct user_id)::int as takers, count(*) filter (where passed)::int as passed,
                 avg(score * 100.0 / nullif(total, 0))::float8 as avg
          from test_attempts where listing_id = ${listingId}`,
    ),
    queryRows<{ versionNumber: number; attempts: number; takers: number; passed: number; avg: number | null }>(
      db,
      sql`select v.number as "versionNumber", count(*)::int as attempts, count(distinct t.user_id)::int as takers,
                 count(*) filter (where t.passed)::int as passed, avg(t.score * 100.0 / nullif(t.total, 0))::float8 as avg
          from test_attempts t join listing_versions v on v.id = t.version_id
          where t.listing_id = ${listingId} group by v.number order by v.number desc`,
    ),
    queryRows<{ day: string; attempts: number; passed: number }>(
      db,
      sql`select to_char(date_trunc('day', created_at at time zone 'UTC'), 'YYYY-MM-DD') as day, count(*)::int as attempts,
                 count(*) filter (where passed)::int as passed
          from test_attempts where listing_id = ${listingId} and created_at >= now() - interval '30 days'
          group by 1 order by 1`,
    ),
  ]);

  const t = totals[0] ?? { attempts: 0, takers: 0, passed: 0, avg: null };
  return {
    attempts: Number(t.attempts),
    takers: Number(t.takers),
    passed: Number(t.passed),
    passRate: rate(Number(t.passed), Number(t.attempts)),
    averagePercent: Math.round(Number(t.avg ?? 0)),
    byVersion: byVersion.map((v) => ({
      versionNumber: Number(v.versionNumber),
      attempts: Number(v.attempts),
      takers: Number(v.takers),
      passed: Number(v.passed),
      passRate: rate(Number(v.passed), Number(v.attempts)),
      averagePercent: Math.round(Number(v.avg ?? 0)),
    })),
    questions: listing.currentVersionId ? await questionStats(db, listing.currentVersionId) : null,
    daily: daily.map((d) => ({ day: d.day, attempts: Number(d.attempts), passed: Number(d.passed) })),
  };
}

async function questionStats(db: Db, versionId: string): Promise<TestAttemptStats["questions"]> {
  const [version] = await db.select().from(listingVersions).where(eq(listingVersions.id, versionId)).limit(1);
  if (!version) return null;
  const content = parseStoredContent(version, "test");
  if (content.kind !== "test") return null;
  // One pass over the stored per-question answers of this version's attempts.
  const rows = await queryRows<{ id: string; answered: number; correct: number }>(
    db,
    sql`select a.elem->>'questionId' as id, count(*) filter (where a.elem->>'choice' is not null)::int as answered,
               count(*) filter (where (a.elem->>'correct')::boolean)::int as correct
        from test_attempts t cross join lateral jsonb_array_elements(t.answers) as a(elem)
        where t.version_id = ${versionId} group by 1`,
  );
  if (rows.length === 0) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const [attempts] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from test_attempts where version_id = ${versionId}`);
  const total = Number(attempts?.n ?? 0);
  return {
    versionNumber: version.number,
    items: content.questions.map((q) => {
      const r = byId.get(q.id);
      const correct = Number(r?.correct ?? 0);
      return { id: q.id, question: q.question, answered: Number(r?.answered ?? 0), correct, correctRate: rate(correct, total) };
    }),
  };
}
