// Delivery through a real SMTP server: what arrives, that a rolled-back change sends nothing, that an outage loses
// nothing, that a mail that keeps failing ends up failed (visible), and that concurrent sweeps send each mail once.
import { sql } from "drizzle-orm";
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { createLogger, logger } from "@/lib/observability/logger";
import { makeUser } from "@/lib/testing/fixtures";
import { MAX_ATTEMPTS, deliverMail, retryDelayMs } from "./deliver";
import { queueEmail } from "./outbox";
import { sweepOutbox } from "./sweep";
import { clearOutbox, mailEnvironment, minutes, outboxRows, TEST_APP_URL } from "./testing/fixtures";

let smtp: Awaited<ReturnType<typeof mailEnvironment>>;

beforeAll(async () => {
  smtp = await mailEnvironment();
});
afterAll(() => smtp.done());
afterEach(() => vi.restoreAllMocks());
beforeEach(async () => {
  smtp.mails.length = 0;
  smtp.refuseWith(null);
  smtp.slowDown(0);
  await clearOutbox(testDatabase().db);
});

// Explicit times start a little ahead: rows are stamped by the database clock, to the microsecond.
const soon = () => minutes(new Date(), 0.1);

/** The JSON lines logger.error writes during a test, through the real logger's serializers and redaction. */
function captureErrorLog(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  process.env.LOG_LEVEL = "error";
  const capturing = createLogger(sink);
  delete process.env.LOG_LEVEL;
  vi.spyOn(logger, "error").mockImplementation(((...args: Parameters<typeof logger.error>) => capturing.error(...args)) as typeof logger.error);
  return lines;
}

const verify = (to: string, token = "tok123") => ({ template: "verify_email" as const, to, data: { url: `/verify-email?token=${token}` } });

describe("email delivery", () => {
  it("sends a queued mail over SMTP from EMAIL_FROM with text and HTML parts whose links are built from APP_URL", async () => {
    const db = testDatabase().db;
    const person = await makeUser(db);
    await queueEmail(db, { ...verify(person.email), userId: person.id });
    expect(await sweepOutbox({ db })).toMatchObject({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail.envelopeTo).toEqual([person.email]);
    expect(mail.headers.get("to")).toBe(person.email);
    expect(mail.headers.get("from")).toBe("Agora <no-reply@agora.example>");
    expect(mail.subject).toBe("Confirm your email address for Agora");
    expect(mail.text).toContain(`Confirm email address: ${TEST_APP_URL}/verify-email?token=tok123`);
    expect(mail.html).toContain(`href="${TEST_APP_URL}/verify-email?token=tok123"`);
    expect(mail.html).toContain("<h1");
    // Transactional mail carries no unsubscribe.
    expect(mail.headers.has("list-unsubscribe")).toBe(false);
    const [row] = await outboxRows(db);
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(mail.messageId).toBe(`<${row.id}@agora.example>`);
    // Sent once: another sweep finds nothing.
    expect(await sweepOutbox({ db })).toMatchObject({ claimed: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(1);
  });

  it("writes nothing and sends nothing for a rolled-back transaction", async () => {
    const db = testDatabase().db;
    await expect(
      db.transaction(async (tx) => {
        await queueEmail(tx, verify("rolled-back@example.test"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await outboxRows(db)).toEqual([]);
    expect(await sweepOutbox({ db })).toMatchObject({ claimed: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(0);
  });

  it("loses nothing while the SMTP server is down and sends the mail on a later sweep, after the backoff", async () => {
    const db = testDatabase().db;
    await queueEmail(db, verify("outage@example.test"));
    await smtp.stop();
    const now = soon();
    try {
      expect(await deliverMail({ db, now })).toMatchObject({ claimed: 1, sent: 0, retried: 1 });
      const [row] = await outboxRows(db);
      expect(row).toMatchObject({ status: "pending", attempts: 1 });
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(1));
      // Before the backoff ends, nothing is tried.
      expect(await deliverMail({ db, now: minutes(now, 0.5) })).toMatchObject({ claimed: 0 });
    } finally {
      await smtp.restart();
    }
    expect(await deliverMail({ db, now: minutes(now, 1) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.mails.map((m) => m.envelopeTo[0])).toEqual(["outage@example.test"]);
    expect((await outboxRows(db))[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("retries after a temporary (4xx) and a permanent-looking (5xx) refusal, with growing waits", async () => {
    const db = testDatabase().db;
    await queueEmail(db, verify("refused@example.test"));
    const now = soon();
    smtp.refuseWith(451);
    expect(await deliverMail({ db, now })).toMatchObject({ retried: 1 });
    let [row] = await outboxRows(db);
    expect(row.lastError).toMatch(/451/);
    smtp.refuseWith(550);
    expect(await deliverMail({ db, now: minutes(now, 1) })).toMatchObject({ retried: 1 });
    [row] = await outboxRows(db);
    expect(row.lastError).toMatch(/550/);
    expect(row.nextAttemptAt.getTime()).toBe(minutes(now, 1).getTime() + retryDelayMs(2));
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    smtp.refuseWith(null);
    expect(await deliverMail({ db, now: minutes(now, 3) })).toMatchObject({ sent: 1 });
    expect(smtp.mails).toHaveLength(1);
    expect((await outboxRows(db))[0]).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("marks a mail that keeps failing as failed after the last attempt, keeps it with its error, logs it once and stops trying", async () => {
    const db = testDatabase().db;
    const logged = captureErrorLog();
    await queueEmail(db, verify("never@example.test"));
    smtp.refuseWith(550);
    let now = soon();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const summary = await deliverMail({ db, now });
      expect(summary).toMatchObject(attempt < MAX_ATTEMPTS ? { retried: 1 } : { failed: 1 });
      now = new Date(now.getTime() + retryDelayMs(attempt));
    }
    const [row] = await outboxRows(db);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(row.lastError).toMatch(/550/);
    // One structured line for the give-up, naming the mail but not its address.
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: "error", event: "email.failed", template: "verify_email", mailId: row.id, attempts: MAX_ATTEMPTS });
    expect(JSON.stringify(logged[0])).not.toContain("never@example.test");
    smtp.refuseWith(null);
    expect(await deliverMail({ db, now: minutes(now, 24 * 60) })).toMatchObject({ claimed: 0 });
    expect(smtp.mails).toHaveLength(0);
  });

  it("sends a mail again whose sender died mid-send once its claim has expired", async () => {
    const db = testDatabase().db;
    await queueEmail(db, verify("crashed@example.test"));
    const now = soon();
    // A sender claimed it (lease of ten minutes) and died before recording anything.
    await db.execute(sql`update email_outbox set status = 'sending', attempts = 1, locked_until = ${minutes(now, 10).toISOString()}::timestamptz`);
    expect(await deliverMail({ db, now: minutes(now, 5) })).toMatchObject({ claimed: 0 });
    expect(await deliverMail({ db, now: minutes(now, 10) })).toMatchObject({ claimed: 1, sent: 1 });
    expect((await outboxRows(db))[0]).toMatchObject({ status: "sent", attempts: 2 });
    expect(smtp.mails).toHaveLength(1);
  });

  it("sends each mail once when two sweeps run at the same time", async () => {
    const db = testDatabase().db;
    const count = 40;
    for (let i = 0; i < count; i++) await queueEmail(db, verify(`both-${i}@example.test`, `t${i}`));
    smtp.slowDown(15);
    const [a, b] = await Promise.all([sweepOutbox({ db }), sweepOutbox({ db })]);
    expect(a.sent + b.sent).toBe(count);
    expect(a.claimed + b.claimed).toBe(count);
    expect(smtp.mails).toHaveLength(count);
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(count);
    expect((await outboxRows(db)).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("keeps mail in the outbox, unsent, when SMTP_URL is unset outside production", async () => {
    const db = testDatabase().db;
    await queueEmail(db, verify("kept@example.test"));
    expect(await deliverMail({ db, transport: null })).toMatchObject({ kept: 1, sent: 0 });
    expect((await outboxRows(db))[0]).toMatchObject({ status: "kept", attempts: 0 });
    expect(smtp.mails).toHaveLength(0);
  });
});
