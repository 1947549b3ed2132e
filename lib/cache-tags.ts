/**
 * Cache tags shared by reader reads (which tag what they cache) and editor
 * writes (which invalidate by tag right after their transaction commits), so
 * that an editor's change is on the public page at the next request.
 *
 * What the reader side tags (lib/claims.ts, lib/search.ts, lib/outlets.ts,
 * lib/speakers.ts), so what a writer must expire (lib/editor-cache.ts
 * `invalidate(touched)` does it with updateTag, which expires at once):
 * - a claim page (and GET /api/claims/SLUG): `claim(slug)`, `articles`, and the
 *   `claim(slug)` of each of its counter-claims. A write to a claim, its quotes,
 *   tags, rating or annotations touches that claim's slug; a write that sets or
 *   clears `rebutsId` touches both claims; a merge touches both slugs.
 * - claim lists, facets and tag lists: `claims` (+ `articles`, `tags`).
 * - outlet and speaker pages: `outlets` / `speakers` + `claims` + `articles`.
 * - search results: `search` (expired by every editorial write).
 */
export const cacheTags = {
  claims: "claims",
  claim: (slug: string) => `claim:${slug}`,
  articles: "articles",
  article: (slug: string) => `article:${slug}`,
  outlets: "outlets",
  speakers: "speakers",
  tags: "tags",
  search: "search",
} as const;
