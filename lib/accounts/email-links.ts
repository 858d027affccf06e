// Single-use links sent by email (confirm an address, reset a password, confirm a new address): a random token in the
// link, its sha256 in account_tokens, a lifetime per purpose, and used up by the first successful use.
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accountTokens, type AccountToken, type AccountTokenPurpose } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { digest, randomSecret } from "./digest";

const LIFETIME_MINUTES: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 60,
  password_reset: 30,
  email_change: 24 * 60,
};

/** The page each link opens (an app path; the mail resolves it against APP_URL). */
const LINK_PATH: Record<AccountTokenPurpose, string> = {
  verify_email: "/verify-email",
  password_reset: "/reset-password",
  email_change: "/confirm-email",
};

export function accountLinkUrl(purpose: AccountTokenPurpose, token: string): string {
  return `${LINK_PATH[purpose]}?token=${encodeURIComponent(token)}`;
}

/**
 * A new link for `purpose`, sent to `email`; earlier unused links of the same purpose stop working, so only the latest
 * mail counts. Call inside the transaction that queues the mail. Answers the token (goes in the link, never stored).
 */
export async function issueAccountLink(tx: Db, input: { userId: string; purpose: AccountTokenPurpose; email: string }, now = new Date()): Promise<string> {
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, input.userId), eq(accountTokens.purpose, input.purpose), isNull(accountTokens.usedAt)));
  const token = randomSecret();
  await tx.insert(accountTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    email: input.email,
    tokenHash: digest(token),
    expiresAt: new Date(now.getTime() + LIFETIME_MINUTES[input.purpose] * 60_000),
  });
  return token;
}

export type AccountLinkState = { status: "valid"; email: string } | { status: "invalid" } | { status: "expired" };

/** Whether a link still works, without using it (the page that shows the confirm button or the new-password form). */
export async function checkAccountLink(db: Db, purpose: AccountTokenPurpose, token: string, now = new Date()): Promise<AccountLinkState> {
  const row = await findLink(db, purpose, token);
  if (!row || row.usedAt) return { status: "invalid" };
  if (row.expiresAt <= now) return { status: "expired" };
  return { status: "valid", email: row.email };
}

/** Uses a link up inside `tx` (locking it, so two clicks can't both succeed); refuses unknown, used and expired ones. */
export async function consumeAccountLink(tx: Db, purpose: AccountTokenPurpose, token: string, now = new Date()): Promise<AccountToken> {
  const row = await findLink(tx, purpose, token, true);
  if (!row || row.usedAt) throw new DomainError("account.link_invalid");
  if (row.expiresAt <= now) throw new DomainError("account.link_expired");
  await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, row.id));
  return row;
}

async function findLink(db: Db, purpose: AccountTokenPurpose, token: string, lock = false): Promise<AccountToken | undefined> {
  if (typeof token !== "string" || token.length < 20 || token.length > 100) return undefined;
  const query = db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, digest(token)), eq(accountTokens.purpose, purpose)))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}
