import "server-only";
import { claimCoverage, type OutletCoverage } from "./claim-page-coverage";
import { framingQuoteSelect, framingRows, withCounterQuotes, type FramingRow } from "./claim-page-framing";
import { claimTimeline, type TimelineStep } from "./claim-page-timeline";
import { prisma } from "./db";
import { isoDate } from "./iso-date";
import { claimKey, recordArticles, recordClaims, recordKeys } from "./public-cache/keys";
import { publicQuoteCountsByClaim } from "./quote-counts";
import { prepareSourceText } from "./quote-fidelity";
import { isPlausibleSlug } from "./validation/text";
import { isPublicClaim, publicQuoteSql, publicQuoteWhere } from "./visibility";

/**
 * One public claim page: the claim, its source passage, its rating and corrections, and
 * a framing row per outlet's quote (fidelity against the source, the diff as printed,
 * where the quote stands in the article), its timeline and coverage. Only what
 * lib/visibility.ts makes public. The claim lists are in lib/claims.ts; the
 * matrix's rows are made in lib/claim-page-framing.ts, the timeline in
 * lib/claim-page-timeline.ts, the coverage table in lib/claim-page-coverage.ts.
 */

export interface ClaimDetail {
  id: string;
  slug: string;
  canonical: string;
  summary: string | null;
  publishedAt: string | null;
  updatedAt: string;
  speaker: { name: string; slug: string; kind: string; title: string | null } | null;
  source: {
    title: string;
    slug: string;
    url: string | null;
    publishedAt: string | null;
    /** The passage stating the claim, with a little context either side. */
    passage: { before: string; text: string; after: string } | null;
  } | null;
  rating: {
    verdict: { name: string; slug: string; ratingValue: number | null; description: string | null };
    verdictExplanation: string;
    fidelityRating: number;
    fidelityExplanation: string;
    framingRating: number;
    framingExplanation: string;
    reviewer: string | null;
    publishedAt: string | null;
  } | null;
  tags: { name: string; slug: string; colour: string; kind: string }[];
  /**
   * The only words the page puts in quotation marks: the source passage, or
   * else a quote measured verbatim against the source. The editor's wording
   * (`canonical`, `summary`) is a summary and never quoted. null when neither.
   */
  quotedWords: { text: string; from: "source" | "quote"; by: string } | null;
  /** Published corrections of the verdict or ratings, newest first: "Updated on DATE: NOTE". */
  corrections: { date: string; note: string }[];
  rebuts: { slug: string; canonical: string } | null;
  rebuttals: { slug: string; canonical: string; speaker: string | null }[];
  /** Every counter-claim, published or not: the matrix shows whether articles carry it. */
  counterClaims: { id: string; slug: string; canonical: string; published: boolean }[];
  rows: FramingRow[];
  timeline: TimelineStep[];
  /** Every outlet's public quotes of the claim, by fidelity: all quotes, not only this page's. */
  coverage: OutletCoverage[];
  /** How many public quotes the claim has; `rows` and `timeline` show page `page` of `pageCount` (CLAIM_QUOTES_PER_PAGE each). */
  quoteCount: number;
  page: number;
  pageCount: number;
}

/**
 * Quotes per claim page, oldest article first. A claim quoted tens of thousands of
 * times (21,948 in the 1M-quote benchmark: a 23 MB page that took 58 s) is paged;
 * its counts and coverage come from SQL aggregates over every quote.
 */
export const CLAIM_QUOTES_PER_PAGE = 200;

const CONTEXT = 160;

/** The ids of page `page` of a claim's public quotes, in the page's order (oldest article first, then reading order). */
async function quotePageIds(claimId: string, page: number, perPage: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT q.id FROM "Quote" q JOIN "Article" a ON a.id = q."articleId"
    WHERE q."claimId" = ${claimId} AND ${publicQuoteSql("q")}
    ORDER BY coalesce(a."publishedAt", a."createdAt"), q."articleId", q.start, q.id
    LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`;
  return rows.map((r) => r.id);
}

async function loadClaim(slug: string, requestedPage: number, perPage: number): Promise<ClaimDetail | null> {
  const head = await prisma.claim.findUnique({ where: { slug }, select: { id: true, status: true } });
  if (!head || !isPublicClaim(head)) return null;
  // Not a relation `_count` in the select above: that counts every claim's quotes (lib/quote-counts.ts;
  // 50–190 ms a page at 1M quotes).
  const quoteCount = (await publicQuoteCountsByClaim([head.id])).get(head.id)!;
  const pageCount = Math.max(1, Math.ceil(quoteCount / perPage));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount);
  const paged = quoteCount > perPage;
  const pageIds = paged ? await quotePageIds(head.id, page, perPage) : null;
  const claim = await prisma.claim.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      canonical: true,
      summary: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      sourceStart: true,
      sourceEnd: true,
      speaker: { select: { name: true, slug: true, kind: true, title: true } },
      sourceDocument: { select: { title: true, slug: true, url: true, publishedAt: true, text: true } },
      rebuts: { select: { slug: true, canonical: true, status: true } },
      rebuttals: { select: { id: true, slug: true, canonical: true, status: true, speaker: { select: { name: true } } } },
      rating: {
        select: {
          verdictExplanation: true,
          fidelityRating: true,
          fidelityExplanation: true,
          framingRating: true,
          framingExplanation: true,
          publishedAt: true,
          reviewer: { select: { name: true } },
          verdictLabel: { select: { name: true, slug: true, ratingValue: true, description: true } },
        },
      },
      tags: { select: { tag: { select: { name: true, slug: true, colour: true, kind: true } } }, orderBy: { tag: { name: "asc" } } },
      corrections: { orderBy: { createdAt: "desc" }, select: { createdAt: true, note: true } },
      quotes: { where: pageIds ? { ...publicQuoteWhere, id: { in: pageIds } } : publicQuoteWhere, select: framingQuoteSelect },
    },
  });
  if (!claim || !isPublicClaim(claim)) return null;

  const doc = claim.sourceDocument;
  const hasPassage = doc?.text != null && claim.sourceStart != null && claim.sourceEnd != null && claim.sourceStart < claim.sourceEnd && claim.sourceEnd <= doc.text.length;
  const passage = hasPassage
    ? {
        before: doc!.text!.slice(Math.max(0, claim.sourceStart! - CONTEXT), claim.sourceStart!),
        text: doc!.text!.slice(claim.sourceStart!, claim.sourceEnd!),
        after: doc!.text!.slice(claim.sourceEnd!, claim.sourceEnd! + CONTEXT),
      }
    : null;
  const rows = framingRows(claim.quotes, prepareSourceText(doc?.text));
  const timeline = claimTimeline(
    passage && doc && page === 1 ? { publishedAt: isoDate(doc.publishedAt), by: claim.speaker?.name ?? "Source", href: doc.url, title: doc.title, passage: passage.text } : null,
    rows,
  );

  const verbatim = rows.find((r) => r.fidelity === "verbatim" && r.kind === "statement");
  const quotedWords: ClaimDetail["quotedWords"] = passage
    ? { text: passage.text, from: "source", by: claim.speaker?.name ?? doc!.title }
    : verbatim
      ? { text: verbatim.exact, from: "quote", by: verbatim.outlet.name }
      : null;

  const coverage = await claimCoverage(claim.id, rows, paged);

  return {
    id: claim.id,
    slug: claim.slug,
    canonical: claim.canonical,
    summary: claim.summary,
    publishedAt: isoDate(claim.publishedAt),
    updatedAt: claim.updatedAt.toISOString(),
    speaker: claim.speaker,
    source: doc ? { title: doc.title, slug: doc.slug, url: doc.url, publishedAt: isoDate(doc.publishedAt), passage } : null,
    rating: claim.rating
      ? {
          verdict: claim.rating.verdictLabel,
          verdictExplanation: claim.rating.verdictExplanation,
          fidelityRating: claim.rating.fidelityRating,
          fidelityExplanation: claim.rating.fidelityExplanation,
          framingRating: claim.rating.framingRating,
          framingExplanation: claim.rating.framingExplanation,
          reviewer: claim.rating.reviewer?.name ?? null,
          publishedAt: isoDate(claim.rating.publishedAt),
        }
      : null,
    tags: claim.tags.map((t) => t.tag),
    quotedWords,
    corrections: claim.corrections.map((c) => ({ date: c.createdAt.toISOString(), note: c.note })),
    rebuts: claim.rebuts && isPublicClaim(claim.rebuts) ? { slug: claim.rebuts.slug, canonical: claim.rebuts.canonical } : null,
    counterClaims: claim.rebuttals.map((r) => ({ id: r.id, slug: r.slug, canonical: r.canonical, published: isPublicClaim(r) })),
    rebuttals: claim.rebuttals.filter(isPublicClaim).map((r) => ({ slug: r.slug, canonical: r.canonical, speaker: r.speaker?.name ?? null })),
    rows,
    timeline,
    coverage,
    quoteCount,
    page,
    pageCount,
  };
}

/**
 * A published claim with everything its public page shows, or null (missing or
 * not published). Records the claim's key (also when it is not public: its
 * publication purges the not-found page), the keys of the claims it links
 * (counter-claims, the claim it answers) and of the articles it shows. `page`:
 * which CLAIM_QUOTES_PER_PAGE quotes the framing matrix and timeline show (from 1; clamped).
 */
export async function getPublishedClaim(slug: string, page = 1): Promise<ClaimDetail | null> {
  // A URL can carry anything; a NUL or a broken surrogate is no slug, and PostgreSQL refuses it.
  if (!isPlausibleSlug(slug)) return null;
  recordKeys(claimKey(slug));
  const claim = await loadPublishedClaim(slug, page);
  if (claim) {
    recordClaims([...claim.counterClaims.map((c) => c.slug), ...(claim.rebuts ? [claim.rebuts.slug] : []), ...claim.rebuttals.map((r) => r.slug)]);
    recordArticles(claim.rows.map((r) => r.article.slug));
  }
  return claim;
}

/** The same read without recording keys: for exports and tests (`perPage` is for tests; CLAIM_QUOTES_PER_PAGE otherwise). */
export async function loadPublishedClaim(slug: string, page = 1, perPage = CLAIM_QUOTES_PER_PAGE): Promise<ClaimDetail | null> {
  const claim = await loadClaim(slug, page, perPage);
  if (!claim || claim.counterClaims.length === 0) return claim;
  return { ...claim, rows: await withCounterQuotes(claim.rows, claim.counterClaims) };
}
