// POST /api/email/unsubscribe — RFC 8058 one-click from a mail client: no cookie, the token is the proof; a forged
// token is refused and changes nothing. GET sends a person to the page that asks first.
import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { emailPreferencesOf } from "@/lib/email/preferences";
import { unsubscribeToken } from "@/lib/email/unsubscribe";
import { makeUser } from "@/lib/testing/fixtures";
import { GET, POST } from "./route";

const BASE = "http://localhost:3000/api/email/unsubscribe";
const oneClick = (token: string) =>
  new Request(`${BASE}?token=${encodeURIComponent(token)}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });

describe("POST /api/email/unsubscribe", () => {
  it("turns new-version emails off for the token's person, with no session", async () => {
    const db = testDatabase().db;
    const owner = await makeUser(db);
    const res = await POST(oneClick(unsubscribeToken(owner.id, "new_versions")));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unsubscribed: "new_versions" });
    expect((await emailPreferencesOf(db, owner.id)).newVersionEmails).toBe(false);
  });

  it("refuses a forged token with 400 and changes nothing", async () => {
    const db = testDatabase().db;
    const owner = await makeUser(db);
    const forged = `${Buffer.from(JSON.stringify({ u: owner.id, c: "new_versions" })).toString("base64url")}.${"A".repeat(43)}`;
    for (const token of [forged, "", "garbage"]) {
      const res = await POST(oneClick(token));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: "email.unsubscribe_invalid" });
    }
    expect((await emailPreferencesOf(db, owner.id)).newVersionEmails).toBe(true);
  });

  it("sends a GET (a person opening the link) to the confirmation page", async () => {
    const res = await GET(new Request(`${BASE}?token=abc.def`));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://localhost:3000/email/unsubscribe?token=abc.def");
  });
});
