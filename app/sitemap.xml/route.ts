import { streamText } from "@/lib/api/stream";
import { sitemapRoot } from "@/lib/sitemap";

/** GET /sitemap.xml: every public page with its lastmod, or an index of files past 50,000 URLs (lib/sitemap.ts). */
export async function GET() {
  return streamText(sitemapRoot(), { "Content-Type": "application/xml; charset=utf-8" });
}

// Rendered per request from the database (the public cache in server.ts keeps the copy).
export const dynamic = "force-dynamic";
