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

/**
 * The origin a request names by its Host and X-Forwarded-Proto headers, as
 * siteUrl() takes it when no address is configured: "http://localhost" for a
 * missing or malformed host. The public cache keys pages by it then
 * (lib/public-cache/http.ts), since their links name it.
 */
export function requestOrigin(host: string | null | undefined, forwardedProto: string | null | undefined): string {
  const proto = forwardedProto?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return host && HOST.test(host) ? `${proto}://${host}` : "http://localhost";
}

export async function siteUrl(): Promise<string> {
  const configured = configuredSiteUrl();
  if (configured) return configured;
  try {
    // Loaded here, not at the top: the pure modules that import this one (the
    // ClaimReview builder, its checker in tests) must load outside Next.
    const { headers } = await import("next/headers");
    const h = await headers();
    return requestOrigin(h.get("host"), h.get("x-forwarded-proto"));
  } catch {
    return "http://localhost"; // not in a request
  }
}

export const SITE_NAME = "Claimscope";

/** Absolute addresses on the public site; `base` is `await siteUrl()`. */
export const claimUrl = (slug: string, base: string) => `${base}/claims/${encodeURIComponent(slug)}`;
export const articleUrl = (slug: string, base: string) => `${base}/articles/${encodeURIComponent(slug)}`;
