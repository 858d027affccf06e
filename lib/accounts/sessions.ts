// Session versions: every session token carries the user's `session_version`, checked on each request
// (lib/auth/session.ts), so bumping it signs the person out on every device at once.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { env } from "@/lib/env";

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

/** The session version a token must carry to be valid now. */
export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.sessionVersion ?? null;
}

function reissueMac(userId: string, sessionVersion: number): Buffer {
  return createHmac("sha256", env().authSecret).update(`session-reissue:${userId}:${sessionVersion}`).digest();
}

/**
 * A proof, made on the server after a change that signed out every other session, that this browser's token may move
 * to `sessionVersion` (so the person who changed their password stays signed in). Session updates can also be posted
 * by a browser; without this proof the token's version never moves.
 */
export function reissueProof(userId: string, sessionVersion: number): string {
  return `${sessionVersion}.${reissueMac(userId, sessionVersion).toString("base64url")}`;
}

/** The version a reissue proof allows for this user, or null when the proof is not genuine. */
export function verifyReissueProof(userId: string, proof: unknown): number | null {
  if (typeof proof !== "string") return null;
  const match = /^(\d{1,9})\.([A-Za-z0-9_-]+)$/.exec(proof);
  if (!match) return null;
  const version = Number(match[1]);
  const given = Buffer.from(match[2], "base64url");
  const expected = reissueMac(userId, version);
  return given.length === expected.length && timingSafeEqual(given, expected) ? version : null;
}
