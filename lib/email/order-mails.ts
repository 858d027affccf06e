// Mail about orders, queued with the change that causes it: the receipt and the sale mail inside the sale statement
// (lib/orders/fulfil.ts), refund mail inside the refund's transaction (lib/orders/refunds.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { listings, users, type Order } from "@/db/schema";
import { DEFAULT_EXISTING_LICENSE, LICENSE_PRESETS } from "@/lib/licenses/licenses";
import { queueEmail, sendAfterResponse } from "./outbox";
import { nextDigestAt } from "./preferences";

// What versions sold before licenses existed were given (drizzle/0019 and lib/licenses).
const { summary: _summary, ...fallbackLicense } = LICENSE_PRESETS[DEFAULT_EXISTING_LICENSE];
void _summary;

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * The buyer's receipt and the creator's sale mail for the order a sale statement just moved to paid, as an INSERT
 * that runs as one more CTE of that statement (saleStatement in lib/orders/fulfil.ts), so the mail exists exactly
 * when the sale does. `from` names the CTE holding the moved order (id, listing_id, creator_id, price_cents,
 * fee_cents, creator_share_cents, currency). The sale mail follows the creator's preference: now, held for the
 * daily digest, or none. Building it also asks for delivery after the response; if the statement moved nothing
 * (or rolled back), that delivery finds nothing.
 */
export function saleMailsSql(from: string, paidAt: Date): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(from)) throw new RangeError(`not a CTE name: ${from}`);
  const receiptId = randomUUID();
  const saleId = randomUUID();
  sendAfterResponse([receiptId, saleId]);
  const paid = paidAt.toISOString();
  const saleMode = sql`coalesce(p.sale_emails::text, 'each')`;
  return sql`insert into email_outbox (id, template, to_address, user_id, data, status, next_attempt_at)
    select x.id, x.template, x.to_address, x.user_id, x.data, x.status, x.next_attempt_at
      from ${sql.raw(from)} m
      join orders o on o.id = m.id
      join listings l on l.id = m.listing_id
      join listing_versions v on v.id = o.version_id
      join creator_profiles cp on cp.user_id = m.creator_id
      join users b on b.id = o.buyer_id
      join users c on c.id = m.creator_id
      left join email_preferences p on p.user_id = m.creator_id
      cross join lateral (values
        (${receiptId}::uuid, 'order_receipt', b.email, b.id, jsonb_build_object(
           'orderId', m.id, 'listingTitle', l.title, 'listingUrl', '/l/' || l.slug, 'creatorName', cp.display_name,
           'versionNumber', v.number, 'priceCents', m.price_cents, 'currency', m.currency, 'paidAt', ${paid}::text,
           'license', coalesce(v.license, ${JSON.stringify(fallbackLicense)}::jsonb),
           'libraryUrl', '/library/' || m.listing_id), 'pending', now()),
        (${saleId}::uuid, 'sale', c.email, c.id, jsonb_build_object(
           'orderId', m.id, 'listingTitle', l.title, 'priceCents', m.price_cents, 'feeCents', m.fee_cents,
           'shareCents', m.creator_share_cents, 'currency', m.currency, 'paidAt', ${paid}::text),
         case when ${saleMode} = 'digest' then 'digest' else 'pending' end,
         case when ${saleMode} = 'digest' then ${at(nextDigestAt(new Date()))} else now() end)
      ) as x(id, template, to_address, user_id, data, status, next_attempt_at)
     where x.template = 'order_receipt' or ${saleMode} <> 'off'`;
}

/**
 * A refund step of `refundedCents` (this step, not the running total), `shareReversedCents` of it taken from the
 * creator: the buyer and the creator are told. Run inside the refund's transaction.
 */
export async function queueRefundMails(
  db: Db | Tx,
  order: Order,
  refund: { refundedCents: number; shareReversedCents: number; full: boolean },
  /** "buyer" when the creator never saw the sale (a duplicate payment refunded as it arrives). */
  who: "both" | "buyer" = "both",
): Promise<void> {
  if (refund.refundedCents <= 0) return;
  const [listing] = await db.select({ title: listings.title }).from(listings).where(eq(listings.id, order.listingId)).limit(1);
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(sql`${users.id} in (${order.buyerId}, ${order.creatorId})`);
  const buyer = people.find((p) => p.id === order.buyerId);
  const creator = people.find((p) => p.id === order.creatorId);
  const common = {
    orderId: order.id,
    listingTitle: listing?.title ?? "your purchase",
    refundedCents: refund.refundedCents,
    currency: order.currency,
    fullRefund: refund.full,
  };
  if (buyer) await queueEmail(db, { template: "refund_buyer", to: buyer.email, userId: buyer.id, data: common });
  if (creator && who === "both") {
    await queueEmail(db, {
      template: "refund_creator",
      to: creator.email,
      userId: creator.id,
      data: { ...common, shareReversedCents: refund.shareReversedCents },
    });
  }
}
