import "server-only";
import { prisma } from "./db";
import { isoDate } from "./iso-date";
import { listKeys, recordClaims, recordKeys } from "./public-cache/keys";
import { splitHighlights, START_SEL, STOP_SEL, type SnippetSegment } from "./search-highlight";
import type { SearchInput, SearchType } from "./validation/search";
import { publicClaimSql, publicQuoteSql } from "./visibility";

/**
 * Search across public claims and quotes (lib/visibility.ts) and articles: PostgreSQL
 * full-text search (the generated `searchVector` columns, GIN-indexed) ranked by
 * ts_rank with ts_headline snippets; when that finds nothing, a trigram match
 * (pg_trgm word similarity, GIN-indexed on claims and quotes) catches
 * misspellings such as "safe havn".
 */

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
  q: string;
  type: SearchType;
  page: number;
  perPage: number;
  /** True when full-text search found nothing and these are trigram (spelling-tolerant) matches. */
  fuzzy: boolean;
  claims: Section<ClaimHit> | null;
  quotes: Section<QuoteHit> | null;
  articles: Section<ArticleHit> | null;
}

const SHORT_HEADLINE = `StartSel=${START_SEL}, StopSel=${STOP_SEL}, HighlightAll=true`;
const BODY_HEADLINE = `StartSel=${START_SEL}, StopSel=${STOP_SEL}, MaxWords=32, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

const plain = (text: string): SnippetSegment[] => [{ text, mark: false }];
const count = (rows: { n: bigint | number }[]) => Number(rows[0]?.n ?? 0);
const section = <T>(total: number, hits: T[]): Section<T> => ({ total, capped: total >= SEARCH_COUNT_CAP, hits });

interface Window {
  limit: number;
  offset: number;
}

// ---- Full text ----

async function claimsFullText(q: string, { limit, offset }: Window): Promise<Section<ClaimHit>> {
  const [totalRows, rows] = await Promise.all([
    prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (
        SELECT 1 FROM "Claim" c
        WHERE ${publicClaimSql("c")} AND c."searchVector" @@ websearch_to_tsquery('english', ${q})
        LIMIT ${SEARCH_COUNT_CAP}) x`,
    prisma.$queryRaw<{ slug: string; snippet: string; speaker: string | null; verdict: string | null }[]>`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
      matches AS (
        SELECT c.id, c.slug, c.canonical, c."speakerId", c."publishedAt", c."searchVector"
        FROM "Claim" c CROSS JOIN query
        WHERE ${publicClaimSql("c")} AND c."searchVector" @@ query.tsq
        LIMIT ${SEARCH_COUNT_CAP}),
      ranked AS (
        SELECT matches.*, ts_rank(matches."searchVector", query.tsq) AS rank FROM matches CROSS JOIN query
        ORDER BY rank DESC, matches."publishedAt" DESC NULLS LAST, matches.id
        LIMIT ${limit} OFFSET ${offset})
      SELECT ranked.slug, ts_headline('english', ranked.canonical, query.tsq, ${SHORT_HEADLINE}) AS snippet,
             s.name AS speaker, v.name AS verdict
      FROM ranked CROSS JOIN query
      LEFT JOIN "Speaker" s ON s.id = ranked."speakerId"
      LEFT JOIN "Rating" r ON r."claimId" = ranked.id
      LEFT JOIN "VerdictLabel" v ON v.id = r."verdictLabelId"
      ORDER BY ranked.rank DESC, ranked."publishedAt" DESC NULLS LAST, ranked.id`,
  ]);
  return section(
    count(totalRows),
    rows.map((r) => ({ slug: r.slug, canonical: splitHighlights(r.snippet), speaker: r.speaker, verdict: r.verdict })),
  );
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

const quoteHit = (r: QuoteRow, highlighted: boolean): QuoteHit => ({
  id: r.id,
  exact: highlighted ? splitHighlights(r.text) : plain(r.text),
  outlet: r.outlet,
  articleSlug: r.article_slug,
  articleTitle: r.article_title,
  publishedAt: isoDate(r.published_at),
  claimSlug: r.claim_slug,
});

async function quotesFullText(q: string, { limit, offset }: Window): Promise<Section<QuoteHit>> {
  const [totalRows, rows] = await Promise.all([
    prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (
        SELECT 1 FROM "Quote" qu
        WHERE ${publicQuoteSql("qu")} AND qu."searchVector" @@ websearch_to_tsquery('english', ${q})
        LIMIT ${SEARCH_COUNT_CAP}) x`,
    prisma.$queryRaw<QuoteRow[]>`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
      matches AS (
        SELECT qu.id, qu.exact, qu."articleId", qu."claimId", qu."searchVector"
        FROM "Quote" qu CROSS JOIN query
        WHERE ${publicQuoteSql("qu")} AND qu."searchVector" @@ query.tsq
        LIMIT ${SEARCH_COUNT_CAP}),
      ranked AS (
        SELECT matches.id, matches.exact, matches."articleId", matches."claimId", ts_rank(matches."searchVector", query.tsq) AS rank
        FROM matches CROSS JOIN query
        ORDER BY rank DESC, matches.id
        LIMIT ${limit} OFFSET ${offset})
      SELECT ranked.id, ts_headline('english', ranked.exact, query.tsq, ${SHORT_HEADLINE}) AS text,
             o.name AS outlet, a.slug AS article_slug, a.title AS article_title, a."publishedAt" AS published_at,
             CASE WHEN ${publicClaimSql("c")} THEN c.slug END AS claim_slug
      FROM ranked CROSS JOIN query
      JOIN "Article" a ON a.id = ranked."articleId"
      JOIN "Outlet" o ON o.id = a."outletId"
      LEFT JOIN "Claim" c ON c.id = ranked."claimId"
      ORDER BY ranked.rank DESC, ranked.id`,
  ]);
  return section(
    count(totalRows),
    rows.map((r) => quoteHit(r, true)),
  );
}

type ArticleRow = { slug: string; title: string; snippet: string | null; outlet: string; published_at: Date | null };

const articleHit = (r: ArticleRow, highlighted: boolean): ArticleHit => ({
  slug: r.slug,
  title: highlighted ? splitHighlights(r.title) : plain(r.title),
  snippet: r.snippet ? (highlighted ? splitHighlights(r.snippet) : plain(r.snippet)) : [],
  outlet: r.outlet,
  publishedAt: isoDate(r.published_at),
});

async function articlesFullText(q: string, { limit, offset }: Window): Promise<Section<ArticleHit>> {
  // Rank first, then ts_headline only the page's rows: headlines over whole bodies are the costly part.
  const [totalRows, rows] = await Promise.all([
    prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (
        SELECT 1 FROM "Article" a WHERE a."searchVector" @@ websearch_to_tsquery('english', ${q})
        LIMIT ${SEARCH_COUNT_CAP}) x`,
    prisma.$queryRaw<ArticleRow[]>`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
      matches AS (
        SELECT a.id, a."publishedAt", a."searchVector"
        FROM "Article" a CROSS JOIN query
        WHERE a."searchVector" @@ query.tsq
        LIMIT ${SEARCH_COUNT_CAP}),
      ranked AS (
        SELECT matches.id, ts_rank(matches."searchVector", query.tsq) AS rank
        FROM matches CROSS JOIN query
        ORDER BY rank DESC, matches."publishedAt" DESC NULLS LAST, matches.id
        LIMIT ${limit} OFFSET ${offset})
      SELECT a.slug, ts_headline('english', a.title, query.tsq, ${SHORT_HEADLINE}) AS title,
             ts_headline('english', a.body, query.tsq, ${BODY_HEADLINE}) AS snippet,
             o.name AS outlet, a."publishedAt" AS published_at
      FROM ranked CROSS JOIN query
      JOIN "Article" a ON a.id = ranked.id
      JOIN "Outlet" o ON o.id = a."outletId"
      ORDER BY ranked.rank DESC, a."publishedAt" DESC NULLS LAST, a.id`,
  ]);
  return section(
    count(totalRows),
    rows.map((r) => articleHit(r, true)),
  );
}

// ---- Trigram fallback (misspellings) ----

async function claimsFuzzy(q: string, { limit, offset }: Window): Promise<Section<ClaimHit>> {
  const rows = await prisma.$queryRaw<{ slug: string; canonical: string; speaker: string | null; verdict: string | null }[]>`
    SELECT c.slug, c.canonical, s.name AS speaker, v.name AS verdict
    FROM "Claim" c
    LEFT JOIN "Speaker" s ON s.id = c."speakerId"
    LEFT JOIN "Rating" r ON r."claimId" = c.id
    LEFT JOIN "VerdictLabel" v ON v.id = r."verdictLabelId"
    WHERE ${publicClaimSql("c")} AND ${q} <% c.canonical
    ORDER BY word_similarity(${q}, c.canonical) DESC, c.id
    LIMIT ${limit + 1} OFFSET ${offset}`;
  return section(
    offset + rows.length,
    rows.slice(0, limit).map((r) => ({ slug: r.slug, canonical: plain(r.canonical), speaker: r.speaker, verdict: r.verdict })),
  );
}

async function quotesFuzzy(q: string, { limit, offset }: Window): Promise<Section<QuoteHit>> {
  const rows = await prisma.$queryRaw<QuoteRow[]>`
    SELECT qu.id, qu.exact AS text, o.name AS outlet, a.slug AS article_slug, a.title AS article_title,
           a."publishedAt" AS published_at, CASE WHEN ${publicClaimSql("c")} THEN c.slug END AS claim_slug
    FROM "Quote" qu
    JOIN "Article" a ON a.id = qu."articleId"
    JOIN "Outlet" o ON o.id = a."outletId"
    LEFT JOIN "Claim" c ON c.id = qu."claimId"
    WHERE ${publicQuoteSql("qu")} AND ${q} <% qu.exact
    ORDER BY word_similarity(${q}, qu.exact) DESC, qu.id
    LIMIT ${limit + 1} OFFSET ${offset}`;
  return section(
    offset + rows.length,
    rows.slice(0, limit).map((r) => quoteHit(r, false)),
  );
}

async function articlesFuzzy(q: string, { limit, offset }: Window): Promise<Section<ArticleHit>> {
  const rows = await prisma.$queryRaw<ArticleRow[]>`
    SELECT a.slug, a.title, NULL AS snippet, o.name AS outlet, a."publishedAt" AS published_at
    FROM "Article" a JOIN "Outlet" o ON o.id = a."outletId"
    WHERE ${q} <% a.title
    ORDER BY word_similarity(${q}, a.title) DESC, a.id
    LIMIT ${limit + 1} OFFSET ${offset}`;
  return section(
    offset + rows.length,
    rows.slice(0, limit).map((r) => articleHit(r, false)),
  );
}

async function runSearch({ q, type, page }: SearchInput): Promise<SearchResults> {
  const perPage = type === "all" ? SEARCH_PREVIEW : SEARCH_PER_PAGE;
  const window = { limit: perPage, offset: type === "all" ? 0 : (page - 1) * perPage };
  const wants = (t: SearchType) => type === "all" || type === t;
  const fullText = await Promise.all([
    wants("claims") ? claimsFullText(q, window) : null,
    wants("quotes") ? quotesFullText(q, window) : null,
    wants("articles") ? articlesFullText(q, window) : null,
  ]);
  const found = fullText.some((s) => s && s.total > 0);
  const [claims, quotes, articles] = found
    ? fullText
    : await Promise.all([
        wants("claims") ? claimsFuzzy(q, window) : null,
        wants("quotes") ? quotesFuzzy(q, window) : null,
        wants("articles") ? articlesFuzzy(q, window) : null,
      ]);
  return {
    q,
    type,
    page: type === "all" ? 1 : page,
    perPage,
    fuzzy: !found,
    claims: claims as Section<ClaimHit> | null,
    quotes: quotes as Section<QuoteHit> | null,
    articles: articles as Section<ArticleHit> | null,
  };
}

/**
 * A search, its query's white space folded. Its response is cached under the
 * `search` key, which every editorial write that changes text or visibility
 * purges: results never outlive a change.
 */
export async function search(input: SearchInput): Promise<SearchResults> {
  recordKeys(listKeys.search);
  const results = await runSearch({ ...input, q: input.q.replace(/\s+/g, " ").trim() });
  // Claim hits show the claim's verdict and speaker: a rating edit purges the searches that show it.
  recordClaims((results.claims?.hits ?? []).map((c) => c.slug));
  return results;
}
