// One-click unsubscribe: a signed token works without signing in, can't be forged or bent to another person or kind
// of mail, and stops the mails it names.
import { afterEach, describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { reloadEnv } from "@/lib/env";
import { makeUser } from "@/lib/testing/fixtures";
import { emailPreferencesOf } from "./preferences";
import { readUnsubscribeToken, unsubscribe, unsubscribeToken } from "./unsubscribe";

afterEach(() => {
  delete process.env.AUTH_SECRET;
  reloadEnv();
});

const tamper = (token: string, at: number) => token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);

describe("unsubscribe tokens", () => {
  it("name the person and the kind of mail, and turn only that kind off, without any session", async () => {
    const db = testDatabase().db;
    const person = await makeUser(db);
    const token = unsubscribeToken(person.id, "new_versions");
    expect(readUnsubscribeToken(token)).toEqual({ userId: person.id, category: "new_versions" });
    expect(await unsubscribe(db, token)).toEqual({ category: "new_versions" });
    expect(await emailPreferencesOf(db, person.id)).toEqual({ saleEmails: "each", newVersionEmails: false, payoutEmails: true });
    // Repeating it (a client retrying the POST) changes nothing more.
    expect(await unsubscribe(db, token)).toEqual({ category: "new_versions" });
    expect(await unsubscribe(db, unsubscribeToken(person.id, "sales"))).toEqual({ category: "sales" });
    expect(await emailPreferencesOf(db, person.id)).toMatchObject({ saleEmails: "off", payoutEmails: true });
  });

  it("refuse a forged, tampered or re-targeted token and change nothing", async () => {
    const db = testDatabase().db;
    const victim = await makeUser(db);
    const attacker = await makeUser(db);
    const own = unsubscribeToken(attacker.id, "payouts");
    const [payload, signature] = own.split(".");
    // The attacker swaps in the victim's id but keeps their own signature.
    const retargeted = `${Buffer.from(JSON.stringify({ u: victim.id, c: "payouts" })).toString("base64url")}.${signature}`;
    // A signature made with another secret (what someone without AUTH_SECRET can produce).
    process.env.AUTH_SECRET = "a-different-secret-than-the-servers-0123456789";
    reloadEnv();
    const otherSecret = unsubscribeToken(victim.id, "payouts");
    delete process.env.AUTH_SECRET;
    reloadEnv();
    for (const token of [retargeted, otherSecret, tamper(own, 3), tamper(own, own.length - 2), `${payload}.`, payload, "", "x.y.z", null, undefined]) {
      expect(readUnsubscribeToken(token), String(token)).toBeNull();
      expect(await unsubscribe(db, token)).toBeNull();
    }
    expect(await emailPreferencesOf(db, victim.id)).toEqual({ saleEmails: "each", newVersionEmails: true, payoutEmails: true });
  });

  it("answer a valid token of a deleted account without error", async () => {
    const token = unsubscribeToken("00000000-0000-4000-8000-000000000000", "sales");
    expect(await unsubscribe(testDatabase().db, token)).toEqual({ category: "sales" });
  });
});
