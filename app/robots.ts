// GET /robots.txt — crawl everything public, not accounts, checkout or the API; point to the sitemap index.
import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", "/library", "/dashboard", "/admin", "/checkout", "/signin", "/signup", "/browse?*cursor="] }],
    sitemap: `${env().appUrl}/sitemap.xml`,
  };
}
