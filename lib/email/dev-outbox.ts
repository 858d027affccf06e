// The development mail page's reads and actions (/dev/mail): the outbox with each mail rendered as it is (or would
// be) sent. Never in production: the page answers 404 there and every function here refuses.
import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox, type OutboxMail } from "@/db/schema";
import { collectDigests } from "./digest";
import { deliverMail, type DeliverySummary } from "./deliver";
import { isKnownTemplate, renderMail, type RenderedMail } from "./render";
import type { MailRequest } from "./mail-types";

/** Outside production only (Next fixes NODE_ENV to "production" in a production build). */
export function devMailPageEnabled(): boolean {
  return process.env.NODE_ENV !== "production";
}

function assertEnabled() {
  if (!devMailPageEnabled()) throw new Error("the development mail page is not available in production");
}

export type DevMail = OutboxMail & { rendered: RenderedMail | null; renderError: string | null };

function rendered(row: OutboxMail): Pick<DevMail, "rendered" | "renderError"> {
  try {
    if (!isKnownTemplate(row.template)) throw new Error(`unknown template ${row.template}`);
    return {
      rendered: renderMail({ template: row.template, data: row.data, userId: row.userId } as Pick<MailRequest, "template" | "data" | "userId">),
      renderError: null,
    };
  } catch (error) {
    return { rendered: null, renderError: error instanceof Error ? error.message : String(error) };
  }
}

/** The newest mails first (subjects rendered). */
export async function devOutbox(db: Db, limit = 100): Promise<DevMail[]> {
  assertEnabled();
  const rows = await db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id)).limit(limit);
  return rows.map((row) => ({ ...row, ...rendered(row) }));
}

export async function devMail(db: Db, id: string): Promise<DevMail | null> {
  assertEnabled();
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return row ? { ...row, ...rendered(row) } : null;
}

/** Runs the sweep now; `releaseDigests` builds every held digest without waiting for 08:00 UTC. */
export async function devSweep(db: Db, opts: { releaseDigests?: boolean } = {}): Promise<DeliverySummary & { digests: number }> {
  assertEnabled();
  const digests = await collectDigests(db, opts.releaseDigests ? new Date(Date.now() + 2 * 86_400_000) : new Date());
  return { digests, ...(await deliverMail({ db })) };
}
