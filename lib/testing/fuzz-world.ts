// The small marketplace the fuzz suites aim at: an admin, a creator with a live listing and one waiting for approval,
// a buyer who owns the live one and reviewed it, an open report, and a listing an admin removed. Baseline inputs name these rows, so a mutated
// input reaches past the form check into the domain rules.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema";
import { removeListing } from "@/lib/moderation/listings";
import { startCheckout } from "@/lib/orders/checkout";
import { payLocalSession } from "@/lib/payments/local-checkout";
import type { Actor } from "@/lib/auth/actor";
import { fileReport } from "@/lib/reports/file";
import { createReview } from "@/lib/reviews/write";
import { makeAdmin, makeCreator, makeListing, makeOrder, makeUser, testContent, type Creator, type ListingFixture } from "./fixtures";

export type FuzzWorld = {
  admin: Actor;
  creator: Creator;
  buyer: Actor;
  stranger: Actor;
  live: ListingFixture;
  pending: ListingFixture;
  test: ListingFixture;
  /** Removed by the admin (a resolved case, no counter-notice): one a restore applies to. */
  removed: ListingFixture;
  orderId: string;
  /** The stranger's order of the live listing, paid through the local checkout: it has a payment to refund. */
  paidOrderId: string;
  reviewId: string;
  reportId: string;
};

export async function makeFuzzWorld(db: Db): Promise<FuzzWorld> {
  const admin = await makeAdmin(db);
  const creator = await makeCreator(db, { payoutAccount: "active" });
  const buyer = await makeUser(db);
  const stranger = await makeUser(db);
  const live = await makeListing(db, creator, { priceCents: 1500 });
  const pending = await makeListing(db, creator, { status: "pending_review", versions: [{ status: "pending_review" }] });
  const test = await makeListing(db, creator, { kind: "test", content: testContent(60, 3), priceCents: 300 });
  const order = await makeOrder(db, buyer, live);
  await makeOrder(db, buyer, test);
  const review = await createReview(db, buyer, { listingId: live.id, rating: 4, body: "Works well for my newsletters." });
  const started = await startCheckout(db, stranger, { listingId: live.id, successUrl: "http://localhost/s", cancelUrl: "http://localhost/c" });
  if (started.kind !== "checkout") throw new Error("the live listing is paid: expected a checkout");
  await payLocalSession(db, stranger, started.url.split("/").pop()!);
  const [paid] = await db.select({ id: orders.id }).from(orders).where(eq(orders.buyerId, stranger.id));
  const removed = await makeListing(db, creator, { priceCents: 700 });
  await removeListing(db, admin, { listingId: removed.id, reason: "Copies another creator's listing." });
  const { reportId } = await fileReport(db, stranger, { targetType: "listing", targetId: live.id, reason: "spam", details: "Looks like spam to me." });
  return { admin, creator, buyer, stranger, live, pending, test, removed, orderId: order.id, paidOrderId: paid.id, reviewId: review.review.id, reportId };
}
