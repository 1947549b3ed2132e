/**
 * Cache tags shared by reader reads (which tag what they cache) and editor
 * writes (which invalidate by tag right after their transaction commits), so
 * that an editor's change is on the public page at the next request.
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
