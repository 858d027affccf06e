// The demo seed writes a consistent, deterministic marketplace: valid content, balanced ledger, matching counters.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { CATEGORY_SLUGS } from "@/lib/catalog/categories";
import { loadActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { libraryItemsPage } from "@/lib/library/items";
import { listingContentSchema } from "@/lib/listings/content";
import { LISTING_KINDS } from "@/lib/listings/kinds";
import { buildPreview } from "@/lib/listings/preview";
import { testDatabase } from "@/db/testing/setup";
import { BULK_TABLES, withDeferredForeignKeys, withDeferredIndexes } from "./deferred-indexes";
import { isEmpty, seedDatabase, type SeedSummary } from "./seed";

const LISTINGS = 120;
let db: Db;
let summary: SeedSummary;

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(db, query);

// jsonb stores object keys in its own order, so field lists derived from stored content come back reordered.
const comparablePreview = (preview: unknown) =>
  preview && typeof preview === "object" && "fields" in preview && Array.isArray(preview.fields)
    ? { ...preview, fields: [...(preview.fields as string[])].sort() }
    : preview;

describe("seedDatabase", () => {
  beforeAll(async () => {
    db = testDatabase().db;
    expect(await isEmpty(db)).toBe(true);
    summary = await seedDatabase(db, { listings: LISTINGS });
  });

  it("reports the database as no longer empty", async () => {
    expect(await isEmpty(db)).toBe(false);
    expect(summary.rows.listings).toBe(LISTINGS);
  });

  it("creates exactly N listings across all five kinds, ten or more categories and every review state", async () => {
    const listings = await rows<{ kind: string; category: string; status: string }>(sql`select kind, category, status from listings`);
    expect(listings).toHaveLength(LISTINGS);
    expect(new Set(listings.map((l) => l.kind))).toEqual(new Set(LISTING_KINDS));
    const categories = new Set(listings.map((l) => l.category));
    expect(categories.size).toBeGreaterThanOrEqual(10);
    for (const category of categories) expect(CATEGORY_SLUGS).toContain(category);
    const statuses = new Set(listings.map((l) => l.status));
    for (const status of ["published", "draft", "pending_review", "rejected"]) expect(statuses).toContain(status);
  });

  it("writes public fields within the catalog's rules", async () => {
    const listings = await rows<{ slug: string; title: string; summary: string; tags: string[]; price_cents: number; description: string }>(
      sql`select slug, title, summary, tags, price_cents, description from listings`,
    );
    for (const listing of listings) {
      expect(listing.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(listing.title.length).toBeGreaterThanOrEqual(5);
      expect(listing.title.length).toBeLessThanOrEqual(120);
      expect(listing.summary.length).toBeLessThanOrEqual(200);
      expect(listing.tags.length).toBeLessThanOrEqual(10);
      for (const tag of listing.tags) expect(tag).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(listing.price_cents === 0 || (listing.price_cents >= 100 && listing.price_cents <= 100000)).toBe(true);
      expect(listing.description).toContain("## ");
    }
    const free = listings.filter((l) => l.price_cents === 0).length;
    expect(free).toBeGreaterThan(0);
    expect(free).toBeLessThan(LISTINGS / 2);
  });

  it("stores version content that passes the content schema and previews built from the live version", async () => {
    const versions = await rows<{ listing_id: string; content: unknown; number: number; changelog: string; review_status: string }>(
      sql`select listing_id, content, number, changelog, review_status from listing_versions`,
    );
    for (const version of versions) {
      expect(() => listingContentSchema.parse(version.content)).not.toThrow();
      if (version.number > 1) expect(version.changelog.length).toBeGreaterThan(0);
    }
    const listings = await rows<{ status: string; preview: unknown; content: unknown; review_status: string | null; published_at: unknown }>(sql`
      select l.status, l.preview, v.content, v.review_status, l.published_at
      from listings l left join listing_versions v on v.id = l.current_version_id`);
    for (const listing of listings) {
      if (["published", "unpublished", "removed"].includes(listing.status)) {
        expect(listing.review_status).toBe("approved");
        expect(listing.published_at).not.toBeNull();
        expect(comparablePreview(listing.preview)).toEqual(comparablePreview(buildPreview(listingContentSchema.parse(listing.content))));
      } else {
        expect(listing.review_status).toBeNull();
      }
    }
    const unapproved = await rows<{ status: string; review_status: string; status_reason: string | null; review_reason: string | null }>(sql`
      select l.status, v.review_status, l.status_reason, v.review_reason
      from listings l join listing_versions v on v.listing_id = l.id
      where l.status in ('draft', 'pending_review', 'rejected')`);
    for (const row of unapproved) {
      expect(row.review_status).toBe(row.status === "draft" ? "draft" : row.status);
      if (row.status === "rejected") {
        expect(row.status_reason).toBeTruthy();
        expect(row.review_reason).toBeTruthy();
      }
    }
  });

  it("balances every ledger journal and the ledger as a whole", async () => {
    const unbalanced = await rows<{ journal_id: string }>(sql`select journal_id from ledger_entries group by journal_id having sum(amount_cents) <> 0`);
    expect(unbalanced).toEqual([]);
    const [total] = await rows<{ sum: string | number; count: string | number }>(
      sql`select coalesce(sum(amount_cents), 0) as sum, count(*) as count from ledger_entries`,
    );
    expect(Number(total.sum)).toBe(0);
    expect(Number(total.count)).toBeGreaterThan(0);
    const [journals] = await rows<{ sales: string | number; paid: string | number; refunds: string | number; refunded: string | number }>(sql`
      select
        (select count(distinct journal_id) from ledger_entries where kind = 'sale') as sales,
        (select count(*) from orders where status in ('paid', 'refunded') and price_cents > 0) as paid,
        (select count(distinct journal_id) from ledger_entries where kind = 'refund') as refunds,
        (select count(*) from orders where status = 'refunded') as refunded`);
    expect(Number(journals.sales)).toBe(Number(journals.paid));
    expect(Number(journals.refunds)).toBe(Number(journals.refunded));
  });

  it("gives each creator a balance equal to their share of orders that stayed paid", async () => {
    const mismatches = await rows<{ creator_id: string }>(sql`
      with balances as (
        select substr(account, 9)::uuid as creator_id, sum(amount_cents) as balance
        from ledger_entries where account like 'creator:%' group by 1
      ), shares as (
        select creator_id, sum(creator_share_cents) as share from orders where status = 'paid' group by 1
      )
      select coalesce(b.creator_id, s.creator_id) as creator_id
      from balances b full join shares s on s.creator_id = b.creator_id
      where coalesce(b.balance, 0) <> coalesce(s.share, 0)`);
    expect(mismatches).toEqual([]);
  });

  it("keeps sales counts and rating aggregates in step with orders and visible reviews", async () => {
    const drift = await rows<{ id: string }>(sql`
      select l.id from listings l
      left join (select listing_id, count(*) as n from orders where status = 'paid' group by 1) o on o.listing_id = l.id
      left join (select listing_id, sum(rating) as total, count(*) as n from reviews where hidden_at is null group by 1) r on r.listing_id = l.id
      where l.sales_count <> coalesce(o.n, 0) or l.rating_sum <> coalesce(r.total, 0) or l.rating_count <> coalesce(r.n, 0)`);
    expect(drift).toEqual([]);
    const [reviewed] = await rows<{ n: string | number }>(sql`select count(*) as n from listings where rating_count > 0`);
    expect(Number(reviewed.n)).toBeGreaterThan(0);
  });

  it("only reviews paid orders, by their buyer, about that listing", async () => {
    const bad = await rows<{ id: string }>(sql`
      select r.id from reviews r join orders o on o.id = r.order_id
      where o.status <> 'paid' or o.buyer_id <> r.author_id or o.listing_id <> r.listing_id or r.rating not between 1 and 5`);
    expect(bad).toEqual([]);
  });

  it("never sells a listing to its own creator, and snapshots the version live when bought and the fee split", async () => {
    const bad = await rows<{ id: string }>(sql`
      select o.id from orders o join listings l on l.id = o.listing_id
      where o.buyer_id = l.creator_id or o.creator_id <> l.creator_id
        or o.version_id is distinct from (select v.id from listing_versions v where v.listing_id = l.id and v.review_status = 'approved'
                                             and v.reviewed_at <= coalesce(o.paid_at, o.created_at) order by v.number desc limit 1)
        or o.price_cents <> l.price_cents or o.fee_cents <> floor(o.price_cents * 2000 / 10000)
        or (o.status = 'paid' and o.paid_at is null) or (o.status = 'refunded' and o.refunded_cents <> o.price_cents)`);
    expect(bad).toEqual([]);
  });

  it("leaves buyers who paid before a listing's later version with the older one: their library shows it as updated", async () => {
    const [older] = await rows<{ n: number }>(sql`
      select count(*)::int as n from orders o join listings l on l.id = o.listing_id
      where o.status = 'paid' and o.version_id <> l.current_version_id`);
    expect(older.n).toBeGreaterThan(0);
    const [owner] = await rows<{ buyer_id: string }>(sql`
      select o.buyer_id from orders o join listings l on l.id = o.listing_id
      where o.status = 'paid' and o.version_id <> l.current_version_id and l.status = 'published' order by o.id limit 1`);
    const buyer = await loadActor(db, owner.buyer_id);
    expect((await libraryItemsPage(db, buyer, { updated: true })).total).toBeGreaterThan(0);
  });

  it("creates the demo accounts with their roles and the demo password", async () => {
    const accounts = await rows<{ email: string; role: string; password_hash: string; handle: string | null; payouts_enabled: boolean | null }>(sql`
      select u.email, u.role, u.password_hash, c.handle, c.payouts_enabled
      from users u left join creator_profiles c on c.user_id = u.id
      where u.email like '%@demo.test' order by u.email`);
    expect(accounts.map((a) => [a.email, a.role])).toEqual([
      ["admin@demo.test", "admin"],
      ["buyer@demo.test", "user"],
      ["creator@demo.test", "user"],
    ]);
    expect(await verifyPassword(accounts[0].password_hash, "demo-password")).toBe(true);
    expect(accounts[2].handle).toBe("demo-creator");
    expect(accounts[2].payouts_enabled).toBe(true);
    const [shelf] = await rows<{ published: string | number; others: string | number }>(sql`
      select count(*) filter (where l.status = 'published') as published, count(distinct l.status) as others
      from listings l join users u on u.id = l.creator_id where u.email = 'creator@demo.test'`);
    expect(Number(shelf.published)).toBeGreaterThanOrEqual(5);
    expect(Number(shelf.others)).toBe(4);
    const [library] = await rows<{ orders: string | number; reviews: string | number }>(sql`
      select count(distinct o.id) as orders, count(distinct r.id) as reviews
      from orders o join users u on u.id = o.buyer_id left join reviews r on r.order_id = o.id
      where u.email = 'buyer@demo.test' and o.status = 'paid'`);
    expect(Number(library.orders)).toBeGreaterThanOrEqual(5);
    expect(Number(library.reviews)).toBeGreaterThanOrEqual(3);
  });

  it("refuses to seed a database that already has data unless asked to reset", async () => {
    await expect(seedDatabase(db, { listings: 5 })).rejects.toThrow(/reset/);
  });

  const catalog = () =>
    rows<{ id: string; slug: string; title: string; price_cents: number }>(sql`select id, slug, title, price_cents from listings order by slug`);
  const sales = () =>
    rows<{ id: string; buyer_id: string; status: string; journal_total: string | number }>(sql`
      select o.id, o.buyer_id, o.status, coalesce(sum(abs(e.amount_cents)), 0) as journal_total
      from orders o left join ledger_entries e on e.order_id = o.id group by o.id order by o.id`);

  const vocabulary = () => rows<{ term: string; listing_count: number }>(sql`select term, listing_count from search_terms order by term`);

  it("produces the same catalog when seeded again with reset", async () => {
    const before = await catalog();
    const salesBefore = await sales();
    const again = await seedDatabase(db, { listings: LISTINGS, reset: true });
    expect(await catalog()).toEqual(before);
    expect(await sales()).toEqual(salesBefore);
    expect(again.rows).toEqual(summary.rows);
  });

  it("writes the same world with small batches written in parallel", async () => {
    const before = await catalog();
    const salesBefore = await sales();
    const indexesBefore = await indexDefinitions();
    const keysBefore = await foreignKeys();
    const vocabularyBefore = await vocabulary();
    const parallel = await seedDatabase(db, { listings: LISTINGS, reset: true, concurrency: 3, batchSize: 25 });
    // The secondary indexes dropped for the bulk load are all built again, exactly as the migrations defined them, and
    // the foreign keys are back, validated.
    expect(await indexDefinitions()).toEqual(indexesBefore);
    expect(keysBefore.length).toBeGreaterThanOrEqual(15);
    expect(await foreignKeys()).toEqual(keysBefore);
    expect(await catalog()).toEqual(before);
    expect(await sales()).toEqual(salesBefore);
    expect(parallel.rows).toEqual(summary.rows);
    // The vocabulary, counted from listings while the projection was still being filled, is the same.
    expect(vocabularyBefore.length).toBeGreaterThan(100);
    expect(await vocabulary()).toEqual(vocabularyBefore);
    // The search projection, rebuilt once after the bulk load, holds exactly the published listings.
    const [projection] = await rows<{ missing: number; extra: number }>(sql`
      select (select count(*)::int from listings l where l.status = 'published' and not exists (select 1 from listing_search s where s.listing_id = l.id)) as missing,
             (select count(*)::int from listing_search s join listings l on l.id = s.listing_id where l.status <> 'published') as extra`);
    expect(projection).toEqual({ missing: 0, extra: 0 });
    const unbalanced = await rows<{ journal_id: string }>(sql`select journal_id from ledger_entries group by journal_id having sum(amount_cents) <> 0`);
    expect(unbalanced).toEqual([]);
    // Every table was vacuumed and analyzed after the load (the bulk tables in their own lane, the rest at the end).
    const skipped = await rows<{ relname: string }>(
      sql`select relname from pg_stat_user_tables where schemaname = current_schema() and (last_vacuum is null or last_analyze is null) order by 1`,
    );
    expect(skipped).toEqual([]);
  });

  it("builds the deferred indexes again when a bulk load fails", async () => {
    const indexesBefore = await indexDefinitions();
    let during: string[] = [];
    const failing = withDeferredIndexes(
      db,
      BULK_TABLES,
      async () => {
        during = await indexDefinitions();
        throw new Error("the load broke");
      },
      () => {},
    );
    await expect(failing).rejects.toThrow("the load broke");
    expect(during.length).toBeLessThan(indexesBefore.length);
    expect(during).toContain(indexesBefore.find((d) => d.includes("ledger_entries_journal_idx")));
    // Primary keys stay (foreign keys are checked through them); other unique indexes are built again afterwards.
    const primaryKeys = indexesBefore.filter((d) => /_pkey ON /.test(d));
    expect(primaryKeys).toHaveLength(BULK_TABLES.length);
    expect(during).toEqual(expect.arrayContaining(primaryKeys));
    expect(during).not.toContain(indexesBefore.find((d) => d.includes("listings_slug_key")));
    expect(await indexDefinitions()).toEqual(indexesBefore);
  });

  it("fails the load when rows written without a unique index break it, and names the index", async () => {
    const indexesBefore = await indexDefinitions();
    const [{ columns }] = await rows<{ columns: string }>(sql`
      select string_agg(quote_ident(column_name), ', ' order by ordinal_position) as columns from information_schema.columns
      where table_schema = current_schema() and table_name = 'reviews' and column_name <> 'id' and is_generated = 'NEVER'`);
    const duplicating = withDeferredIndexes(
      db,
      BULK_TABLES,
      async () => {
        // A second review of an order that already has one: reviews_order_key is not there to refuse it.
        await db.execute(sql.raw(`insert into reviews (id, ${columns}) select gen_random_uuid(), ${columns} from reviews order by id limit 1`));
      },
      () => {},
    );
    await expect(duplicating).rejects.toMatchObject({
      message: expect.stringContaining("CREATE UNIQUE INDEX IF NOT EXISTS reviews_order_key"),
      cause: expect.objectContaining({ code: "23505", message: expect.stringContaining('could not create unique index "reviews_order_key"') }),
    });
    // Every other index was built; once the duplicate is gone, so is the unique one.
    expect(await indexDefinitions()).toEqual(indexesBefore.filter((d) => !d.includes("reviews_order_key")));
    await db.execute(sql`delete from reviews r using reviews o where r.order_id = o.order_id and r.id > o.id`);
    await db.execute(sql.raw(indexesBefore.find((d) => d.includes("reviews_order_key"))!));
    expect(await indexDefinitions()).toEqual(indexesBefore);
  });

  it("builds a table's indexes as soon as the load asks, and the rest when it fails after", async () => {
    const indexesBefore = await indexDefinitions();
    const projectionIndexes = indexesBefore.filter((d) => d.includes(" ON public.listing_search "));
    let during: string[] = [];
    const failing = withDeferredIndexes(
      db,
      BULK_TABLES,
      async (indexes) => {
        await indexes.rebuild(["listing_search"]);
        during = await indexDefinitions();
        throw new Error("the load broke");
      },
      () => {},
    );
    await expect(failing).rejects.toThrow("the load broke");
    expect(projectionIndexes.length).toBeGreaterThan(3);
    expect(during).toEqual(expect.arrayContaining(projectionIndexes));
    expect(during.length).toBeLessThan(indexesBefore.length);
    expect(await indexDefinitions()).toEqual(indexesBefore);
  });

  it("adds the foreign keys back when a bulk load fails, and refuses one that the loaded rows break", async () => {
    const keysBefore = await foreignKeys();
    const keyed = BULK_TABLES.filter((table) => table !== "listing_search");
    let during: string[] = [];
    const failing = withDeferredForeignKeys(
      db,
      keyed,
      async () => {
        during = await foreignKeys();
        throw new Error("the load broke");
      },
      () => {},
    );
    await expect(failing).rejects.toThrow("the load broke");
    expect(during).toEqual(keysBefore.filter((k) => k.startsWith("listing_search ")));
    expect(await foreignKeys()).toEqual(keysBefore);

    // A review pointing at no order, added back by the load itself beside other work: its key can't be validated and is
    // reported by name, and the other keys are back.
    const [review] = await rows<{ id: string }>(sql`select id from reviews order by id limit 1`);
    const dangling = withDeferredForeignKeys(
      db,
      keyed,
      async (keys) => {
        await db.execute(sql`update reviews set order_id = '00000000-0000-4000-8000-000000000000' where id = ${review.id}`);
        await keys.restore();
      },
      () => {},
    );
    await expect(dangling).rejects.toThrow(/foreign keys reviews\.reviews_order_id_orders_id_fk; they were not added back/);
    expect((await foreignKeys()).filter((k) => !k.includes("reviews_order_id"))).toEqual(keysBefore.filter((k) => !k.includes("reviews_order_id")));
    // Put the row and its key back for the tests after this one.
    await db.execute(sql`delete from reviews where id = ${review.id}`);
    await db.execute(
      sql.raw(
        `alter table reviews add constraint reviews_order_id_orders_id_fk ${keysBefore.find((k) => k.includes("reviews_order_id"))!.replace(/^reviews reviews_order_id_orders_id_fk (.*) validated=true$/, "$1")}`,
      ),
    );
    expect(await foreignKeys()).toEqual(keysBefore);
  });

  it("stops a parallel seed between batches when asked, with its keys and indexes put back", async () => {
    const indexesBefore = await indexDefinitions();
    const keysBefore = await foreignKeys();
    // A signal that reads as aborted from the third batch on (a real one, aborted by Ctrl-C, is checked the same way).
    let checks = 0;
    const signal = {
      throwIfAborted() {
        if (++checks > 2) throw new Error("stopped by SIGINT");
      },
    } as AbortSignal;
    const stopped = seedDatabase(db, { listings: LISTINGS, reset: true, concurrency: 3, batchSize: 25, signal });
    await expect(stopped).rejects.toThrow("stopped by SIGINT");
    // The two batches already sent were written whole; nothing after them.
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from listings`);
    expect(n).toBe(50);
    expect(await indexDefinitions()).toEqual(indexesBefore);
    expect(await foreignKeys()).toEqual(keysBefore);
    const triggers = await rows<{ tgname: string; tgenabled: string }>(
      sql`select tgname, tgenabled from pg_trigger where tgrelid = 'listings'::regclass and tgname like 'listings_search_sync%' order by 1`,
    );
    expect(triggers.map((t) => t.tgenabled)).toEqual(["O", "O"]);
    await seedDatabase(db, { listings: LISTINGS, reset: true });
  });
});

/** The foreign keys of the bulk tables, with whether Postgres counts them as validated. */
async function foreignKeys(): Promise<string[]> {
  const found = await queryRows<{ def: string }>(
    db,
    sql`select t.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) || ' validated=' || k.convalidated as def
        from pg_constraint k join pg_class t on t.oid = k.conrelid
        where k.contype = 'f' and t.relname = any(${`{${BULK_TABLES.join(",")}}`}::text[]) order by 1`,
  );
  return found.map((r) => r.def);
}

async function indexDefinitions(): Promise<string[]> {
  const found = await queryRows<{ def: string }>(
    db,
    sql`select pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class t on t.oid = i.indrelid
        where t.relname = any(${`{${BULK_TABLES.join(",")}}`}::text[]) order by 1`,
  );
  return found.map((r) => r.def);
}
