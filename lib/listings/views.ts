// Listing page views, counted without a database write per view: each instance adds views to an in-memory
// buffer and flushes it as one multi-row upsert into listing_daily_stats at most every FLUSH_INTERVAL_MS.
// The count is exact except for what an instance holds when it dies (at most a few seconds of views);
// a lossy view counter is acceptable where money and entitlements are not (ARCHITECTURE.md, "Running many instances", asks that nothing
// that must be shared lives only in memory: views are reported, never decided on).
import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { isUuid } from "@/lib/uuid";

export const FLUSH_INTERVAL_MS = 5_000;
/** Flush early when this many listings are waiting, so one statement stays small. */
export const FLUSH_AT_LISTINGS = 500;

type ViewBuffer = {
  counts: Map<string, number>;
  timer: ReturnType<typeof setTimeout> | null;
  flushing: Promise<void> | null;
  lastFlush: number;
  exitHook: boolean;
};

// On globalThis so dev reloads keep one buffer per process.
const g = globalThis as typeof globalThis & { __agoraViews?: ViewBuffer };
const buffer: ViewBuffer = (g.__agoraViews ??= { counts: new Map(), timer: null, flushing: null, lastFlush: 0, exitHook: false });

/** The UTC day a view counts for, as listing_daily_stats stores it. */
export function viewDay(at = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Counts one view of a listing page. Never throws and never waits on the database: the page calls it
 * and moves on. Views of the same listing within a flush window become one row update.
 */
export function recordListingView(listingId: string): void {
  if (!isUuid(listingId)) return;
  buffer.counts.set(listingId, (buffer.counts.get(listingId) ?? 0) + 1);
  if (buffer.counts.size >= FLUSH_AT_LISTINGS) {
    void flushListingViews().catch(logFlushError);
    return;
  }
  if (!buffer.timer) {
    const wait = Math.max(0, buffer.lastFlush + FLUSH_INTERVAL_MS - Date.now());
    buffer.timer = setTimeout(() => {
      buffer.timer = null;
      void flushListingViews().catch(logFlushError);
    }, wait);
    // A pending flush must not keep a script or test process alive.
    buffer.timer.unref?.();
  }
}

function logFlushError(error: unknown) {
  console.error("[views] flush failed; those views are dropped", error);
}

/** Views waiting in this instance's buffer (for tests and diagnostics). */
export function pendingViews(): number {
  let total = 0;
  for (const n of buffer.counts.values()) total += n;
  return total;
}

/**
 * Writes the buffered views as one upsert (listings deleted meanwhile are skipped). Resolves when written;
 * concurrent calls share the flush in progress and then flush what arrived since.
 */
export async function flushListingViews(db?: Db): Promise<void> {
  if (buffer.flushing) await buffer.flushing;
  if (buffer.counts.size === 0) return;
  const batch = buffer.counts;
  buffer.counts = new Map();
  buffer.lastFlush = Date.now();
  const day = viewDay();
  buffer.flushing = (async () => {
    const target = db ?? (await getDb());
    const ids = [...batch.keys()];
    const counts = ids.map((id) => batch.get(id) ?? 0);
    await target.execute(sql`
      insert into listing_daily_stats (listing_id, day, views)
      select v.listing_id, ${day}::date, v.views
      from unnest(${`{${ids.join(",")}}`}::uuid[], ${`{${counts.join(",")}}`}::int[]) as v(listing_id, views)
      join listings l on l.id = v.listing_id
      order by v.listing_id
      on conflict (listing_id, day) do update set views = listing_daily_stats.views + excluded.views`);
  })();
  try {
    await buffer.flushing;
  } finally {
    buffer.flushing = null;
  }
}

// Best effort on a clean shutdown: write what is buffered.
if (!buffer.exitHook && typeof process !== "undefined" && typeof process.once === "function") {
  buffer.exitHook = true;
  process.once("beforeExit", () => {
    void flushListingViews().catch(logFlushError);
  });
}
