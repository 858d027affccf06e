// Over a limit, every surface answers alike: 429 JSON with Retry-After from route handlers, a form error that says when
// to try again from server actions, and a DomainError carrying the wait from lib.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { queryRows } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { DomainError } from "@/lib/errors";
import { startCheckout } from "@/lib/orders/checkout";
import { makeCreator, makeListing, makeUser } from "@/lib/testing/fixtures";
import { ACTION_LIMITS } from "./limits";
import { enforceRateLimit, waitInWords } from "./rate-limit";

let viewer: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => viewer }));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidateTag: () => {}, revalidatePath: () => {}, unstable_cache: <T>(fn: T) => fn }));
const { POST: uploadImage } = await import("@/app/api/uploads/images/route");
const { createReviewAction } = await import("@/app/reviews/actions");

/** Fills `key`'s window to `count` hits, resetting in `seconds`. */
async function exhaust(key: string, count: number, seconds: number) {
  await testDatabase().db.execute(
    sql`insert into rate_limits (key, count, reset_at) values (${key}, ${count}, now() + make_interval(secs => ${seconds}))
        on conflict (key) do update set count = excluded.count, reset_at = excluded.reset_at`,
  );
}

let creator: Actor;
let buyer: Actor;
let listingId: string;

beforeAll(async () => {
  const { db } = testDatabase();
  creator = await makeCreator(db);
  buyer = await makeUser(db);
  listingId = (await makeListing(db, creator, { values: { priceCents: 500 } })).id;
});

describe("rate limits over the limit", () => {
  it("answer a route handler's caller 429 JSON with Retry-After and a message that says when (uploads)", async () => {
    viewer = creator;
    await exhaust(`upload:${creator.id}`, ACTION_LIMITS.upload.limit, 1800);
    const response = await uploadImage(new Request("http://test.local/api/uploads/images?purpose=cover", { method: "POST", body: new Uint8Array([1, 2, 3]) }));
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(1700);
    expect(retryAfter).toBeLessThanOrEqual(1800);
    expect(await response.json()).toEqual({
      error: "upload.rate_limited",
      message: "You've uploaded a lot of files in a short time. Try again in 30 minutes.",
    });
  });

  it("answer a server action with a form error that says when to try again (reviews)", async () => {
    viewer = buyer;
    await exhaust(`review:${buyer.id}`, ACTION_LIMITS.review.limit, 120);
    const form = new FormData();
    form.set("listingId", listingId);
    form.set("rating", "5");
    form.set("body", "Lovely prompt, works as described.");
    const state = await createReviewAction({}, form);
    expect(state.error).toBe("You've posted a lot of reviews and replies in a short time. Try again in 2 minutes.");
    expect(state.values?.body).toBe("Lovely prompt, works as described.");
  });

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
