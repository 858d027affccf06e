// GET /sitemaps/pages.xml and /sitemaps/listings-N.xml — the files named by /sitemap.xml
import { cachedCreatorSitemap, cachedListingSitemap, cachedSitemapChunks } from "@/lib/catalog/cache";
import { CATEGORIES } from "@/lib/catalog/categories";
import { urlsetXml, type SitemapUrl } from "@/lib/catalog/sitemap";
import { env } from "@/lib/env";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("sitemaps/[file]", async (_request: Request, { params }: { params: Promise<{ file: string }> }) => {
  const { file } = await params;
  let urls: SitemapUrl[];
  if (file === "pages.xml") {
    const now = new Date().toISOString().slice(0, 10);
    urls = [
      { path: "/", lastModified: now },
      { path: "/browse", lastModified: now },
      ...CATEGORIES.map((c) => ({ path: `/browse?category=${c.slug}`, lastModified: now })),
      ...(await cachedCreatorSitemap()),
    ];
  } else {
    const match = /^listings-(\d{1,4})\.xml$/.exec(file);
    const chunk = match ? Number(match[1]) : -1;
    if (chunk < 0 || chunk >= (await cachedSitemapChunks())) return new Response("Not found", { status: 404 });
    urls = await cachedListingSitemap(chunk);
  }
  return new Response(urlsetXml(env().appUrl, urls), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
});
