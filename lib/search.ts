import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "./db";
import { isoDate } from "./iso-date";
import { listKeys, recordClaims, recordKeys } from "./public-cache/keys";
import { splitHighlights, START_SEL, STOP_SEL, type SnippetSegment } from "./search-highlight";
import { applyCorrections, queryWords, rankCandidates, wordsToLookUp, type Candidate } from "./search-spelling";
import type { SearchInput, SearchType } from "./validation/search";
import { publicClaimSql, publicQuoteSql } from "./visibility";

/**
 * Search across public claims and quotes (lib/visibility.ts) and articles: PostgreSQL
 * full-text search (the generated `searchVector` columns, GIN-indexed) ranked by
 * ts_rank with ts_headline snippets. When that finds nothing, the query's
 * misspelt words are corrected to the nearest words readers can find
 * (correctSpelling: "safe havn" → "safe haven") and the results are for the
 * corrected query, which the page names ("Showing results for …") with a link
 * to search the words as typed (`verbatim`).
 */

/** A parsed search (lib/validation/search.ts); `verbatim` (default false) turns spelling correction off. */
export type SearchQuery = Omit<SearchInput, "verbatim"> & { verbatim?: boolean };

export const SEARCH_PER_PAGE = 20;
/** With type "all", each section shows its best few and links to the rest. */
export const SEARCH_PREVIEW = 5;
/**
 * Counting every match of a common word is slow and pointless: counts stop here,
 * and so does ranking. A query that matches more rows ranks the first
 * SEARCH_COUNT_CAP the index gives (ts_rank reads each match's tsvector: ranking
 * all 30,000 quotes that say "budget" took 1.3 s at 1M quotes, an article body
 * search 2.5 s; the first 1,000 take 60 and 20 ms). Pages stop at the cap too.
 */
export const SEARCH_COUNT_CAP = 1000;

export interface ClaimHit {
  slug: string;
  canonical: SnippetSegment[];
  speaker: string | null;
  verdict: string | null;
}

export interface QuoteHit {
  id: string;
  exact: SnippetSegment[];
  outlet: string;
  articleSlug: string;
  articleTitle: string;
  publishedAt: string | null;
  claimSlug: string | null;
}

export interface ArticleHit {
  slug: string;
  title: SnippetSegment[];
  snippet: SnippetSegment[];
  outlet: string;
  publishedAt: string | null;
}

export interface Section<T> {
  total: number;
  /** True when `total` stopped at SEARCH_COUNT_CAP. */
  capped: boolean;
  hits: T[];
}

export interface SearchResults {
  /** The query as typed (white space folded). */
  q: string;
  type: SearchType;
  page: number;
  perPage: number;
  /**
   * When `q` found nothing: `q` with its misspelt words corrected, and these are its results
   * (null when the results are for `q` as typed, or when nothing was found either way).
   */
  correctedQ: string | null;
  claims: Section<ClaimHit> | null;
  quotes: Section<QuoteHit> | null;
  articles: Section<ArticleHit> | null;
}

const SHORT_HEADLINE = `StartSel=${START_SEL}, StopSel=${STOP_SEL}, HighlightAll=true`;
const BODY_HEADLINE = `StartSel=${START_SEL}, StopSel=${STOP_SEL}, MaxWords=32, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** How many rows `matches` (a SELECT) gives, counted no further than SEARCH_COUNT_CAP. */
async function cappedCount(matches: Prisma.Sql): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (${matches} LIMIT ${SEARCH_COUNT_CAP}) x`;
  return Number(rows[0]?.n ?? 0);
}

const section = <T>(total: number, hits: T[]): Section<T> => ({ total, capped: total >= SEARCH_COUNT_CAP, hits });

/**
 * A section from its page's rows, each carrying `total` (the capped count of the matches, a window
 * count taken in the same query: the matching rows are read once, not once more to count them).
 * A page past the last has no row to carry it: then the matches are counted apart.
 */
async function sectionOf<R extends { total: bigint }, T>(rows: R[], offset: number, matches: Prisma.Sql, hit: (row: R) => T): Promise<Section<T>> {
  const total = rows.length > 0 ? Number(rows[0].total) : offset > 0 ? await cappedCount(matches) : 0;
  return section(total, rows.map(hit));
}

interface Window {
  limit: number;
  offset: number;
}

// ---- Full text ----

async function claimsFullText(q: string, { limit, offset }: Window): Promise<Section<ClaimHit>> {
  const rows = await prisma.$queryRaw<{ slug: string; snippet: string; speaker: string | null; verdict: string | null; total: bigint }[]>`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
      matches AS (
        SELECT c.id, c.slug, c.canonical, c."speakerId", c."publishedAt", c."searchVector"
        FROM "Claim" c CROSS JOIN query
        WHERE ${publicClaimSql("c")} AND c."searchVector" @@ query.tsq
        LIMIT ${SEARCH_COUNT_CAP}),
      ranked AS (
        SELECT matches.*, ts_rank(matches."searchVector", query.tsq) AS rank, count(*) OVER () AS total FROM matches CROSS JOIN query
        ORDER BY rank DESC, matches."publishedAt" DESC NULLS LAST, matches.id
        LIMIT ${limit} OFFSET ${offset})
      SELECT ranked.slug, ts_headline('english', ranked.canonical, query.tsq, ${SHORT_HEADLINE}) AS snippet,
             s.name AS speaker, v.name AS verdict, ranked.total
      FROM ranked CROSS JOIN query
      LEFT JOIN "Speaker" s ON s.id = ranked."speakerId"
      LEFT JOIN "Rating" r ON r."claimId" = ranked.id
      LEFT JOIN "VerdictLabel" v ON v.id = r."verdictLabelId"
      ORDER BY ranked.rank DESC, ranked."publishedAt" DESC NULLS LAST, ranked.id`;
  const matches = Prisma.sql`SELECT 1 FROM "Claim" c WHERE ${publicClaimSql("c")} AND c."searchVector" @@ websearch_to_tsquery('english', ${q})`;
  return sectionOf(rows, offset, matches, (r) => ({ slug: r.slug, canonical: splitHighlights(r.snippet), speaker: r.speaker, verdict: r.verdict }));
}

type QuoteRow = {
  id: string;
  text: string;
  outlet: string;
  article_slug: string;
  article_title: string;
  published_at: Date | null;
  claim_slug: string | null;
};

const quoteHit = (r: QuoteRow): QuoteHit => ({
  id: r.id,
  exact: splitHighlights(r.text),
  outlet: r.outlet,
  articleSlug: r.article_slug,
  articleTitle: r.article_title,
  publishedAt: isoDate(r.published_at),
  claimSlug: r.claim_slug,
});

async function quotesFullText(q: string, { limit, offset }: Window): Promise<Section<QuoteHit>> {
  const rows = await prisma.$queryRaw<(QuoteRow & { total: bigint })[]>`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
      matches AS (
        SELECT qu.id, qu.exact, qu."articleId", qu."claimId", qu."searchVector"
        FROM "Quote" qu CROSS JOIN query
        WHERE ${publicQuoteSql("qu")} AND qu."searchVector" @@ query.tsq
        LIMIT ${SEARCH_COUNT_CAP}),
      ranked AS (
        SELECT matches.id, matches.exact, matches."articleId", matches."claimId", ts_rank(matches."searchVector", query.tsq) AS rank, count(*) OVER () AS total
        FROM matches CROSS JOIN query
        ORDER BY rank DESC, matches.id
        LIMIT ${limit} OFFSET ${offset})
      SELECT ranked.id, ts_headline('english', ranked.exact, query.tsq, ${SHORT_HEADLINE}) AS text,
             o.name AS outlet, a.slug AS article_slug, a.title AS article_title, a."publishedAt" AS published_at,
             CASE WHEN ${publicClaimSql("c")} THEN c.slug END AS claim_slug, ranked.total
      FROM ranked CROSS JOIN query
      JOIN "Article" a ON a.id = ranked."articleId"
      JOIN "Outlet" o ON o.id = a."outletId"
      LEFT JOIN "Claim" c ON c.id = ranked."claimId"
      ORDER BY ranked.rank DESC, ranked.id`;
  const matches = Prisma.sql`SELECT 1 FROM "Quote" qu WHERE ${publicQuoteSql("qu")} AND qu."searchVector" @@ websearch_to_tsquery('english', ${q})`;
  return sectionOf(rows, offset, matches, quoteHit);
}

type ArticleRow = { slug: string; title: string; snippet: string | null; outlet: string; published_at: Date | null };

const articleHit = (r: ArticleRow): ArticleHit => ({
  slug: r.slug,
  title: splitHighlights(r.title),
  snippet: r.snippet ? splitHighlights(r.snippet) : [],
  outlet: r.outlet,
  publishedAt: isoDate(r.published_at),
});

async function articlesFullText(q: string, { limit, offset }: Window): Promise<Section<ArticleHit>> {
  // Rank first, then ts_headline only the page's rows: headlines over whole bodies are the costly part.
  const rows = await prisma.$queryRaw<(ArticleRow & { total: bigint })[]>`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
      matches AS (
        SELECT a.id, a."publishedAt", a."searchVector"
        FROM "Article" a CROSS JOIN query
        WHERE a."searchVector" @@ query.tsq
        LIMIT ${SEARCH_COUNT_CAP}),
      ranked AS (
        SELECT matches.id, ts_rank(matches."searchVector", query.tsq) AS rank, count(*) OVER () AS total
        FROM matches CROSS JOIN query
        ORDER BY rank DESC, matches."publishedAt" DESC NULLS LAST, matches.id
        LIMIT ${limit} OFFSET ${offset})
      SELECT a.slug, ts_headline('english', a.title, query.tsq, ${SHORT_HEADLINE}) AS title,
             ts_headline('english', a.body, query.tsq, ${BODY_HEADLINE}) AS snippet,
             o.name AS outlet, a."publishedAt" AS published_at, ranked.total
      FROM ranked CROSS JOIN query
      JOIN "Article" a ON a.id = ranked.id
      JOIN "Outlet" o ON o.id = a."outletId"
      ORDER BY ranked.rank DESC, a."publishedAt" DESC NULLS LAST, a.id`;
  const matches = Prisma.sql`SELECT 1 FROM "Article" a WHERE a."searchVector" @@ websearch_to_tsquery('english', ${q})`;
  return sectionOf(rows, offset, matches, articleHit);
}

// ---- Spelling (misspelt words corrected against the words on file) ----

/** Nearest words (by trigram distance) fetched for each word of the query. */
const SPELLING_CANDIDATES = 12;
/** Of those, the best few (lib/search-spelling.ts) are checked for a public record that has them. */
const SPELLING_CHECKED = 3;
/** A word counts as public when one of the first this many records its stem finds has it whole. */
const PUBLIC_WORD_SCAN = 50;

/**
 * The words of `words` that a reader may see: in a public claim's wording or summary, or in an
 * article's title or text (every article is public; a quote's words are its article's). The
 * word list (SearchWord) holds drafts' words too, so nothing is offered that this does not pass:
 * a word only a draft has would tell readers what the draft says. The full-text index narrows
 * to the records with the word's stem; the word itself must then appear whole.
 */
async function publicWords(words: string[]): Promise<Set<string>> {
  if (words.length === 0) return new Set();
  const rows = await prisma.$queryRaw<{ w: string }[]>`
    SELECT w FROM unnest(${words}::text[]) AS w
    WHERE EXISTS (
        SELECT 1 FROM (
          SELECT c.canonical || ' ' || coalesce(c.summary, '') AS text FROM "Claim" c
          WHERE ${publicClaimSql("c")} AND c."searchVector" @@ plainto_tsquery('english', w)
          LIMIT ${PUBLIC_WORD_SCAN}) x
        WHERE lower(x.text) ~ ('(^|[^[:alnum:]])' || w || '($|[^[:alnum:]])'))
      OR EXISTS (
        SELECT 1 FROM (
          SELECT a.title || ' ' || a.body AS text FROM "Article" a
          WHERE a."searchVector" @@ plainto_tsquery('english', w)
          LIMIT ${PUBLIC_WORD_SCAN}) x
        WHERE lower(x.text) ~ ('(^|[^[:alnum:]])' || w || '($|[^[:alnum:]])'))`;
  return new Set(rows.map((r) => r.w));
}

/**
 * `q` with each word a reader cannot find replaced by the nearest word they can, or null when no
 * word needed or found a replacement. A word is kept when it is a stop word or public
 * (publicWords); otherwise its nearest words on file (the GiST trigram index of SearchWord,
 * PostgreSQL's "did you mean" recipe) are ranked by edits (lib/search-spelling.ts) and the best
 * public one replaces it. Two queries whatever the query's length (at most MAX_WORDS words);
 * query words are letters only, so they are safe inside the regular expressions above.
 */
export async function correctSpelling(q: string): Promise<string | null> {
  const words = queryWords(q);
  const typed = wordsToLookUp(words);
  if (typed.length === 0) return null;
  const rows = await prisma.$queryRaw<{ typed: string; typed_stop: boolean; word: string | null; stop: boolean | null; similarity: number | null }[]>`
    SELECT t.typed, length(to_tsvector('english', t.typed)) = 0 AS typed_stop,
           k.word, length(to_tsvector('english', k.word)) = 0 AS stop, similarity(k.word, t.typed) AS similarity
    FROM unnest(${typed}::text[]) AS t(typed)
    LEFT JOIN LATERAL (
      SELECT s.word FROM "SearchWord" s ORDER BY s.word <-> t.typed LIMIT ${SPELLING_CANDIDATES}) k ON true`;
  const candidates = new Map<string, Candidate[]>(typed.map((t) => [t, []]));
  const stops = new Set<string>();
  for (const r of rows) {
    if (r.typed_stop) stops.add(r.typed);
    if (r.word !== null && !r.stop) candidates.get(r.typed)!.push({ word: r.word, similarity: Number(r.similarity) });
  }
  const ranked = new Map(typed.map((t) => [t, rankCandidates(t, candidates.get(t)!).slice(0, SPELLING_CHECKED)]));
  const visible = await publicWords([...new Set([...typed.filter((t) => !stops.has(t)), ...[...ranked.values()].flat()])]);
  const corrections = new Map<string, string>();
  for (const t of typed) {
    if (stops.has(t) || visible.has(t)) continue;
    const replacement = ranked.get(t)!.find((c) => visible.has(c));
    if (replacement) corrections.set(t, replacement);
  }
  return corrections.size > 0 ? applyCorrections(q, words, corrections) : null;
}

async function fullTextSearch(q: string, type: SearchType, window: Window) {
  const wants = (t: SearchType) => type === "all" || type === t;
  const [claims, quotes, articles] = await Promise.all([
    wants("claims") ? claimsFullText(q, window) : null,
    wants("quotes") ? quotesFullText(q, window) : null,
    wants("articles") ? articlesFullText(q, window) : null,
  ]);
  return { claims, quotes, articles, found: [claims, quotes, articles].some((s) => s && s.total > 0) };
}

async function runSearch({ q, type, page, verbatim }: SearchQuery): Promise<SearchResults> {
  const perPage = type === "all" ? SEARCH_PREVIEW : SEARCH_PER_PAGE;
  const window = { limit: perPage, offset: type === "all" ? 0 : (page - 1) * perPage };
  let sections = await fullTextSearch(q, type, window);
  let correctedQ: string | null = null;
  if (!sections.found && !verbatim) {
    const corrected = await correctSpelling(q);
    const again = corrected ? await fullTextSearch(corrected, type, window) : null;
    if (again?.found) {
      sections = again;
      correctedQ = corrected;
    }
  }
  return {
    q,
    correctedQ,
    type,
    page: type === "all" ? 1 : page,
    perPage,
    claims: sections.claims,
    quotes: sections.quotes,
    articles: sections.articles,
  };
}

/**
 * A search, its query's white space folded. Its response is cached under the
 * `search` key, which every editorial write that changes text or visibility
 * purges: results never outlive a change.
 */
export async function search(input: SearchQuery): Promise<SearchResults> {
  recordKeys(listKeys.search);
  const results = await runSearch({ ...input, q: input.q.replace(/\s+/g, " ").trim() });
  // Claim hits show the claim's verdict and speaker: a rating edit purges the searches that show it.
  recordClaims((results.claims?.hits ?? []).map((c) => c.slug));
  return results;
}
