// Session versions: every session token carries the user's `session_version`, checked on each request
// (lib/auth/session.ts), so bumping it signs the person out on every device at once.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import { readSignedValue, signValue } from "./signed-tokens";

/**
 * Signs the person out everywhere: every session token issued so far stops working on its next request.
 * Call it inside the transaction of the change that causes it (password reset, ban…). Answers the new version.
 */
export async function signOutEverywhere(tx: Db, userId: string): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  if (!row) throw new DomainError("user.not_found");
  return row.sessionVersion;
}

/** "Sign out everywhere" from account settings: the signed-in person ends every one of their sessions. */
export async function endAllSessions(db: Db, actor: Actor | null): Promise<void> {
  const user = assertSignedIn(actor);
  await db.transaction((tx) => signOutEverywhere(tx, user.id));
}

/** The session version a token must carry to be valid now. */
export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.sessionVersion ?? null;
}

/**
 * A proof, made on the server after a change that signed out every other session, that this browser's token may move
 * to `sessionVersion` (so the person who changed their password stays signed in). Session updates can also be posted
 * by a browser; without this proof the token's version never moves. Valid for a minute.
 */
export function reissueProof(userId: string, sessionVersion: number): string {
  return signValue("session_reissue", `${userId}:${sessionVersion}`, 60);
}

/** The version a reissue proof allows for this user, or null when the proof is not genuine (or not theirs). */
export function verifyReissueProof(userId: string, proof: unknown): number | null {
  const payload = readSignedValue("session_reissue", proof);
  const match = payload ? /^([0-9a-f-]{36}):(\d{1,9})$/.exec(payload) : null;
  if (!match || match[1] !== userId) return null;
  return Number(match[2]);
}
