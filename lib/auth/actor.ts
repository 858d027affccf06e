// Who is acting, re-read from the database on every request so role and status changes apply at once.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, twoFactorCredentials, users, type UserRole, type UserStatus } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

export type Actor = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  status: UserStatus;
  creatorHandle: string | null;
  /** Followed the link sent to their email address (required before selling and receiving payouts). */
  emailVerified: boolean;
  /** Signs in with a TOTP code after the password (required for admins before they act as one). */
  twoFactorEnabled: boolean;
};

/**
 * The actor for a session's user id, or null when the account is gone or banned (a banned user is signed out), or when
 * the session's version is older than the account's (signed out everywhere, password changed: lib/accounts/sessions.ts).
 */
export async function loadActor(db: Db, userId: string, sessionVersion?: number): Promise<Actor | null> {
  if (!isUuid(userId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      creatorHandle: creatorProfiles.handle,
      emailVerifiedAt: users.emailVerifiedAt,
      twoFactorEnabledAt: twoFactorCredentials.enabledAt,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .leftJoin(creatorProfiles, eq(creatorProfiles.userId, users.id))
    .leftJoin(twoFactorCredentials, eq(twoFactorCredentials.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.status === "banned") return null;
  if (sessionVersion !== undefined && sessionVersion !== row.sessionVersion) return null;
  const { emailVerifiedAt, twoFactorEnabledAt, sessionVersion: _version, ...actor } = row;
  return { ...actor, emailVerified: emailVerifiedAt !== null, twoFactorEnabled: twoFactorEnabledAt !== null };
}

/** Signed in (suspended accounts may still read what they own). */
export function assertSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new DomainError("auth.unauthenticated");
  return actor;
}

/** Signed in and allowed to buy, sell and review. */
export function assertActive(actor: Actor | null): Actor {
  const a = assertSignedIn(actor);
  if (a.status !== "active") throw new DomainError("auth.suspended");
  return a;
}

/** An active admin with two-factor sign-in on: the only people who moderate, refund and settle. */
export function isAdmin(actor: Actor | null): actor is Actor {
  return actor?.role === "admin" && actor.status === "active" && actor.twoFactorEnabled;
}

/** An active admin who must turn on two-factor sign-in before acting as one (admin pages send them to enrol). */
export function adminNeedsTwoFactor(actor: Actor | null): actor is Actor {
  return actor?.role === "admin" && actor.status === "active" && !actor.twoFactorEnabled;
}

/** Has a creator profile (a suspended creator still is one: they can read their dashboard, not change it). */
export function isCreator(actor: Actor | null): actor is Actor & { creatorHandle: string } {
  return Boolean(actor?.creatorHandle);
}

/** Has confirmed their email address: required before selling (becoming a creator, submitting, publishing) and payouts. */
export function assertEmailVerified<A extends Actor>(actor: A): A {
  if (!actor.emailVerified) throw new DomainError("auth.email_unverified");
  return actor;
}

export function assertCreator(actor: Actor | null): Actor & { creatorHandle: string } {
  const a = assertActive(actor);
  if (!a.creatorHandle) throw new DomainError("auth.not_creator");
  return a as Actor & { creatorHandle: string };
}

export function assertAdmin(actor: Actor | null): Actor {
  const a = assertSignedIn(actor);
  if (adminNeedsTwoFactor(a)) throw new DomainError("auth.two_factor_required");
  if (!isAdmin(a)) throw new DomainError("auth.forbidden");
  return a;
}
