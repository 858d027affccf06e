// Over a limit, lib refuses with a 429 DomainError that carries the wait (Retry-After); routes and actions: app/rate-limits.test.ts.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { queryRows } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { DomainError } from "@/lib/errors";
import { startCheckout } from "@/lib/orders/checkout";
import { makeCreator, makeListing, makeUser } from "@/lib/testing/fixtures";
import { ACTION_LIMITS } from "./limits";
import { enforceRateLimit, waitInWords } from "./rate-limit";

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
