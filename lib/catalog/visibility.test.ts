// Only published listings are public: every catalog query ignores drafts, pending, rejected, unpublished and
// removed listings, and the search projection follows status, price and rating changes in the same transaction.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { listings, orders, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { catalogSearch } from "./catalog";
import { CARD_COLUMNS, CARD_FROM, cardsOf, PUBLISHED } from "./filters";
import { categoryCounts, featuredListings, newListings, topCreators, topRatedListings, trendingListings } from "./home";
import { moreFromCreator, publicListingBySlug, relatedListings } from "./listing";
import { parseCatalogQuery, type CatalogQuery } from "./params";
import { listingSitemap, creatorSitemap } from "./sitemap";
import { storefrontByHandle } from "./storefront";
import { suggest } from "./suggest";
import { refreshSearchTerms, updateSearchTermsForListing } from "./terms";
import { makeCreator, makeListingRow, type Creator } from "@/lib/testing/fixtures";

const HIDDEN = ["draft", "pending_review", "rejected", "unpublished", "removed"] as const;
let db: Db;
let creator: Creator;
let visible: { id: string; slug: string };
const hidden: { id: string; slug: string }[] = [];

function q(params: Record<string, string>): CatalogQuery {
  const parsed = parseCatalogQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

beforeAll(async () => {
  db = testDatabase().db;
  creator = await makeCreator(db);
  const common = { creatorId: creator.id, category: "coding", tags: ["zebrafish"], ratingSum: 50, ratingCount: 10, salesCount: 40 };
  visible = await makeListingRow(db, { ...common, title: "Zebrafish visible prompt" });
  for (const status of HIDDEN)
    hidden.push(await makeListingRow(db, { ...common, title: `Zebrafish ${status} prompt`, status, salesCount: 900, ratingSum: 50, ratingCount: 10 }));
  const [buyer] = await db.insert(users).values({ email: "buyer-vis@example.test", name: "Buyer" }).returning({ id: users.id });
  // Recent sales of a hidden listing must not make it trend.
  const { listingVersions } = await import("@/db/schema");
  for (const listing of [visible, ...hidden]) {
    const [version] = await db
      .insert(listingVersions)
      .values({ listingId: listing.id, number: 1, content: {}, reviewStatus: "approved" })
      .returning({ id: listingVersions.id });
    await db.insert(orders).values({
      buyerId: buyer.id,
      listingId: listing.id,
      creatorId: creator.id,
      versionId: version.id,
      status: "paid",
      priceCents: 0,
      feeCents: 0,
      creatorShareCents: 0,
      paidAt: new Date(),
    });
  }
  await refreshSearchTerms(db);
});

const hiddenIds = () => new Set(hidden.map((h) => h.id));

describe("public visibility", () => {
  it("search, facets and every sort return only the published listing", async () => {
    for (const sort of ["relevance", "newest", "popular", "rating", "price_asc", "price_desc"]) {
      const result = await catalogSearch(db, q({ q: "zebrafish", sort }));
      expect(result.items.map((i) => i.id)).toEqual([visible.id]);
      expect(result.facets.kind.reduce((s, f) => s + f.count, 0)).toBe(1);
    }
    const all = await catalogSearch(db, q({ limit: "60" }));
    expect(all.items.some((i) => hiddenIds().has(i.id))).toBe(false);
    expect(all.facets.category.find((c) => c.value === "coding")?.count).toBe(1);
  });

  it("suggestions, home rails, listing pages, neighbours, storefronts and sitemaps never show hidden listings", async () => {
    const s = await suggest(db, "zebraf");
    expect(s.listings.map((l) => l.slug)).toEqual([visible.slug]);
    const rails = [await featuredListings(db), await trendingListings(db), await newListings(db), await topRatedListings(db)];
    for (const rail of rails) expect(rail.some((i) => hiddenIds().has(i.id))).toBe(false);
    expect((await trendingListings(db)).map((i) => i.id)).toContain(visible.id);
    expect((await categoryCounts(db)).find((c) => c.category === "coding")?.count).toBe(1);
    expect((await topCreators(db))[0]?.sales).toBe(1);
    for (const h of hidden) expect(await publicListingBySlug(db, h.slug)).toBeNull();
    expect(await publicListingBySlug(db, visible.slug)).not.toBeNull();
    const detail = { id: visible.id, category: "coding", tags: ["zebrafish"] };
    expect((await relatedListings(db, detail)).some((i) => hiddenIds().has(i.id))).toBe(false);
    expect((await moreFromCreator(db, creator.id, "00000000-0000-4000-8000-000000000000")).map((i) => i.id)).toEqual([visible.id]);
    expect((await storefrontByHandle(db, creator.creatorHandle))?.totals.listings).toBe(1);
    const sitemap = (await listingSitemap(db, 0)).map((u) => u.path);
    expect(sitemap).toContain(`/l/${visible.slug}`);
    for (const h of hidden) expect(sitemap).not.toContain(`/l/${h.slug}`);
    expect((await creatorSitemap(db)).map((u) => u.path)).toContain(`/c/${creator.creatorHandle}`);
  });

  it("search pages read cards through agora_listing_cards: the same card as CARD_COLUMNS, none hidden, none of a suspended creator", async () => {
    const ids = [visible.id, ...hidden.map((h) => h.id)];
    const cards = (list: string[]) =>
      queryRows<Record<string, unknown>>(db, sql`select * from ${cardsOf(sql`select x.id from listings x where x.id in ${list}`)} l`);
    const [expected] = await queryRows<Record<string, unknown>>(db, sql`select ${CARD_COLUMNS} from ${CARD_FROM} where ${PUBLISHED} and l.id = ${visible.id}`);
    expect(await cards(ids)).toEqual([expected]);

    await db.update(users).set({ status: "suspended" }).where(eq(users.id, creator.id));
    try {
      expect(await cards(ids)).toEqual([]);
      // With words the page comes with the facets (pageWithFacets); without, from the page statements alone.
      for (const sort of ["relevance", "newest", "price_asc"]) expect((await catalogSearch(db, q({ q: "zebrafish", sort }))).items).toEqual([]);
      expect((await catalogSearch(db, q({ category: "coding" }))).items).toEqual([]);
    } finally {
      await db.update(users).set({ status: "active" }).where(eq(users.id, creator.id));
    }
    expect((await catalogSearch(db, q({ q: "zebrafish" }))).items.map((i) => i.id)).toEqual([visible.id]);
  });

  it("follows publish, unpublish, price and rating changes at once (projection, facet cube, vocabulary)", async () => {
    const draft = hidden[0];
    await db.update(listings).set({ status: "published", publishedAt: new Date() }).where(eq(listings.id, draft.id));
    await updateSearchTermsForListing(db, draft.id, "publish");
    expect((await catalogSearch(db, q({ q: "zebrafish" }))).items).toHaveLength(2);
    expect((await catalogSearch(db, q({ category: "coding" }))).facets.kind.find((k) => k.value === "prompt")?.count).toBe(2);

    await db.update(listings).set({ priceCents: 4200, ratingSum: 10, ratingCount: 10 }).where(eq(listings.id, draft.id));
    expect((await catalogSearch(db, q({ minPrice: "4200" }))).items.map((i) => i.id)).toEqual([draft.id]);
    expect((await catalogSearch(db, q({ minRating: "2", category: "coding" }))).facets.kind.find((k) => k.value === "prompt")?.count).toBe(1);

    await updateSearchTermsForListing(db, draft.id, "unpublish");
    await db.update(listings).set({ status: "unpublished" }).where(eq(listings.id, draft.id));
    expect((await catalogSearch(db, q({ q: "zebrafish" }))).items.map((i) => i.id)).toEqual([visible.id]);
    expect((await catalogSearch(db, q({ category: "coding" }))).facets.kind.find((k) => k.value === "prompt")?.count).toBe(1);
    const [projection] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from listing_search where listing_id = ${draft.id}`);
    expect(projection.n).toBe(0);
    const [term] = await queryRows<{ listing_count: number }>(db, sql`select listing_count from search_terms where term = 'zebrafish'`);
    expect(term.listing_count).toBe(1);
  });

  it("rebuilds the vocabulary from published listings only", async () => {
    await refreshSearchTerms(db);
    const rows = await queryRows<{ term: string }>(db, sql`select term from search_terms where term in ('pending', 'rejected', 'removed', 'draft', 'visible')`);
    expect(rows.map((r) => r.term)).toEqual(["visible"]);
  });
});
