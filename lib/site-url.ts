/**
 * The public address of the site and its pages, for canonical URLs, JSON-LD,
 * feeds, exports and CSV: `SITE_URL` when it is set (what production should
 * do; else `BETTER_AUTH_URL`, the address sign-in already needs), else the
 * scheme and host the current request came in on. Outside a request (scripts,
 * tests) with no setting: "http://localhost". Never a hard-coded port. No
 * trailing slash.
 */
export function configuredSiteUrl(): string | null {
  const url = (process.env.SITE_URL ?? process.env.BETTER_AUTH_URL)?.trim();
  return url ? url.replace(/(?<!\/)\/+$/, "") : null;
}

const HOST = /^[\w.-]+(?::\d{1,5})?$|^\[[\da-f:.]+\](?::\d{1,5})?$/i;

export async function siteUrl(): Promise<string> {
  const configured = configuredSiteUrl();
  if (configured) return configured;
  let host: string | null = null;
  let proto = "http";
  try {
    // Loaded here, not at the top: the pure modules that import this one (the
    // ClaimReview builder, its checker in tests) must load outside Next.
    const { headers } = await import("next/headers");
    const h = await headers();
    host = h.get("host");
    proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  } catch {
    // Not in a request.
  }
  return host && HOST.test(host) ? `${proto}://${host}` : "http://localhost";
}

export const SITE_NAME = "Claimscope";

/** Absolute addresses on the public site; `base` is `await siteUrl()`. */
export const claimUrl = (slug: string, base: string) => `${base}/claims/${encodeURIComponent(slug)}`;
export const articleUrl = (slug: string, base: string) => `${base}/articles/${encodeURIComponent(slug)}`;
