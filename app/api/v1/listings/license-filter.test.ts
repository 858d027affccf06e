// GET /api/v1/listings?commercial=1: only listings whose live version's license allows commercial use, with facets to match.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listings, listingVersions } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { resolveLicense, type PresetLicenseId } from "@/lib/licenses/licenses";
import { makeCreator, makeListing } from "@/lib/testing/fixtures";
import { GET } from "./route";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, revalidateTag: () => {} }));

const get = (query: string) => GET(new Request(`http://test.local/api/v1/listings${query}`, { headers: { "x-forwarded-for": "203.0.113.9" } }));
const slugs: Record<string, string> = {};

beforeAll(async () => {
  const { db } = testDatabase();
  const creator = await makeCreator(db);
  const licensed: [string, PresetLicenseId | null][] = [
    ["commercial", "agora-standard-commercial"],
    ["mit", "mit"],
    ["personal", "agora-standard-personal"],
    ["noncommercial", "cc-by-nc-4.0"],
    ["unlicensed", null],
  ];
  for (const [name, id] of licensed) {
    const listing = await makeListing(db, creator, { title: `Licensed ${name}` });
    await db
      .update(listingVersions)
      .set({ license: id ? resolveLicense({ id }) : null })
      .where(eq(listingVersions.id, listing.versionId));
    // Re-pointing the live version is what approval does; the search projection follows it.
    await db.update(listings).set({ currentVersionId: null }).where(eq(listings.id, listing.id));
    await db.update(listings).set({ currentVersionId: listing.versionId }).where(eq(listings.id, listing.id));
    slugs[name] = listing.slug;
  }
});

describe("GET /api/v1/listings?commercial=1", () => {
  it("keeps only listings whose license allows commercial use, and counts facets over them", async () => {
    const all = (await (await get("")).json()) as { items: { slug: string }[] };
    expect(all.items).toHaveLength(5);
    const response = await get("?commercial=1");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { slug: string }[]; facets: { kind: { value: string; count: number }[] } };
    expect(body.items.map((i) => i.slug).sort()).toEqual([slugs.commercial, slugs.mit].sort());
    expect(body.facets.kind.find((k) => k.value === "prompt")?.count).toBe(2);
  });

  it("answers 400 naming the parameter for a value that is not a yes or no", async () => {
    const response = await get("?commercial=maybe");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("commercial");
  });
});
