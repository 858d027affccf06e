// The cron sweep (GET /api/cron/email): builds due sales digests, then sends whatever mail is due — first tries
// that after() missed and retries after their backoff. Overlapping sweeps are safe (claims skip locked rows).
import "server-only";
import { getDb, type Db } from "@/db/client";
import { deliverMail, type DeliverySummary } from "./deliver";
import { collectDigests } from "./digest";
import type { MailTransport } from "./transport";

export type SweepSummary = DeliverySummary & { digests: number };

export async function sweepOutbox(options: { db?: Db; now?: Date; budgetMs?: number; transport?: MailTransport | null } = {}): Promise<SweepSummary> {
  const db = options.db ?? (await getDb());
  const digests = await collectDigests(db, options.now ?? new Date());
  const delivery = await deliverMail({ db, now: options.now, budgetMs: options.budgetMs, transport: options.transport });
  return { digests, ...delivery };
}
