import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { makeAdmin, makeCreator, makeUser } from "@/lib/testing/fixtures";
import { AUDIT_CSV_HEADER, AUDIT_PAGE_SIZE, auditActions, auditLogCsv, auditLogToCsv, listAuditLog } from "./audit-log";

let db: Db;
let alice: Actor;
let bob: Actor;

/** Audit entries written straight into the table (dated where the test needs them). */
async function entry(actor: Actor | null, action: string, targetType: string, targetId: string, createdAt: string, details: Record<string, unknown> = {}) {
  const [row] = await db
    .insert(auditLog)
    .values({ actorId: actor?.id ?? null, action, targetType, targetId, details, createdAt: new Date(createdAt) })
    .returning();
  return row;
}

beforeAll(async () => {
  db = testDatabase().db;
  alice = await makeUser(db, { role: "admin", email: "alice.admin@example.test", name: "Alice Admin" });
  bob = await makeUser(db, { role: "admin", email: "bob.admin@example.test", name: "Bob Admin" });
  await entry(alice, "user.suspend", "user", "u-1", "2026-03-01T10:00:00Z", { reason: "spam" });
  await entry(bob, "order.refund", "order", "o-1", "2026-03-02T10:00:00Z", { amountCents: 500 });
  await entry(alice, "listing.remove", "listing", "l-1", "2026-03-03T23:59:00Z");
  await entry(null, "settlement.run", "settlement_run", "2026-02", "2026-03-04T00:00:00Z");
});

const actions = (rows: { action: string }[]) => rows.map((r) => r.action);

describe("audit log", () => {
  it("lists entries newest first and filters by actor (email, name or id), action, target and date range", async () => {
    expect(actions((await listAuditLog(db, alice)).rows)).toEqual(["settlement.run", "listing.remove", "order.refund", "user.suspend"]);
    expect(actions((await listAuditLog(db, alice, { actor: "alice.admin" })).rows)).toEqual(["listing.remove", "user.suspend"]);
    expect(actions((await listAuditLog(db, alice, { actor: "Bob" })).rows)).toEqual(["order.refund"]);
    expect(actions((await listAuditLog(db, alice, { actor: bob.id })).rows)).toEqual(["order.refund"]);
    expect(actions((await listAuditLog(db, alice, { action: "user.suspend" })).rows)).toEqual(["user.suspend"]);
    expect(actions((await listAuditLog(db, alice, { targetType: "order", targetId: "o-1" })).rows)).toEqual(["order.refund"]);
    // Both ends are whole UTC days, included.
    expect(actions((await listAuditLog(db, alice, { from: "2026-03-02", to: "2026-03-03" })).rows)).toEqual(["listing.remove", "order.refund"]);
    const [withActor] = (await listAuditLog(db, alice, { action: "user.suspend" })).rows;
    expect(withActor).toMatchObject({ actorEmail: "alice.admin@example.test", targetType: "user", targetId: "u-1", details: { reason: "spam" } });
  });

  it("refuses malformed filters with a message, rather than answering something else", async () => {
    await expect(listAuditLog(db, alice, { from: "March 2026" })).rejects.toMatchObject({ code: "input.invalid" });
    await expect(listAuditLog(db, alice, { from: "2026-03-05", to: "2026-03-01" })).rejects.toMatchObject({
      code: "input.invalid",
      message: "The start date must be on or before the end date.",
    });
    await expect(listAuditLog(db, alice, { targetType: "planet" })).rejects.toMatchObject({ code: "input.invalid" });
    await expect(listAuditLog(db, alice, { cursor: "1; drop table audit_log" })).rejects.toMatchObject({ code: "input.invalid" });
  });

  it("pages by keyset: each page continues after the last entry of the one before, with nothing repeated or skipped", async () => {
    const admin = await makeAdmin(db);
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) await entry(admin, "test.paging", "user", `p-${i}`, "2026-04-01T00:00:00Z");
    const first = await listAuditLog(db, admin, { action: "test.paging" });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listAuditLog(db, admin, { action: "test.paging", cursor: first.nextCursor! });
    expect(second.rows).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.rows, ...second.rows].map((r) => r.targetId);
    expect(new Set(ids).size).toBe(AUDIT_PAGE_SIZE + 5);
    expect(ids[0]).toBe(`p-${AUDIT_PAGE_SIZE + 4}`);
    expect(ids.at(-1)).toBe("p-0");
  });

  it("offers the actions that occur as filter choices", async () => {
    expect(await auditActions(db, alice)).toEqual(expect.arrayContaining(["listing.remove", "order.refund", "settlement.run", "user.suspend"]));
  });

  it("exports the filtered entries as CSV with a header, CRLF lines and quoted fields", async () => {
    const file = await auditLogCsv(db, alice, { actor: "alice.admin", cursor: "1" }, new Date("2026-03-10T00:00:00Z"));
    expect(file.filename).toBe("agora-audit-log-2026-03-10.csv");
    const lines = file.body.split("\r\n");
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(","));
    // The cursor is ignored: an export holds every matching entry.
    expect(lines.slice(1, -1)).toEqual([
      `2026-03-03 23:59:00,alice.admin@example.test,${alice.id},listing.remove,listing,l-1,{}`,
      `2026-03-01 10:00:00,alice.admin@example.test,${alice.id},user.suspend,user,u-1,"{""reason"":""spam""}"`,
    ]);
    expect(lines.at(-1)).toBe("");
  });

  it("defuses spreadsheet formulas and escapes quotes, commas and line breaks in every text field", () => {
    const csv = auditLogToCsv([
      {
        id: 1,
        createdAt: new Date("2026-03-01T00:00:00Z"),
        actorId: null,
        actorEmail: '=HYPERLINK("http://evil","x")@x.test',
        action: "+cmd|' /C calc'!A0",
        targetType: "-2+3",
        targetId: "@SUM(A1)",
        details: { note: 'line one\nline "two", three' },
      },
    ]);
    const [, row] = csv.split("\r\n");
    expect(row).toBe(
      [
        "2026-03-01 00:00:00",
        `"'=HYPERLINK(""http://evil"",""x"")@x.test"`,
        "",
        "'+cmd|' /C calc'!A0",
        "'-2+3",
        "'@SUM(A1)",
        `"{""note"":""line one\\nline \\""two\\"", three""}"`,
      ].join(","),
    );
  });

  it("is refused to buyers, creators and anonymous callers", async () => {
    for (const read of [listAuditLog, auditLogCsv, auditActions] as const) {
      await expect(read(db, null)).rejects.toMatchObject({ code: "auth.unauthenticated" });
      await expect(read(db, await makeUser(db))).rejects.toMatchObject({ code: "auth.forbidden" });
      await expect(read(db, await makeCreator(db))).rejects.toMatchObject({ code: "auth.forbidden" });
    }
  });
});
