// Over a limit, lib refuses with a 429 DomainError that carries the wait (Retry-After); routes and actions: app/rate-limits.test.ts.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { queryRows } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { DomainError, errorResponse } from "@/lib/errors";
import { startCheckout } from "@/lib/orders/checkout";
import { makeCreator, makeListing, makeUser } from "@/lib/testing/fixtures";
import { ACTION_LIMITS } from "./limits";
import { enforceRateLimit, peekRateLimitWindow, rateLimitedError, waitInWords } from "./rate-limit";

/** Fills `key`'s window to `count` hits, resetting in `seconds`. */
async function exhaust(key: string, count: number, seconds: number) {
  await testDatabase().db.execute(
    sql`insert into rate_limits (key, count, reset_at) values (${key}, ${count}, now() + make_interval(secs => ${seconds}))
        on conflict (key) do update set count = excluded.count, reset_at = excluded.reset_at`,
  );
}

let creator: Actor;
let listingId: string;

beforeAll(async () => {
  const { db } = testDatabase();
  creator = await makeCreator(db);
  listingId = (await makeListing(db, creator, { values: { priceCents: 500 } })).id;
});

describe("rate limits over the limit", () => {
  it("refuse a checkout with checkout.rate_limited carrying the wait, before any order is written", async () => {
    const { db } = testDatabase();
    const other = await makeUser(db);
    await exhaust(`checkout:${other.id}`, ACTION_LIMITS.checkout.limit, 300);
    const error = await startCheckout(db, other, { listingId, successUrl: "http://test.local/s", cancelUrl: "http://test.local/c" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("checkout.rate_limited");
    expect((error as DomainError).status).toBe(429);
    expect((error as DomainError).retryAfterSeconds).toBeGreaterThan(290);
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from orders where buyer_id = ${other.id}`);
    expect(Number(row.n)).toBe(0);
  });

  it("count within the limit and refuse the first hit past it", async () => {
    const { db } = testDatabase();
    const key = `test-limit:${crypto.randomUUID()}`;
    await enforceRateLimit(db, key, 2, 60);
    await enforceRateLimit(db, key, 2, 60);
    const error = (await enforceRateLimit(db, key, 2, 60).catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe("rate.limited");
    expect(error.publicMessage).toMatch(/^Too many requests\. Try again in \d+ (seconds?|minute)\.$/);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it("say how long to wait in words", () => {
    expect([waitInWords(1), waitInWords(45), waitInWords(61), waitInWords(1800), waitInWords(7200)]).toEqual([
      "1 second",
      "45 seconds",
      "2 minutes",
      "30 minutes",
      "2 hours",
    ]);
  });
});

describe("limits that count only failures", () => {
  it("refuse once the window is full, with Retry-After in the JSON answer and the wait in the message", async () => {
    const { db } = testDatabase();
    const key = `test-failures:${crypto.randomUUID()}`;
    expect((await peekRateLimitWindow(db, key, 3)).allowed).toBe(true);
    await exhaust(key, 3, 600);
    const window = await peekRateLimitWindow(db, key, 3);
    expect(window.allowed).toBe(false);
    const response = errorResponse(rateLimitedError("auth.rate_limited", window));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(590);
    expect(await response.json()).toEqual({ error: "auth.rate_limited", message: "Too many attempts. Try again in 10 minutes." });
  });
});
