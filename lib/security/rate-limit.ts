// Fixed-window rate limits with counters in Postgres (ARCHITECTURE.md, "Running many instances"): one upsert per request, shared by every instance.
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "@/db/client";

export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetAt: Date };

/** Public API budget per client per minute; API_RATE_LIMIT_PER_MINUTE overrides it (benchmarks, big partners). */
export function apiRateLimitPerMinute(): number {
  const parsed = z.coerce.number().int().min(1).max(1_000_000_000).safeParse(process.env.API_RATE_LIMIT_PER_MINUTE);
  return parsed.success ? parsed.data : 300;
}

/**
 * Counts one hit for `key` in a window of `windowSeconds` and says whether it is within `limit`.
 * The counter survives a crash only approximately: the statement turns off synchronous commit for its own
 * transaction, so the upsert never waits for a WAL flush (a lost increment is harmless; a slow API is not).
 */
export async function hitRateLimit(db: Db, key: string, limit: number, windowSeconds = 60): Promise<RateLimitResult> {
  const [row] = await queryRows<{ count: number; reset_at: string }>(
    db,
    sql`with fast as (select set_config('synchronous_commit', 'off', true) as v)
        insert into rate_limits as r (key, count, reset_at)
        select ${key}, 1, now() + make_interval(secs => ${windowSeconds}) from fast
        on conflict (key) do update set
          count = case when r.reset_at <= now() then 1 else r.count + 1 end,
          reset_at = case when r.reset_at <= now() then now() + make_interval(secs => ${windowSeconds}) else r.reset_at end
        returning r.count, to_char(r.reset_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as reset_at`,
  );
  const count = Number(row?.count ?? 1);
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetAt: new Date(row?.reset_at ?? Date.now()) };
}

/** How many hits `key` has in its current window, without counting one (0 when the window has passed). */
export async function peekRateLimit(db: Db, key: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count from rate_limits where key = ${key} and reset_at > now()`);
  return Number(row?.count ?? 0);
}

/** Forgets `key`'s window (a success that should not keep counting against someone). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await queryRows(db, sql`delete from rate_limits where key = ${key} returning 1`);
}

/** The client a request counts against: the first X-Forwarded-For hop (set by Vercel and proxies), else X-Real-IP. */
export function clientKey(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return ip.slice(0, 64);
}

/** Deletes expired windows (call from a cron or occasionally); keeps the table small. */
export async function pruneRateLimits(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with d as (delete from rate_limits where reset_at < now() - interval '1 hour' returning 1) select count(*)::int as n from d`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Rate-limit response headers for a result. */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  const headers: Record<string, string> = {
    "X-RateLimit-Limit": String(result.limit),
    "X-RateLimit-Remaining": String(result.remaining),
    "X-RateLimit-Reset": String(Math.ceil(result.resetAt.getTime() / 1000)),
  };
  if (!result.allowed) headers["Retry-After"] = String(Math.max(1, Math.ceil((result.resetAt.getTime() - Date.now()) / 1000)));
  return headers;
}
