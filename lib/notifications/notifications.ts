// In-app notifications: written inside the transaction of the change they announce, read by the bell.
import "server-only";
import { and, count, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications, type Notification } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";

export type NotificationType =
  | "sale"
  | "refund"
  | "review"
  | "new_version"
  | "version_approved"
  | "version_rejected"
  | "listing_removed"
  | "listing_restored"
  | "payout"
  | "report_resolved"
  | "account_status";

export type NewNotification = {
  userId: string;
  type: NotificationType;
  title: string;
  body?: string;
  link?: string;
  data?: Record<string, unknown>;
};

/** Adds notifications for one or many people (e.g. every owner of a listing) in one insert. */
export async function notify(db: Db, items: NewNotification | NewNotification[]): Promise<void> {
  const rows = (Array.isArray(items) ? items : [items]).map((n) => ({
    userId: n.userId,
    type: n.type,
    title: n.title,
    body: n.body ?? "",
    link: n.link ?? null,
    data: n.data ?? {},
  }));
  // Large fan-outs are split so no insert passes Postgres' bind-parameter limit.
  for (let i = 0; i < rows.length; i += 5000) {
    await db.insert(notifications).values(rows.slice(i, i + 5000));
  }
}

export async function unreadCount(db: Db, actor: Actor | null): Promise<number> {
  const user = assertSignedIn(actor);
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function listNotifications(db: Db, actor: Actor | null, opts: { limit?: number; before?: Date } = {}): Promise<Notification[]> {
  const user = assertSignedIn(actor);
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), opts.before ? lt(notifications.createdAt, opts.before) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(Math.min(opts.limit ?? 20, 100));
}

/** Marks the given notifications (or all) read; only the actor's own are touched. */
export async function markRead(db: Db, actor: Actor | null, ids?: string[]): Promise<void> {
  const user = assertSignedIn(actor);
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, user.id),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]) : undefined,
      ),
    );
}
