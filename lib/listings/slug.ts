// Listing slugs: derived from the title, unique, shaped ^[a-z0-9]+(-[a-z0-9]+)*$ (a short suffix on collision).
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listings } from "@/db/schema";

const SLUG_BASE_MAX = 80;

/** "Café Prompts: 10× better!" → "cafe-prompts-10-better"; never empty. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_BASE_MAX)
    .replace(/-+$/g, "");
  return slug || "listing";
}

function suffix(): string {
  // 6 base-36 characters from random bytes: enough that a second collision is vanishingly rare.
  return BigInt(`0x${randomBytes(5).toString("hex")}`)
    .toString(36)
    .padStart(6, "0")
    .slice(-6);
}

/** A slug for `title` that no other listing uses (the unique index is the last word under concurrency). */
export async function uniqueSlug(db: Db, title: string, exceptListingId?: string): Promise<string> {
  const base = slugify(title);
  let candidate = base;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [taken] = await db
      .select({ id: listings.id })
      .from(listings)
      .where(and(eq(listings.slug, candidate), exceptListingId ? ne(listings.id, exceptListingId) : undefined))
      .limit(1);
    if (!taken) return candidate;
    candidate = `${base}-${suffix()}`;
  }
  return `${base}-${suffix()}${suffix()}`;
}
