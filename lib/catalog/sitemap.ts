// Public URLs for search engines: published listings in fixed-size chunks, creators with something published.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { PUBLISHED } from "./filters";

export const SITEMAP_CHUNK = 20_000;

export type SitemapUrl = { path: string; lastModified: string };

export async function listingSitemapChunks(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from listings l where ${PUBLISHED}`);
  return Math.max(1, Math.ceil(Number(row?.n ?? 0) / SITEMAP_CHUNK));
}

/** The `chunk`-th slice of published listings, ordered by id so chunks are stable as listings come and go. */
export async function listingSitemap(db: Db, chunk: number): Promise<SitemapUrl[]> {
  return queryRows<SitemapUrl>(
    db,
    sql`select '/l/' || l.slug as path, to_char(l.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastModified"
        from listings l where ${PUBLISHED} order by l.id limit ${SITEMAP_CHUNK} offset ${chunk * SITEMAP_CHUNK}`,
  );
}

export async function creatorSitemap(db: Db): Promise<SitemapUrl[]> {
  return queryRows<SitemapUrl>(
    db,
    sql`select '/c/' || c.handle as path, to_char(max(l.updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastModified"
        from creator_profiles c join listings l on l.creator_id = c.user_id and ${PUBLISHED}
        group by c.handle order by c.handle limit 50000`,
  );
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function urlsetXml(base: string, urls: SitemapUrl[]): string {
  const body = urls.map((u) => `<url><loc>${escapeXml(base + u.path)}</loc><lastmod>${u.lastModified}</lastmod></url>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export function sitemapIndexXml(base: string, files: string[]): string {
  const body = files.map((f) => `<sitemap><loc>${escapeXml(`${base}/sitemaps/${f}`)}</loc></sitemap>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}
