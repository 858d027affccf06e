// Email preferences: defaults, saving one's own, the form's checkboxes, and that they decide what is queued.
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { makeUser } from "@/lib/testing/fixtures";
import { queueEmail } from "./outbox";
import { emailPreferencesFormSchema, myEmailPreferences, nextDigestAt, updateMyEmailPreferences } from "./preferences";
import { outboxRows } from "./testing/fixtures";

describe("email preferences", () => {
  it("start at every sale, new versions on, payouts on, and save only for the signed-in person", async () => {
    const db = testDatabase().db;
    const person = await makeUser(db);
    expect(await myEmailPreferences(db, person)).toEqual({ saleEmails: "each", newVersionEmails: true, payoutEmails: true });
    const form = emailPreferencesFormSchema.parse({ saleEmails: "digest", payoutEmails: "on" });
    expect(form).toEqual({ saleEmails: "digest", newVersionEmails: false, payoutEmails: true });
    await updateMyEmailPreferences(db, person, form);
    expect(await myEmailPreferences(db, person)).toEqual(form);
    await expect(updateMyEmailPreferences(db, null, form)).rejects.toMatchObject({ code: "auth.unauthenticated" });
    await expect(updateMyEmailPreferences(db, person, { ...form, saleEmails: "hourly" as never })).rejects.toMatchObject({ code: "input.invalid" });
  });

  it("drop optional mail that is turned off but never transactional mail", async () => {
    const db = testDatabase().db;
    const person = await makeUser(db);
    await updateMyEmailPreferences(db, person, { saleEmails: "off", newVersionEmails: false, payoutEmails: false });
    const base = { to: person.email, userId: person.id };
    await queueEmail(db, { ...base, template: "payout_sent", data: { period: "2026-01", amountCents: 5000, currency: "usd" } });
    await queueEmail(db, { ...base, template: "new_version", data: { listingTitle: "X", versionNumber: 2, changelog: "", libraryUrl: "/library/x" } });
    await queueEmail(db, { ...base, template: "password_reset", data: { url: "/reset?token=1" } });
    await queueEmail(db, { ...base, template: "new_sign_in", data: { when: new Date(), device: "Firefox on Linux", ip: "203.0.113.9" } });
    expect((await outboxRows(db, person.email)).map((r) => r.template)).toEqual(["password_reset", "new_sign_in"]);
  });

  it("hold digests until the next 08:00 UTC", () => {
    expect(nextDigestAt(new Date("2026-03-04T07:59:00Z")).toISOString()).toBe("2026-03-04T08:00:00.000Z");
    expect(nextDigestAt(new Date("2026-03-04T08:00:00Z")).toISOString()).toBe("2026-03-05T08:00:00.000Z");
    expect(nextDigestAt(new Date("2026-12-31T23:00:00Z")).toISOString()).toBe("2027-01-01T08:00:00.000Z");
  });
});
