import { streamText } from "@/lib/api/stream";
import { sitemapFile } from "@/lib/sitemap";

/** GET /sitemap/N.xml: file N of the sitemap index (lib/sitemap.ts); 404 for any other name. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^([1-9]\d{0,5})\.xml$/.exec((await params).file);
  const file = match ? await sitemapFile(Number(match[1])) : null;
  if (!file) return new Response("No such sitemap file.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return streamText(file, { "Content-Type": "application/xml; charset=utf-8" });
}

// Rendered per request from the database (the public cache in server.ts keeps the copy).
export const dynamic = "force-dynamic";
