// Contract of GET /api/v1/suggest: phrases and published titles only; q validated.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { refreshSearchTerms } from "@/lib/catalog/terms";
import { makeCreator, makeListingRow } from "@/lib/testing/fixtures";
import { GET } from "./route";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, revalidateTag: () => {} }));

const call = (q: string | null) => GET(new Request(`http://test.local/api/v1/suggest${q === null ? "" : `?q=${encodeURIComponent(q)}`}`));

beforeAll(async () => {
  const db = testDatabase().db;
  const creator = await makeCreator(db);
  await makeListingRow(db, { creatorId: creator.id, title: "Cinematic portrait lighting", salesCount: 10 });
  await makeListingRow(db, { creatorId: creator.id, title: "Cinematic landscape grade", salesCount: 5 });
  await makeListingRow(db, { creatorId: creator.id, title: "Cinematic unpublished thing", status: "unpublished" });
  await refreshSearchTerms(db);
});

describe("GET /api/v1/suggest", () => {
  it("completes the last word and lists matching published titles, most bought first", async () => {
    const body = (await (await call("cinem")).json()) as { queries: string[]; listings: { title: string }[] };
    expect(body.queries).toContain("cinematic");
    expect(body.listings.map((l) => l.title)).toEqual(["Cinematic portrait lighting", "Cinematic landscape grade"]);
  });

  it("tolerates a typo", async () => {
    const body = (await (await call("cinematc portr")).json()) as { queries: string[]; listings: { title: string }[] };
    expect(body.queries).toEqual(["cinematc portrait"]);
    expect(body.listings.map((l) => l.title)).toEqual(["Cinematic portrait lighting"]);
  });

  it("answers empty lists for a short query and 400 without q or with a long one", async () => {
    expect(await (await call("c")).json()).toEqual({ queries: [], listings: [] });
    const missing = await call(null);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { parameter: string }).parameter).toBe("q");
    expect((await call("x".repeat(101))).status).toBe(400);
  });
});
