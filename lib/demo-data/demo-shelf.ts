// What the demo accounts see: the demo buyer's library and the demo creator's recent view counts.
import type { listingDailyStats } from "@/db/schema";
import type { DemoPurchases } from "./commerce";
import { ANCHOR, DAY, type ListingPlan } from "./plan";
import { Random } from "./random";

const DEMO_LIBRARY_SIZE = 8;
/** The last purchases stay unreviewed so the demo buyer can try writing a review. */
const DEMO_UNREVIEWED = 2;

/** Published listings of other creators, spread across the catalog, at least one of them free when possible. */
export function chooseDemoPurchases(plans: readonly ListingPlan[]): DemoPurchases {
  const candidates = plans.filter((plan) => plan.status === "published" && plan.creator !== 0 && plan.currentVersion !== null);
  const chosen: ListingPlan[] = [];
  for (let k = 0; k < Math.min(DEMO_LIBRARY_SIZE, candidates.length); k++) {
    chosen.push(candidates[Math.floor((k * candidates.length) / Math.min(DEMO_LIBRARY_SIZE, candidates.length))]);
  }
  const free = candidates.find((plan) => plan.priceCents === 0);
  if (free && !chosen.some((plan) => plan.priceCents === 0) && chosen.length > 0) chosen[chosen.length - 1] = free;
  const purchases: DemoPurchases = new Map();
  chosen.forEach((plan, i) => purchases.set(plan.index, { reviewed: i < chosen.length - DEMO_UNREVIEWED }));
  return purchases;
}

type DailyStatsRow = typeof listingDailyStats.$inferInsert;

const STATS_DAYS = 90;

/** 90 days of page views for the demo creator's published listings, with a weekly rhythm, for dashboard charts. */
export function demoCreatorDailyStats(plans: readonly ListingPlan[]): DailyStatsRow[] {
  const rows: DailyStatsRow[] = [];
  for (const plan of plans) {
    if (plan.creator !== 0 || plan.status !== "published" || plan.publishedAt === null) continue;
    const rng = Random.for("views", plan.index);
    const base = 5 + rng.int(0, 60);
    for (let d = STATS_DAYS; d >= 1; d--) {
      const day = ANCHOR - d * DAY;
      if (day < plan.publishedAt) continue;
      const weekday = new Date(day).getUTCDay();
      const weekly = weekday === 0 || weekday === 6 ? 0.7 : 1.1;
      const trend = 1 + (STATS_DAYS - d) / (STATS_DAYS * 2);
      rows.push({ listingId: plan.id, day: new Date(day).toISOString().slice(0, 10), views: Math.round(base * weekly * trend * (0.6 + rng.next() * 0.8)) });
    }
  }
  return rows;
}
