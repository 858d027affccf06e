// One-click unsubscribe: a signed token names a person and a kind of optional mail, so the link works without
// signing in and nobody can make one for someone else (HMAC with a key derived from AUTH_SECRET). Tokens do not
// expire: a link in a year-old mail must still work (RFC 8058).
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { appLink } from "./layout";
import type { MailCategory } from "./mail-types";
import { saveEmailPreferences, type EmailPreferences } from "./preferences";

const CATEGORIES = ["sales", "new_versions", "payouts"] as const satisfies readonly MailCategory[];

export const CATEGORY_LABELS: Record<MailCategory, string> = {
  sales: "sale emails",
  new_versions: "new-version emails",
  payouts: "payout emails",
};

const payloadSchema = z.object({ u: z.uuid(), c: z.enum(CATEGORIES) });

const key = () => createHmac("sha256", "agora-email-unsubscribe").update(env().authSecret).digest();
const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

/** A token that turns off `category` mail for `userId`. */
export function unsubscribeToken(userId: string, category: MailCategory): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, c: category })).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** Who and what a token is for, or null when it is malformed or its signature is not ours. */
export function readUnsubscribeToken(token: string | null | undefined): { userId: string; category: MailCategory } | null {
  if (!token || token.length > 512) return null;
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? { userId: parsed.data.u, category: parsed.data.c } : null;
  } catch {
    return null;
  }
}

/** The page a person opens from the mail (it asks before changing anything: link scanners open links too). */
export const unsubscribePageUrl = (token: string) => appLink(`/email/unsubscribe?token=${encodeURIComponent(token)}`);
/** The List-Unsubscribe endpoint that mail clients POST to (`List-Unsubscribe=One-Click`). */
export const unsubscribePostUrl = (token: string) => appLink(`/api/email/unsubscribe?token=${encodeURIComponent(token)}`);

const CHANGE: Record<MailCategory, Partial<EmailPreferences>> = {
  sales: { saleEmails: "off" },
  new_versions: { newVersionEmails: false },
  payouts: { payoutEmails: false },
};

/**
 * Turns off the kind of mail a valid token names; no sign-in needed, the token is the proof. Returns what was
 * turned off, or null for a forged or broken token (nothing changes). Repeating it changes nothing more.
 */
export async function unsubscribe(db: Db | Tx, token: string | null | undefined): Promise<{ category: MailCategory } | null> {
  const target = readUnsubscribeToken(token);
  if (!target) return null;
  // A valid token of a deleted account: nothing is left to unsubscribe.
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, target.userId)).limit(1);
  if (user) await saveEmailPreferences(db, target.userId, CHANGE[target.category]);
  return { category: target.category };
}
