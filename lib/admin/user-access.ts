// What an admin may change about an account: its status (suspend, ban, reactivate) and its role (promote, demote).
// Each change is one transaction with its audit entry and, for status changes, the person's notification; it applies
// on their next request because the actor is re-read per request (lib/auth/actor.ts).
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users, type User, type UserRole, type UserStatus } from "@/db/schema";
import { signOutEverywhere } from "@/lib/accounts/sessions";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { DomainError, parseInput } from "@/lib/errors";
import { writeAudit } from "@/lib/moderation/audit";
import { notify } from "@/lib/notifications/notifications";
import { uuidSchema } from "@/lib/uuid";

const reasonSchema = z
  .string()
  .trim()
  .min(3, "Give a reason (3 characters or more); the person sees it and it is kept in the audit log.")
  .max(500, "Keep the reason under 500 characters.");

export const userStatusChangeSchema = z.object({
  userId: uuidSchema("Unknown account."),
  status: z.enum(["active", "suspended", "banned"], "Choose suspend, ban or reactivate."),
  reason: reasonSchema,
});

export const userRoleChangeSchema = z.object({
  userId: uuidSchema("Unknown account."),
  role: z.enum(["user", "admin"], "Choose promote or demote."),
  reason: reasonSchema,
});

/** The audit action for each status a person is moved to. */
export const STATUS_ACTIONS: Record<UserStatus, string> = { active: "user.reactivate", suspended: "user.suspend", banned: "user.ban" };
export const ROLE_ACTIONS: Record<UserRole, string> = { admin: "user.promote", user: "user.demote" };

const STATUS_NOTICES: Record<UserStatus, { title: string; body: (reason: string) => string }> = {
  suspended: {
    title: "Your account has been suspended",
    body: (reason) => `Reason: ${reason}. You can still use your library, but you can't buy, sell or review until an admin reactivates your account.`,
  },
  banned: { title: "Your account has been closed", body: (reason) => `Reason: ${reason}. You can no longer sign in.` },
  active: { title: "Your account is active again", body: (reason) => `Note from the admin: ${reason}. You can buy, sell and review again.` },
};

/**
 * Locks every active admin (in id order, so concurrent changes queue instead of deadlocking) and returns their ids.
 * The acting admin must still be one of them: two admins demoting each other at once leave one admin, not none.
 */
async function lockActiveAdmins(tx: Db, admin: Actor): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")))
    .orderBy(asc(users.id))
    .for("update");
  const ids = rows.map((r) => r.id);
  if (!ids.includes(admin.id)) throw new DomainError("auth.forbidden");
  return ids;
}

async function lockTarget(tx: Db, userId: string): Promise<User> {
  const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!target) throw new DomainError("user.not_found");
  return target;
}

/** An active admin would stop being one: refuse when no other active admin remains. */
function assertAnotherAdminRemains(activeAdmins: readonly string[], target: User) {
  if (target.role === "admin" && target.status === "active" && activeAdmins.filter((id) => id !== target.id).length === 0) {
    throw new DomainError("admin.last_admin");
  }
}

/** Suspends, bans or reactivates an account (never the admin's own), with a reason the person is told. */
export async function changeUserStatus(db: Db, actor: Actor | null, input: z.input<typeof userStatusChangeSchema>): Promise<User> {
  const admin = assertAdmin(actor);
  const data = parseInput(userStatusChangeSchema, input);
  if (data.userId === admin.id) throw new DomainError("admin.own_account");
  return db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, admin);
    const target = await lockTarget(tx, data.userId);
    if (target.status === data.status) throw new DomainError("admin.status_unchanged");
    if (data.status !== "active") assertAnotherAdminRemains(admins, target);
    const [updated] = await tx
      .update(users)
      .set({ status: data.status, updatedAt: sql`now()` })
      .where(eq(users.id, target.id))
      .returning();
    // A ban ends every session at once; suspension keeps people signed in, since they may still read their library.
    if (data.status === "banned") await signOutEverywhere(tx, target.id);
    await writeAudit(tx, {
      actorId: admin.id,
      action: STATUS_ACTIONS[data.status],
      targetType: "user",
      targetId: target.id,
      details: { reason: data.reason, from: target.status, to: data.status, email: target.email },
    });
    const notice = STATUS_NOTICES[data.status];
    await notify(tx, { userId: target.id, type: "account_status", title: notice.title, body: notice.body(data.reason), data: { status: data.status } });
    return updated;
  });
}

/** Promotes an active account to admin, or demotes an admin (never the admin's own account, never the last one). */
export async function changeUserRole(db: Db, actor: Actor | null, input: z.input<typeof userRoleChangeSchema>): Promise<User> {
  const admin = assertAdmin(actor);
  const data = parseInput(userRoleChangeSchema, input);
  if (data.userId === admin.id) throw new DomainError("admin.own_account");
  return db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, admin);
    const target = await lockTarget(tx, data.userId);
    if (target.role === data.role) throw new DomainError("admin.role_unchanged");
    if (data.role === "admin" && target.status !== "active") throw new DomainError("admin.not_active");
    if (data.role === "user") assertAnotherAdminRemains(admins, target);
    const [updated] = await tx
      .update(users)
      .set({ role: data.role, updatedAt: sql`now()` })
      .where(eq(users.id, target.id))
      .returning();
    await writeAudit(tx, {
      actorId: admin.id,
      action: ROLE_ACTIONS[data.role],
      targetType: "user",
      targetId: target.id,
      details: { reason: data.reason, from: target.role, to: data.role, email: target.email },
    });
    return updated;
  });
}
