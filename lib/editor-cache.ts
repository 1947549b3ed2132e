import "server-only";
import { updateTag } from "next/cache";
import { cacheTags } from "./cache-tags";
import { purgePublicPages } from "./page-cache";

/**
 * What an editorial write changed, for cache invalidation after it commits.
 * Claim slugs include claims that stopped existing (merged away) so that their
 * public pages stop showing.
 */
export interface Touched {
  claims?: (string | null | undefined)[];
  articles?: (string | null | undefined)[];
  tags?: boolean;
}

/**
 * Expires the public cache entries an editor's change affects. Only callable from
 * a server action (updateTag is read-your-own-writes: the next request renders
 * fresh data instead of serving stale content).
 */
export function invalidate(touched: Touched): void {
  const tags = new Set<string>([cacheTags.search]);
  for (const slug of touched.claims ?? []) if (slug) tags.add(cacheTags.claim(slug));
  for (const slug of touched.articles ?? []) if (slug) tags.add(cacheTags.article(slug));
  if (touched.claims?.length) tags.add(cacheTags.claims);
  if (touched.articles?.length) tags.add(cacheTags.articles);
  if (touched.tags) tags.add(cacheTags.tags);
  for (const tag of tags) updateTag(tag);
  // The rendered pages in front of Next (server.ts) go too, on every app server.
  void purgePublicPages();
}
