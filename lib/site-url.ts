/**
 * The public addresses of the site and its pages, as links in exports, feeds
 * and JSON-LD print them: SITE_URL (else BETTER_AUTH_URL, else
 * http://localhost:3000) without a trailing slash.
 */
export function siteUrl(): string {
  const url = process.env.SITE_URL ?? process.env.BETTER_AUTH_URL ?? "http://localhost:3000";
  return url.replace(/(?<!\/)\/+$/, "");
}

export const SITE_NAME = "Claimscope";

export const claimUrl = (slug: string, base = siteUrl()) => `${base}/claims/${encodeURIComponent(slug)}`;
export const articleUrl = (slug: string, base = siteUrl()) => `${base}/articles/${encodeURIComponent(slug)}`;
