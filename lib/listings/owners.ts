// Owners of a listing (buyers with a paid or disputed order) and the one-statement fan-out that notifies them.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { queueNewVersionMails } from "@/lib/email/version-mails";
import { entitledOrder } from "@/lib/orders/entitlement";
import type { NotificationType } from "@/lib/notifications/notifications";

/**
 * Inserts one notification per owner with a single INSERT … SELECT, so a listing with many owners costs one
 * statement inside the approving transaction. Returns how many owners were notified.
 */
export async function notifyOwners(
  db: Db,
  listingId: string,
  n: { type: NotificationType; title: string; body?: string; link?: string; data?: Record<string, unknown> },
): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with inserted as (
          insert into notifications (user_id, type, title, body, link, data)
          select distinct o.buyer_id, ${n.type}, ${n.title}, ${n.body ?? ""}, ${n.link ?? null}, ${JSON.stringify(n.data ?? {})}::jsonb
          from orders o
          where o.listing_id = ${listingId} and ${entitledOrder("o")}
          returning 1
        )
        select count(*)::int as n from inserted`,
  );
  // New versions are mailed too (each owner may turn these mails off).
  if (n.type === "new_version" && typeof n.data?.versionId === "string") await queueNewVersionMails(db, listingId, n.data.versionId);
  return rows[0]?.n ?? 0;
}
