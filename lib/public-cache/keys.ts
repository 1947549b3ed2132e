/**
 * Surrogate keys: the names of the records a public response shows. Reader reads
 * (lib/claims.ts, lib/search.ts, …) record the keys of what they return while a
 * response renders; the cache stores the response under them and sends them to
 * a CDN (`Surrogate-Key`, `Cache-Tag`); an editorial write purges exactly the
 * keys of what it changed (`keysTouchedBy`), so readers of other records keep
 * their cache hits.
 *
 * The vocabulary (every key is a header-safe token: slugs are [a-z0-9-]):
 * - `claim:SLUG`   one claim: its page and API item, and every list, search or
 *                  other claim's page that shows it.
 * - `article:SLUG` one article: its page, and claim pages quoting it.
 * - `claims`       which claims are public and their order (every claim list,
 *                  facet and count); purged by writes that change membership,
 *                  order or counts (publish, unpublish, a public quote, a merge).
 * - `claim-rows`   a page showing more claims than it names (MAX_NAMED_PER_KIND):
 *                  every write that names a claim purges it.
 * - `articles`     article lists (membership, order, counts).
 * - `article-rows` a page showing more articles than it names.
 * - `quotes`       quote lists and counts (the quotes API, outlet and speaker
 *                  figures).
 * - `ratings`      which verdict each claim has, where a page filters, counts or
 *                  orders by it (the verdict filter and facet, the reviews feed).
 * - `tags`, `outlets`, `speakers`  those directories.
 * - `search`       every search result (any text or visibility change).
 *
 * Plain module (no `server-only`): server.ts, outside Next's bundle, imports it
 * too; the collector lives on globalThis so that both copies share it.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export const listKeys = {
  claims: "claims",
  articles: "articles",
  quotes: "quotes",
  tags: "tags",
  outlets: "outlets",
  speakers: "speakers",
  search: "search",
  ratings: "ratings",
  claimRows: "claim-rows",
  articleRows: "article-rows",
} as const;

export const claimKey = (slug: string) => `claim:${slug}`;
export const articleKey = (slug: string) => `article:${slug}`;

/** A page naming more records than this names their kind instead (headers stay small). */
export const MAX_NAMED_PER_KIND = 100;

const SLOT = Symbol.for("claimscope.publicCache.keys");
const g = globalThis as unknown as Record<symbol, AsyncLocalStorage<Set<string>> | undefined>;

/** The collector of the response being rendered (server.ts runs Next inside it). */
export function keyCollector(): AsyncLocalStorage<Set<string>> {
  return (g[SLOT] ??= new AsyncLocalStorage<Set<string>>());
}

/** Called by reader reads: the response being rendered shows these records. No-op outside a cached response. */
export function recordKeys(...keys: string[]): void {
  const set = keyCollector().getStore();
  if (set) for (const key of keys) set.add(key);
}

/** Records `claim:SLUG` for each slug, or `claim-rows` when there are too many to name. */
export function recordClaims(slugs: Iterable<string>): void {
  recordNamed(slugs, claimKey, listKeys.claimRows);
}

/** Records `article:SLUG` for each slug, or `article-rows` when there are too many to name. */
export function recordArticles(slugs: Iterable<string>): void {
  recordNamed(slugs, articleKey, listKeys.articleRows);
}

function recordNamed(slugs: Iterable<string>, name: (slug: string) => string, kind: string) {
  const unique = new Set(slugs);
  if (unique.size > MAX_NAMED_PER_KIND) recordKeys(kind);
  else recordKeys(...[...unique].map(name));
}

/**
 * What an editorial write changed, for the purge after it commits. Claim slugs
 * include claims that stopped existing (merged away) so that their public pages
 * stop showing; a rename lists the old slug and the new.
 */
export interface Touched {
  claims?: (string | null | undefined)[];
  articles?: (string | null | undefined)[];
  tags?: boolean;
  /** A speaker's or outlet's own fields changed (name, kind, title, domains): their directories and pages, and search. */
  speakers?: boolean;
  outlets?: boolean;
  /** The verdict labels changed (names, order, scale): the claim lists' verdict filter. */
  verdicts?: boolean;
  /**
   * How far the change shows beyond the records' own pages and the list rows
   * that name them (`claim:SLUG`, `article:SLUG`), when the write knows it is
   * less than everything:
   * - `"text"`: wording only (a claim's canonical text or summary): also searches;
   * - `"rating"`: the verdict or ratings only: also `ratings` (verdict filters,
   *   facets, the reviews feed);
   * - `"tags"`: which tags records carry, or a tag's name: also `tags` and searches.
   * Absent: membership, order or counts may have moved (publish, unpublish, a
   * new public quote, a merge, a speaker change), so every list, count,
   * directory and search showing such records is purged.
   */
  reach?: "text" | "rating" | "tags";
}

/** The keys a write purges: the records it changed, and the lists and figures that its `reach` moves. */
export function keysTouchedBy(touched: Touched): string[] {
  const keys = new Set<string>();
  const claims = (touched.claims ?? []).filter((s): s is string => Boolean(s));
  const articles = (touched.articles ?? []).filter((s): s is string => Boolean(s));
  for (const slug of claims) keys.add(claimKey(slug));
  for (const slug of articles) keys.add(articleKey(slug));
  if (claims.length) keys.add(listKeys.claimRows);
  if (articles.length) keys.add(listKeys.articleRows);
  if (touched.reach === "text") keys.add(listKeys.search);
  if (touched.reach === "rating") keys.add(listKeys.ratings);
  if ((claims.length || articles.length) && touched.reach === undefined) {
    // Membership, order and counts of lists and figures may have moved, and any text search.
    keys.add(listKeys.claims);
    keys.add(listKeys.quotes);
    keys.add(listKeys.search);
    keys.add(listKeys.outlets);
    keys.add(listKeys.speakers);
    keys.add(listKeys.ratings);
  }
  if (articles.length) keys.add(listKeys.articles);
  if (touched.verdicts) {
    keys.add(listKeys.claims);
    keys.add(listKeys.ratings);
  }
  if (touched.speakers) keys.add(listKeys.speakers);
  if (touched.outlets) keys.add(listKeys.outlets);
  if (touched.speakers || touched.outlets) keys.add(listKeys.search);
  if (touched.tags || touched.reach === "tags") {
    keys.add(listKeys.tags);
    keys.add(listKeys.search);
  }
  return [...keys];
}
