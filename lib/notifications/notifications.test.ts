import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { loadActor } from "@/lib/auth/actor";
import { listNotifications, markRead, notify, unreadCount } from "./notifications";

describe("notifications", () => {
  it("counts unread per person, lists newest first and marks only one's own as read", async () => {
    const { db } = testDatabase();
    const [a, b] = await db
      .insert(users)
      .values([
        { email: "a@example.test", name: "A" },
        { email: "b@example.test", name: "B" },
      ])
      .returning();
    await notify(db, [
      { userId: a.id, type: "sale", title: "You made a sale" },
      { userId: a.id, type: "review", title: "New review" },
      { userId: b.id, type: "new_version", title: "Version 2 is out" },
    ]);
    const actorA = await loadActor(db, a.id);
    const actorB = await loadActor(db, b.id);
    expect(await unreadCount(db, actorA)).toBe(2);
    expect(await unreadCount(db, actorB)).toBe(1);

    const listA = await listNotifications(db, actorA);
    expect(listA.map((n) => n.userId)).toEqual([a.id, a.id]);

    // A tries to mark B's notification read: nothing of B's changes.
    const [bNote] = await listNotifications(db, actorB);
    await markRead(db, actorA, [bNote.id]);
    expect(await unreadCount(db, actorB)).toBe(1);

    await markRead(db, actorA);
    expect(await unreadCount(db, actorA)).toBe(0);
    await expect(unreadCount(db, null)).rejects.toMatchObject({ code: "auth.unauthenticated" });
  });
});
