// Bulk loads skip the per-statement search-projection trigger and fill listing_search once after the load,
// which is much cheaper than maintaining it batch by batch. Needs table ownership; otherwise the trigger stays.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

const TRIGGERS = ["listings_search_sync_insert", "listings_search_sync_update"] as const;

async function setTriggers(db: Db, enabled: boolean) {
  for (const trigger of TRIGGERS) {
    await db.execute(sql.raw(`alter table listings ${enabled ? "enable" : "disable"} trigger ${trigger}`));
  }
}

/**
 * Runs `load` with the projection trigger off (when allowed) and turns it on again. Returns the statement that fills
 * listing_search from what `load` wrote, to run next (alongside other work on other connections if you like); it does
 * nothing when the trigger stayed on, since the trigger kept the projection then.
 */
export async function withDeferredSearchProjection(db: Db, load: () => Promise<void>, log: (line: string) => void): Promise<() => Promise<void>> {
  let deferred = false;
  try {
    await setTriggers(db, false);
    deferred = true;
  } catch {
    log("search projection: kept per batch (no permission to pause its trigger)");
  }
  try {
    await load();
  } finally {
    if (deferred) await setTriggers(db, true);
  }
  if (!deferred) return async () => {};
  // Same columns and expressions as agora_listing_search_sync(); its facet-count trigger fires once for the lot.
  return async () => {
    await db.execute(sql`
      insert into listing_search (listing_id, creator_id, kind, category, price_cents, rating_avg, sales_count, published_at, boost, head, body)
      select l.id, l.creator_id, l.kind, l.category, l.price_cents, l.rating_avg, l.sales_count, l.published_at,
             agora_listing_boost(l.sales_count, l.rating_sum, l.rating_count), agora_listing_head(l.title, l.tags, l.summary), l.search
        from listings l
       where l.status = 'published'
      on conflict (listing_id) do nothing`);
  };
}
