import { describe, expect, it } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { loadActor } from "@/lib/auth/actor";
import { makeUser } from "@/lib/testing/fixtures";
import { reissueProof, signOutEverywhere, verifyReissueProof } from "./sessions";

describe("session versions", () => {
  it("signing out everywhere makes every token issued before it count for no one", async () => {
    const { db } = testDatabase();
    const person = await makeUser(db);
    expect(await loadActor(db, person.id, 1)).toMatchObject({ id: person.id });
    const version = await db.transaction((tx) => signOutEverywhere(tx, person.id));
    expect(version).toBe(2);
    expect(await loadActor(db, person.id, 1)).toBeNull();
    expect(await loadActor(db, person.id, 2)).toMatchObject({ id: person.id });
  });

  it("only a server-made proof moves a token to a new version, and only for its own user", async () => {
    const { db } = testDatabase();
    const [a, b] = [await makeUser(db), await makeUser(db)];
    const proof = reissueProof(a.id, 7);
    expect(verifyReissueProof(a.id, proof)).toBe(7);
    expect(verifyReissueProof(b.id, proof)).toBeNull();
    expect(verifyReissueProof(a.id, proof.replace(`:7.`, `:8.`))).toBeNull();
    expect(verifyReissueProof(a.id, `${a.id}:8.9999999999.forged`)).toBeNull();
    expect(verifyReissueProof(a.id, { version: 8 })).toBeNull();
  });
});
