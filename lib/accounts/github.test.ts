import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { actorFor, makeUser } from "@/lib/testing/fixtures";
import { githubSignIn, githubVerifiedPrimaryEmail, linkGithub, unlinkGithub } from "./github";
import { makePasswordUser } from "./testing/fixtures";

const emailsAnswer = (emails: unknown) => (async () => new Response(JSON.stringify(emails), { status: 200 })) as unknown as typeof fetch;

describe("GitHub sign-in", () => {
  it("uses only a verified primary email", async () => {
    expect(
      await githubVerifiedPrimaryEmail(
        "token",
        emailsAnswer([
          { email: "public@example.test", primary: false, verified: true },
          { email: "Primary@Example.test", primary: true, verified: true },
        ]),
      ),
    ).toBe("primary@example.test");
    expect(await githubVerifiedPrimaryEmail("token", emailsAnswer([{ email: "unverified@example.test", primary: true, verified: false }]))).toBeNull();
    expect(await githubVerifiedPrimaryEmail("token", (async () => new Response("", { status: 401 })) as unknown as typeof fetch)).toBeNull();
  });

  it("creates a confirmed account for a new address, and finds it again by GitHub id", async () => {
    const { db } = testDatabase();
    const first = await githubSignIn(db, { githubId: "1001", verifiedEmail: "octo@example.test", name: "Octo" });
    expect("user" in first && first.user.emailVerifiedAt).toBeInstanceOf(Date);
    const again = await githubSignIn(db, { githubId: "1001", verifiedEmail: null, name: "Octo" });
    expect("user" in again && "user" in first && again.user.id === first.user.id).toBe(true);
    expect(await githubSignIn(db, { githubId: "1002", verifiedEmail: null, name: "No email" })).toEqual({ refused: "github_email" });
  });

  it("never attaches itself to an existing password account with the same email", async () => {
    const { db } = testDatabase();
    const owner = await makePasswordUser(db, { email: "victim@example.test" });
    expect(await githubSignIn(db, { githubId: "666", verifiedEmail: "victim@example.test", name: "Attacker" })).toEqual({ refused: "github_exists" });
    const [row] = await db.select().from(users).where(eq(users.id, owner.id));
    expect(row.githubId).toBeNull();
  });
});

describe("linking GitHub from account settings", () => {
  it("links for the signed-in person, refuses a GitHub id linked elsewhere and never overwrites a linked one", async () => {
    const { db } = testDatabase();
    const person = await makePasswordUser(db);
    const other = await makeUser(db);
    await linkGithub(db, other, "2001");
    await expect(linkGithub(db, person, "2001")).rejects.toMatchObject({ code: "account.github_taken" });
    await linkGithub(db, person, "2002");
    await expect(linkGithub(db, person, "2003")).rejects.toMatchObject({ code: "account.github_linked" });
    expect((await githubSignIn(db, { githubId: "2002", verifiedEmail: null, name: "x" })) as { user: { id: string } }).toMatchObject({
      user: { id: person.id },
    });
    await unlinkGithub(db, person);
    expect((await db.select().from(users).where(eq(users.id, person.id)))[0].githubId).toBeNull();
  });

  it("won't unlink GitHub from an account with no password", async () => {
    const { db } = testDatabase();
    const person = await makeUser(db);
    await linkGithub(db, person, "3001");
    await expect(unlinkGithub(db, await actorFor(db, person.id))).rejects.toMatchObject({ code: "account.last_sign_in_method" });
  });
});
