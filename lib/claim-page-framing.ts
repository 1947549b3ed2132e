import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { paragraphIndexAt, paragraphRanges } from "./anchoring/segments";
import { prisma } from "./db";
import { isoDate } from "./iso-date";
import { measureQuote, type SourceText } from "./quote-fidelity";
import type { DiffPart } from "./analysis/word-diff";
import { publicQuoteWhere } from "./visibility";

/**
 * The framing matrix of a public claim page (lib/claim-page.ts): one row per
 * outlet's quote of the claim, measured against the claim's source, placed in
 * its article, and beside it the article's own quote of a counter-claim.
 */

export interface FramingRow {
  quoteId: string;
  exact: string;
  kind: string;
  verb: string | null;
  cue: string | null;
  inHeadline: boolean;
  /** 1-based paragraph number counting the headline as paragraph 0; null when unknown. */
  paragraph: number | null;
  paragraphCount: number;
  hedges: string[];
  /** Measured against the claim's source document; null = unchecked (none on file). */
  fidelity: "verbatim" | "trimmed" | "altered" | "not_found" | null;
  /** Source passage → outlet wording, drawn on the outlet's text as printed; one "equal" run when unchecked or not in the source. */
  diff: DiffPart[];
  framingTags: { name: string; slug: string; colour: string }[];
  speaker: string | null;
  /** The article's own quote of a counter-claim (e.g. the government's rejection), if any. */
  counter: { paragraph: number | null; inHeadline: boolean; exact: string; claim: { slug: string; canonical: string } | null } | null;
  articleId: string;
  article: { slug: string; title: string; url: string | null; publishedAt: string | null; byline: string | null };
  outlet: { name: string; slug: string };
}

/** What a framing row is made from: select this for each of the claim's public quotes. */
export const framingQuoteSelect = {
  id: true,
  articleId: true,
  exact: true,
  kind: true,
  start: true,
  verb: true,
  cue: true,
  inHeadline: true,
  paragraphIndex: true,
  hedges: true,
  speaker: { select: { name: true } },
  tags: { where: { tag: { kind: "framing" } }, select: { tag: { select: { name: true, slug: true, colour: true } } } },
  article: {
    select: {
      slug: true,
      title: true,
      url: true,
      byline: true,
      publishedAt: true,
      createdAt: true,
      body: true,
      outlet: { select: { name: true, slug: true } },
    },
  },
} satisfies Prisma.QuoteSelect;

export type FramingQuote = Prisma.QuoteGetPayload<{ select: typeof framingQuoteSelect }>;

function paragraphNumber(index: number | null, start: number, ranges: { start: number; end: number }[]): number | null {
  return index ?? paragraphIndexAt(ranges, start);
}

/**
 * One row per quote, oldest article first; within an article, headline then
 * reading order. Quotes are measured against the claim's source document, on
 * the page as in the stored statistics (lib/quote-fidelity.ts); with none on
 * file (`sourceText` null) they are unchecked and drawn as printed, never
 * diffed against the editor's wording. `counter` is null here (withCounterQuotes).
 */
export function framingRows(quotes: FramingQuote[], sourceText: SourceText | null): FramingRow[] {
  const when = (q: FramingQuote) => (q.article.publishedAt ?? q.article.createdAt).getTime();
  const ordered = [...quotes].sort((a, b) => when(a) - when(b) || a.articleId.localeCompare(b.articleId) || a.start - b.start);
  // Each article's paragraphs, split once (a claim can have tens of thousands of quotes).
  const paragraphsByArticle = new Map<string, { start: number; end: number }[]>();
  const rangesOf = (articleId: string, body: string) => {
    let ranges = paragraphsByArticle.get(articleId);
    if (!ranges) paragraphsByArticle.set(articleId, (ranges = paragraphRanges(body)));
    return ranges;
  };
  return ordered.map((q) => {
    const ranges = rangesOf(q.articleId, q.article.body);
    const measure = measureQuote(q.exact, sourceText, q.kind);
    return {
      quoteId: q.id,
      exact: q.exact,
      kind: q.kind,
      verb: q.verb,
      cue: q.cue,
      inHeadline: q.inHeadline,
      paragraph: paragraphNumber(q.paragraphIndex, q.start, ranges),
      paragraphCount: Math.max(0, ranges.length - 1),
      hedges: q.hedges,
      fidelity: measure.fidelity,
      diff: measure.diff,
      framingTags: q.tags.map((t) => t.tag),
      speaker: q.speaker?.name ?? null,
      counter: null,
      articleId: q.articleId,
      article: {
        slug: q.article.slug,
        title: q.article.title,
        url: q.article.url,
        publishedAt: isoDate(q.article.publishedAt),
        byline: q.article.byline,
      },
      outlet: q.article.outlet,
    };
  });
}

async function loadCounterQuotes(counterIds: string[], articleIds: string[]) {
  const quotes = await prisma.quote.findMany({
    where: { ...publicQuoteWhere, claimId: { in: counterIds }, articleId: { in: articleIds } },
    orderBy: { start: "asc" },
    select: { articleId: true, exact: true, start: true, paragraphIndex: true, inHeadline: true, claimId: true, article: { select: { body: true } } },
  });
  return quotes.map((q) => ({
    articleId: q.articleId,
    claimId: q.claimId,
    exact: q.exact,
    inHeadline: q.inHeadline,
    paragraph: paragraphNumber(q.paragraphIndex, q.start, paragraphRanges(q.article.body)),
  }));
}

/**
 * The rows with each article's first public quote of one of `counterClaims`
 * (in reading order) as its `counter`; the counter-claim is named only when it
 * is published.
 */
export async function withCounterQuotes(rows: FramingRow[], counterClaims: { id: string; slug: string; canonical: string; published: boolean }[]): Promise<FramingRow[]> {
  const counters = await loadCounterQuotes(
    counterClaims.map((c) => c.id),
    [...new Set(rows.map((r) => r.articleId))],
  );
  // The first counter quote of each article (counters come in reading order).
  const firstCounter = new Map<string, (typeof counters)[number]>();
  for (const c of counters) if (!firstCounter.has(c.articleId)) firstCounter.set(c.articleId, c);
  return rows.map((row) => {
    const counter = firstCounter.get(row.articleId);
    if (!counter) return row;
    const counterClaim = counterClaims.find((c) => c.id === counter.claimId);
    return {
      ...row,
      counter: {
        paragraph: counter.paragraph,
        inHeadline: counter.inHeadline,
        exact: counter.exact,
        claim: counterClaim?.published ? { slug: counterClaim.slug, canonical: counterClaim.canonical } : null,
      },
    };
  });
}
