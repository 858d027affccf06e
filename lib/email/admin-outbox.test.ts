// The admin view of the outbox: counts, failed mail with its error, and sending a failed mail again (admins only,
// audited, only mail that failed).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { makeAdmin, makeUser } from "@/lib/testing/fixtures";
import { failedMails, outboxSummary, retryFailedMail } from "./admin-outbox";
import { queueEmail } from "./outbox";
import { outboxRows } from "./testing/fixtures";

describe("admin outbox", () => {
  it("shows failed mail with its last error, and an admin sends it again with fresh attempts, audited", async () => {
    const db = testDatabase().db;
    const admin = await makeAdmin(db);
    const person = await makeUser(db);
    await queueEmail(db, { template: "password_reset", to: "bounced@example.test", data: { url: "/reset?token=1" } });
    await db.execute(
      sql`update email_outbox set status = 'failed', attempts = 10, last_error = '550 mailbox unavailable' where to_address = 'bounced@example.test'`,
    );
    const before = await outboxSummary(db, admin);
    expect(before.failed).toBeGreaterThanOrEqual(1);
    const [failed] = (await failedMails(db, admin)).filter((m) => m.toAddress === "bounced@example.test");
    expect(failed).toMatchObject({ template: "password_reset", attempts: 10, lastError: "550 mailbox unavailable" });

    await expect(retryFailedMail(db, person, failed.id)).rejects.toMatchObject({ code: "auth.forbidden" });
    await expect(failedMails(db, null)).rejects.toMatchObject({ code: "auth.unauthenticated" });
    await retryFailedMail(db, admin, failed.id);
    expect((await outboxRows(db, "bounced@example.test"))[0]).toMatchObject({ status: "pending", attempts: 0 });
    const audit = await queryRows<{ action: string; target_type: string }>(db, sql`select action, target_type from audit_log where target_id = ${failed.id}`);
    expect(audit).toEqual([{ action: "email.retry", target_type: "email" }]);
    // Only failed mail can be sent again (a second click, or a mail that is fine).
    await expect(retryFailedMail(db, admin, failed.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(retryFailedMail(db, admin, "not-an-id")).rejects.toMatchObject({ code: "not_found" });
  });
});
