// Buying: checks the buyer, snapshots price/fee/share/version from the database, and opens a checkout.
import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings, orders, users } from "@/db/schema";
import { assertActive, type Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { paymentsDriver } from "@/lib/payments/driver";
import { entitlingOrder } from "./entitlement";
import { fulfilOrder } from "./fulfil";
import { splitPrice } from "./pricing";
import { limitAction } from "@/lib/security/limits";
import { logger } from "@/lib/observability/logger";

export type CheckoutStart = { kind: "free"; orderId: string } | { kind: "checkout"; orderId: string; url: string };

// A pending order's checkout stays usable this long; a new Buy click reuses it instead of opening another.
const REUSE_PENDING_MS = 30 * 60 * 1000;

async function buyableListing(db: Db, listingId: string) {
  const [listing] = await db
    .select({
      id: listings.id,
      slug: listings.slug,
      title: listings.title,
      status: listings.status,
      creatorId: listings.creatorId,
      priceCents: listings.priceCents,
      currency: listings.currency,
      currentVersionId: listings.currentVersionId,
      creatorStatus: users.status,
    })
    .from(listings)
    .innerJoin(users, eq(users.id, listings.creatorId))
    .where(eq(listings.id, listingId))
    .limit(1);
  if (!listing || listing.status !== "published" || !listing.currentVersionId) {
    throw new DomainError("order.not_for_sale");
  }
  // A suspended or banned creator sells nothing while the status lasts (ARCHITECTURE.md, "Moderation").
  if (listing.creatorStatus !== "active") throw new DomainError("order.creator_unavailable");
  return { ...listing, currentVersionId: listing.currentVersionId };
}

/**
 * Starts a purchase for the acting buyer. Free listings become a paid order of 0 at once; paid ones
 * get a pending order and a Checkout Session. The price never comes from the client.
 */
export async function startCheckout(db: Db, actor: Actor | null, input: { listingId: string; successUrl: string; cancelUrl: string }): Promise<CheckoutStart> {
  const buyer = assertActive(actor);
  await limitAction(db, "checkout", buyer.id);
  const listing = await buyableListing(db, input.listingId);
  if (listing.creatorId === buyer.id) throw new DomainError("order.own_listing");

  const prepared = await db.transaction(async (tx) => {
    // One buyer and listing at a time, so two quick clicks make one order, not two.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`buy:${buyer.id}:${listing.id}`}))`);
    if (await entitlingOrder(tx, buyer.id, listing.id)) {
      throw new DomainError("order.already_owned");
    }
    const split = splitPrice(listing.priceCents, env().PLATFORM_FEE_BPS);
    const base = {
      buyerId: buyer.id,
      listingId: listing.id,
      creatorId: listing.creatorId,
      versionId: listing.currentVersionId,
      currency: listing.currency,
      ...split,
    };
    if (split.priceCents === 0) {
      const [order] = await tx.insert(orders).values(base).returning();
      await fulfilOrder(tx, { orderId: order.id });
      return { kind: "free" as const, orderId: order.id };
    }
    const [reusable] = await tx
      .select({ id: orders.id, sessionId: orders.checkoutSessionId })
      .from(orders)
      .where(
        and(
          eq(orders.buyerId, buyer.id),
          eq(orders.listingId, listing.id),
          eq(orders.status, "pending"),
          eq(orders.priceCents, split.priceCents),
          gt(orders.createdAt, new Date(Date.now() - REUSE_PENDING_MS)),
        ),
      )
      .limit(1);
    if (reusable?.sessionId) return { kind: "reuse" as const, orderId: reusable.id, sessionId: reusable.sessionId };
    const [order] = reusable ? [{ id: reusable.id }] : await tx.insert(orders).values(base).returning({ id: orders.id });
    return { kind: "new" as const, orderId: order.id, priceCents: split.priceCents };
  });

  if (prepared.kind === "free") return prepared;
  const driver = await paymentsDriver();
  if (prepared.kind === "reuse") {
    const session = await driver.retrieveCheckoutSession(prepared.sessionId);
    if (session?.status === "open" && session.url) return { kind: "checkout", orderId: prepared.orderId, url: session.url };
  }
  const previousSession = prepared.kind === "reuse" ? prepared.sessionId : "first";

  const [email] = await db.select({ email: users.email }).from(users).where(eq(users.id, buyer.id));
  try {
    const session = await driver.createCheckoutSession({
      orderId: prepared.orderId,
      listingTitle: listing.title,
      listingSlug: listing.slug,
      priceCents: listing.priceCents,
      currency: listing.currency,
      buyerEmail: email.email,
      successUrl: input.successUrl,
      cancelUrl: input.cancelUrl,
      idempotencyKey: `checkout-${prepared.orderId}-${previousSession}`,
    });
    await db.update(orders).set({ checkoutSessionId: session.id }).where(eq(orders.id, prepared.orderId));
    return { kind: "checkout", orderId: prepared.orderId, url: session.url };
  } catch (error) {
    await db
      .update(orders)
      .set({ status: "failed" })
      .where(and(eq(orders.id, prepared.orderId), eq(orders.status, "pending")));
    logger.error({ event: "checkout.session_failed", orderId: prepared.orderId, err: error }, "could not open a checkout session");
    throw new DomainError("order.checkout_unavailable");
  }
}
