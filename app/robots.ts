import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/site-url";

/** /robots.txt: everything public may be crawled; the editor, sign-in and the JSON API may not (as before); the sitemap is named. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/editor", "/sign-in", "/api/"] },
    sitemap: `${await siteUrl()}/sitemap.xml`,
  };
}
export const dynamic = "force-dynamic";
