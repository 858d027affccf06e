// Fixed-window rate limits with counters in Postgres (ARCHITECTURE.md, "Running many instances"): one upsert per request, shared by every instance.
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "@/db/client";
import { DomainError, type DomainErrorCode, type ErrorParams } from "@/lib/errors";
import { recordRateLimitRejection } from "@/lib/observability/metrics";
import { clientAddress } from "./client-address";

export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetAt: Date };

const API_BUDGET = z.coerce.number().int().min(1).max(1_000_000_000);
let apiBudget: { raw: string | undefined; perMinute: number } | undefined;

/** Public API budget per client per minute; API_RATE_LIMIT_PER_MINUTE overrides it (benchmarks, big partners). */
export function apiRateLimitPerMinute(): number {
  const raw = process.env.API_RATE_LIMIT_PER_MINUTE;
  // Read on every API request: parsed once per value of the variable, not once per request.
  if (!apiBudget || apiBudget.raw !== raw) {
    const parsed = API_BUDGET.safeParse(raw);
    apiBudget = { raw, perMinute: parsed.success ? parsed.data : 300 };
  }
  return apiBudget.perMinute;
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
  if (count > limit) recordRateLimitRejection(key);
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetAt: new Date(row?.reset_at ?? Date.now()) };
}

/** How many hits `key` has in its current window, without counting one (0 when the window has passed). */
export async function peekRateLimit(db: Db, key: string): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count from rate_limits where key = ${key} and reset_at > now()`);
  return Number(row?.count ?? 0);
}

/**
 * `key`'s current window against `limit` without counting a hit: not allowed once it already holds `limit` hits (limits
 * that count only failures, like sign-in's). Its resetAt gives the refusal its Retry-After.
 */
export async function peekRateLimitWindow(db: Db, key: string, limit: number): Promise<RateLimitResult> {
  const [row] = await queryRows<{ count: number; reset_at: string }>(
    db,
    sql`select count, to_char(reset_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as reset_at
        from rate_limits where key = ${key} and reset_at > now()`,
  );
  const count = Number(row?.count ?? 0);
  return { allowed: count < limit, limit, remaining: Math.max(0, limit - count), resetAt: new Date(row?.reset_at ?? Date.now()) };
}

/** Forgets `key`'s window (a success that should not keep counting against someone). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await queryRows(db, sql`delete from rate_limits where key = ${key} returning 1`);
}

/** The client a request counts against: the platform's or the trusted proxies' address (lib/security/client-address.ts). */
export function clientKey(headers: Headers): string {
  return clientAddress(headers).slice(0, 64);
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
  if (!result.allowed) headers["Retry-After"] = String(retryAfterSeconds(result));
  return headers;
}

/** Seconds until `result`'s window resets (at least 1): the Retry-After of a refusal. */
export function retryAfterSeconds(result: RateLimitResult, now = Date.now()): number {
  return Math.max(1, Math.ceil((result.resetAt.getTime() - now) / 1000));
}

/** "45 seconds", "1 minute", "12 minutes", "2 hours": how long to wait, for a person. */
export function waitInWords(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), "second");
  if (seconds < 90 * 60) return plural(Math.ceil(seconds / 60), "minute");
  return plural(Math.ceil(seconds / 3600), "hour");
}

/** A 429 code whose message says how long to wait (`{ wait }`). */
export type RateLimitCode = { [C in DomainErrorCode]: ErrorParams<C> extends { wait: string } ? C : never }[DomainErrorCode];

/** Gives a refusal the Retry-After of `result` (errorResponse sends it as the header), for 429 codes with a fixed message. */
export function withRetryAfter<E extends DomainError>(error: E, result: RateLimitResult): E {
  error.retryAfterSeconds = retryAfterSeconds(result);
  return error;
}

/** The 429 DomainError for an exhausted `result`: its message says when to try again and it carries Retry-After. */
export function rateLimitedError(code: RateLimitCode, result: RateLimitResult): DomainError {
  const seconds = retryAfterSeconds(result);
  const error = new DomainError(code, { wait: waitInWords(seconds) } as never);
  error.retryAfterSeconds = seconds;
  return error;
}

/**
 * Counts one hit against `key` and throws the 429 for `code` when it is over `limit` in `windowSeconds`: route
 * handlers answer it through errorResponse (JSON + Retry-After), server actions through validatedAction (a form
 * error that says when to try again).
 */
export async function enforceRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
  code: RateLimitCode = "rate.limited",
): Promise<RateLimitResult> {
  const result = await hitRateLimit(db, key, limit, windowSeconds);
  if (!result.allowed) throw rateLimitedError(code, result);
  return result;
}
