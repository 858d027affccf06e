// Email test setup: a real SMTP sink, the environment pointing at it (SMTP_URL, EMAIL_FROM, APP_URL), and outbox reads.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import type { OutboxMail } from "@/db/schema";
import { reloadEnv } from "@/lib/env";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

export const TEST_APP_URL = "https://agora.example";
export const TEST_EMAIL_FROM = "Agora <no-reply@agora.example>";

/** Starts a sink and points the environment at it; `done()` stops it and restores the environment. */
export async function mailEnvironment(): Promise<SmtpSink & { done: () => Promise<void> }> {
  const sink = await startSmtpSink();
  const saved = { SMTP_URL: process.env.SMTP_URL, EMAIL_FROM: process.env.EMAIL_FROM, APP_URL: process.env.APP_URL };
  Object.assign(process.env, { SMTP_URL: sink.url, EMAIL_FROM: TEST_EMAIL_FROM, APP_URL: TEST_APP_URL });
  reloadEnv();
  return {
    ...sink,
    done: async () => {
      await sink.stop().catch(() => {});
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      reloadEnv();
    },
  };
}

export type OutboxRow = Pick<OutboxMail, "id" | "template" | "toAddress" | "userId" | "status" | "attempts" | "lastError"> & {
  nextAttemptAt: Date;
  data: Record<string, unknown>;
};

/** Every outbox row (optionally of one recipient), oldest first. */
export async function outboxRows(db: Db, to?: string): Promise<OutboxRow[]> {
  const rows = await queryRows<OutboxRow & { nextAttemptAt: string | Date }>(
    db,
    sql`select id, template, to_address as "toAddress", user_id as "userId", status, attempts, last_error as "lastError",
               next_attempt_at as "nextAttemptAt", data
          from email_outbox ${to ? sql`where to_address = ${to}` : sql``} order by created_at, id`,
  );
  return rows.map((r) => ({ ...r, nextAttemptAt: new Date(r.nextAttemptAt) }));
}

/** Empties the outbox between tests that count mail. */
export async function clearOutbox(db: Db) {
  await db.execute(sql`delete from email_outbox`);
}

export const minutes = (date: Date, m: number) => new Date(date.getTime() + m * 60_000);
