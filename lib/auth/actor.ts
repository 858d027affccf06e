// Who is acting, re-read from the database on every request so role and status changes apply at once.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, users, type UserRole, type UserStatus } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

export type Actor = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  status: UserStatus;
  creatorHandle: string | null;
};

/** The actor for a session's user id, or null when the account is gone or banned (a banned user is signed out). */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  if (!isUuid(userId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      creatorHandle: creatorProfiles.handle,
    })
    .from(users)
    .leftJoin(creatorProfiles, eq(creatorProfiles.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.status === "banned") return null;
  return row;
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

/** An active admin: the only people who moderate, refund and settle. */
export function isAdmin(actor: Actor | null): actor is Actor {
  return actor?.role === "admin" && actor.status === "active";
}

/** Has a creator profile (a suspended creator still is one: they can read their dashboard, not change it). */
export function isCreator(actor: Actor | null): actor is Actor & { creatorHandle: string } {
  return Boolean(actor?.creatorHandle);
}

export function assertCreator(actor: Actor | null): Actor & { creatorHandle: string } {
  const a = assertActive(actor);
  if (!a.creatorHandle) throw new DomainError("auth.not_creator");
  return a as Actor & { creatorHandle: string };
}

export function assertAdmin(actor: Actor | null): Actor {
  const a = assertSignedIn(actor);
  if (!isAdmin(a)) throw new DomainError("auth.forbidden");
  return a;
}
