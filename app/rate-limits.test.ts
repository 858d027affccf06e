// Over a limit, a route handler answers 429 JSON with Retry-After and a server action a form error that says when to
// try again (lib/security/limits.ts).
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { testDatabase } from "@/db/testing/setup";
import { ACTION_LIMITS } from "@/lib/security/limits";
import { makeCreator, makeListing, makeUser } from "@/lib/testing/fixtures";

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

describe("rate limits in routes and actions", () => {
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
});
