// GET /sitemap.xml — sitemap index: the pages file plus one file per chunk of published listings
import { cachedSitemapChunks } from "@/lib/catalog/cache";
import { sitemapIndexXml } from "@/lib/catalog/sitemap";
import { env } from "@/lib/env";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("sitemap.xml", async () => {
  const chunks = await cachedSitemapChunks();
  const files = ["pages.xml", ...Array.from({ length: chunks }, (_, i) => `listings-${i}.xml`)];
  return new Response(sitemapIndexXml(env().appUrl, files), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
});
