// A creator's public storefront: profile and totals over published listings (the grid itself is a catalog search).
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { creatorTotals, type CreatorTotals } from "./listing";

export type Storefront = {
  creatorId: string;
  handle: string;
  displayName: string;
  bio: string;
  avatarImageId: string | null;
  joinedAt: string;
  totals: CreatorTotals;
};

/** The storefront for a handle (case-insensitive), or null when there is no such creator. */
export async function storefrontByHandle(db: Db, handle: string): Promise<Storefront | null> {
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/i.test(handle)) return null;
  const [row] = await queryRows<Omit<Storefront, "totals">>(
    db,
    sql`select c.user_id as "creatorId", c.handle, c.display_name as "displayName", c.bio, c.avatar_image_id as "avatarImageId",
               to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "joinedAt"
        from creator_profiles c join users u on u.id = c.user_id
        where lower(c.handle) = ${handle.toLowerCase()} and u.status <> 'banned' limit 1`,
  );
  if (!row) return null;
  return { ...row, totals: await creatorTotals(db, row.creatorId) };
}
