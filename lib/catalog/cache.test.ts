// Which catalog queries keep a data-cache entry: the shared first pages of facet choices, never the long tail.
import { describe, expect, it, vi } from "vitest";
import { parseCatalogQuery, type CatalogQuery } from "./params";

vi.mock("next/cache", () => ({ unstable_cache: (work: unknown) => work, revalidateTag: () => undefined, revalidatePath: () => undefined }));
const { isSharedQuery } = await import("./cache");

function query(params: string): CatalogQuery {
  const parsed = parseCatalogQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

describe("isSharedQuery", () => {
  it("keeps first pages of facet choices: kind, category, free, a shown rating threshold, license and sort", () => {
    for (const params of ["", "kind=prompt", "category=marketing&sort=newest", "free=1&minRating=4.5", "commercial=1&minRating=4&sort=rating"]) {
      expect(isSharedQuery(query(params)), params).toBe(true);
    }
  });

  it("does not keep typed text, typed prices, other ratings or later pages", () => {
    const cursor = "WyJwb3B1bGFyIiwiMTIiLCIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiXQ";
    for (const params of ["q=lighting", "minPrice=12058", "maxPrice=999", "minRating=3.27", `sort=popular&cursor=${cursor}`]) {
      expect(isSharedQuery(query(params)), params).toBe(false);
    }
  });
});
