import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testAttempts, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { loadActor } from "@/lib/auth/actor";
import { myTestAttempts, submitTestAttempt } from "./test-attempts";
import { testAttemptStats } from "./test-stats";
import { makeCreator, makeListing, makeOrder, makeUser, testContent } from "@/lib/testing/fixtures";

// Question i's correct answer is i % 4.
const allRight = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i + 1}`, i % 4]));

describe("taking a test", () => {
  async function world() {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { kind: "test", versions: [{ content: testContent(60, 5) }, { content: testContent(80, 4) }] });
    const buyer = await makeUser(db);
    const order = await makeOrder(db, buyer, listing);
    return { db, creator, listing, buyer, order };
  }

  it("an owner submits, gets score, pass/fail and explanations, and the attempt is recorded on their order", async () => {
    const { db, listing, buyer, order } = await world();
    const result = await submitTestAttempt(db, buyer, { listingId: listing.id, versionNumber: 2, answers: { q1: 0, q2: 1, q3: 2, q4: 0 } });
    expect(result).toMatchObject({ recorded: true, versionNumber: 2, score: 3, total: 4, percent: 75, passMark: 80, passed: false });
    expect(result.questions[3]).toMatchObject({ chosen: 0, correctIndex: 3, correct: false, explanation: "Because D." });
    const [row] = await db.select().from(testAttempts).where(eq(testAttempts.id, result.attemptId!));
    expect(row).toMatchObject({ userId: buyer.id, orderId: order.id, versionId: listing.versions[1].id, score: 3, total: 4, passed: false });
    expect(row.answers).toEqual([
      { questionId: "q1", choice: 0, correct: true },
      { questionId: "q2", choice: 1, correct: true },
      { questionId: "q3", choice: 2, correct: true },
      { questionId: "q4", choice: 0, correct: false },
    ]);
  });

  it("keeps an attempt history per person, newest first, that nobody else can read", async () => {
    const { db, listing, buyer } = await world();
    await submitTestAttempt(db, buyer, { listingId: listing.id, versionNumber: 1, answers: {} });
    await submitTestAttempt(db, buyer, { listingId: listing.id, versionNumber: 2, answers: allRight(4) });
    const history = await myTestAttempts(db, buyer, listing.id);
    expect(history.map((a) => [a.versionNumber, a.percent, a.passed])).toEqual([
      [2, 100, true],
      [1, 0, false],
    ]);
    const stranger = await makeUser(db);
    await expect(myTestAttempts(db, stranger, listing.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(submitTestAttempt(db, stranger, { listingId: listing.id, versionNumber: 1, answers: {} })).rejects.toMatchObject({ code: "not_found" });
  });

  it("a suspended owner can still take the test they bought; a refunded buyer cannot", async () => {
    const { db, listing, buyer } = await world();
    await db.update(users).set({ status: "suspended" }).where(eq(users.id, buyer.id));
    const suspended = await loadActor(db, buyer.id);
    await expect(submitTestAttempt(db, suspended, { listingId: listing.id, versionNumber: 1, answers: {} })).resolves.toMatchObject({ recorded: true });
    const refunded = await makeUser(db);
    await makeOrder(db, refunded, listing, { status: "refunded" });
    await expect(submitTestAttempt(db, refunded, { listingId: listing.id, versionNumber: 1, answers: {} })).rejects.toMatchObject({ code: "not_found" });
  });

  it("the creator can try their own test without it counting in the statistics", async () => {
    const { db, creator, listing } = await world();
    const result = await submitTestAttempt(db, creator, { listingId: listing.id, versionNumber: 1, answers: allRight(5) });
    expect(result).toMatchObject({ recorded: false, attemptId: null, passed: true });
    expect((await testAttemptStats(db, creator, listing.id)).attempts).toBe(0);
  });

  it("rejects a version that is not approved and malformed answers", async () => {
    const { db, listing, buyer } = await world();
    await expect(submitTestAttempt(db, buyer, { listingId: listing.id, versionNumber: 7, answers: {} })).rejects.toMatchObject({ code: "not_found" });
    await expect(submitTestAttempt(db, buyer, { listingId: listing.id, versionNumber: 1, answers: { q1: -1 } })).rejects.toMatchObject({
      code: "input.invalid",
    });
  });
});

describe("attempt statistics", () => {
  it("the creator sees attempts, takers, pass rate, average and per-question correctness of the current version", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { kind: "test", versions: [{ content: testContent(50, 4) }] });
    const a = await makeUser(db);
    const b = await makeUser(db);
    await makeOrder(db, a, listing);
    await makeOrder(db, b, listing);
    await submitTestAttempt(db, a, { listingId: listing.id, versionNumber: 1, answers: allRight(4) }); // 100%
    await submitTestAttempt(db, a, { listingId: listing.id, versionNumber: 1, answers: { q1: 0 } }); // 25%
    await submitTestAttempt(db, b, { listingId: listing.id, versionNumber: 1, answers: { q1: 0, q2: 1 } }); // 50%

    const stats = await testAttemptStats(db, creator, listing.id);
    expect(stats).toMatchObject({ attempts: 3, takers: 2, passed: 2, passRate: 67, averagePercent: 58 });
    expect(stats.byVersion).toEqual([{ versionNumber: 1, attempts: 3, takers: 2, passed: 2, passRate: 67, averagePercent: 58 }]);
    expect(stats.questions?.items.map((q) => [q.id, q.correct, q.correctRate])).toEqual([
      ["q1", 3, 100],
      ["q2", 2, 67],
      ["q3", 1, 33],
      ["q4", 1, 33],
    ]);
    expect(stats.daily).toHaveLength(1);
    expect(stats.daily[0].attempts).toBe(3);
  });

  it("owners, strangers and other creators cannot read a test's statistics; admins can", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const rival = await makeCreator(db, { name: "Rival" });
    const admin = await makeUser(db, { role: "admin" });
    const listing = await makeListing(db, creator, { kind: "test" });
    const owner = await makeUser(db);
    await makeOrder(db, owner, listing);
    for (const who of [owner, rival, null]) {
      await expect(testAttemptStats(db, who, listing.id)).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(testAttemptStats(db, admin, listing.id)).resolves.toMatchObject({ attempts: 0, questions: null });
  });
});
