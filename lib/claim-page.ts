import "server-only";
import { paragraphIndexAt, paragraphRanges } from "./anchoring/segments";
import { prisma } from "./db";
import { isoDate } from "./iso-date";
import { claimKey, recordArticles, recordClaims, recordKeys } from "./public-cache/keys";
import { measureQuote, prepareSourceText } from "./quote-fidelity";
import { wordDiff, type DiffPart } from "./analysis/word-diff";
import { isPlausibleSlug } from "./validation/text";
import { isPublicClaim, publicQuoteSql, publicQuoteWhere } from "./visibility";

/**
 * One public claim page: the claim, its source passage, its rating and corrections, and
 * a framing row per outlet's quote (fidelity against the source, the diff as printed,
 * where the quote stands in the article), its timeline and coverage. Only what
 * lib/visibility.ts makes public. The claim lists are in lib/claims.ts.
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

export interface TimelineStep {
  key: string;
  /** "source": the claim where it was first made; "article": an outlet picking it up. */
  kind: "source" | "article";
  publishedAt: string | null;
  /** The outlet, or the source's speaker. */
  by: string;
  href: string | null;
  title: string;
  exact: string;
  /** The wording against the step before it, drawn as printed (one "equal" run for the source, or with nothing to compare). */
  diff: DiffPart[];
}

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
  coverage: { outlet: string; slug: string; quotes: number; verbatim: number; trimmed: number; altered: number; other: number }[];
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

function paragraphNumber(index: number | null, start: number, ranges: { start: number; end: number }[]): number | null {
  return index ?? paragraphIndexAt(ranges, start);
}

/** The ids of page `page` of a claim's public quotes, in the page's order (oldest article first, then reading order). */
async function quotePageIds(claimId: string, page: number, perPage: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT q.id FROM "Quote" q JOIN "Article" a ON a.id = q."articleId"
    WHERE q."claimId" = ${claimId} AND ${publicQuoteSql("q")}
    ORDER BY coalesce(a."publishedAt", a."createdAt"), q."articleId", q.start, q.id
    LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`;
  return rows.map((r) => r.id);
}

/** Coverage by outlet over every public quote of a claim, from the stored fidelity (lib/quote-fidelity.ts). */
async function coverageInSql(claimId: string): Promise<ClaimDetail["coverage"]> {
  const rows = await prisma.$queryRaw<{ outlet: string; slug: string; quotes: bigint; verbatim: bigint; trimmed: bigint; altered: bigint }[]>`
    SELECT o.name AS outlet, o.slug, count(*) AS quotes,
           count(*) FILTER (WHERE q.fidelity = 'verbatim') AS verbatim,
           count(*) FILTER (WHERE q.fidelity = 'trimmed') AS trimmed,
           count(*) FILTER (WHERE q.fidelity = 'altered') AS altered
    FROM "Quote" q JOIN "Article" a ON a.id = q."articleId" JOIN "Outlet" o ON o.id = a."outletId"
    WHERE q."claimId" = ${claimId} AND ${publicQuoteSql("q")}
    GROUP BY o.id, o.name, o.slug`;
  return rows.map((r) => {
    const [quotes, verbatim, trimmed, altered] = [r.quotes, r.verbatim, r.trimmed, r.altered].map(Number);
    return { outlet: r.outlet, slug: r.slug, quotes, verbatim, trimmed, altered, other: quotes - verbatim - trimmed - altered };
  });
}

async function loadClaim(slug: string, requestedPage: number, perPage: number): Promise<ClaimDetail | null> {
  const head = await prisma.claim.findUnique({ where: { slug }, select: { id: true, status: true, _count: { select: { quotes: { where: publicQuoteWhere } } } } });
  if (!head || !isPublicClaim(head)) return null;
  const quoteCount = head._count.quotes;
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
      quotes: {
        where: pageIds ? { ...publicQuoteWhere, id: { in: pageIds } } : publicQuoteWhere,
        select: {
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
        },
      },
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
  // Quotes are measured against the claim's source document, on the page as in
  // the stored statistics (lib/quote-fidelity.ts); with none on file they are
  // unchecked and drawn as printed, never diffed against the editor's wording.
  const sourceText = prepareSourceText(doc?.text);

  const paragraphsByArticle = new Map<string, { start: number; end: number }[]>();
  const rangesOf = (articleId: string, body: string) => {
    let ranges = paragraphsByArticle.get(articleId);
    if (!ranges) paragraphsByArticle.set(articleId, (ranges = paragraphRanges(body)));
    return ranges;
  };

  const rows: FramingRow[] = claim.quotes.map((q) => {
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

  // Oldest article first; within an article, headline then reading order.
  const when = (q: (typeof claim.quotes)[number]) => (q.article.publishedAt ?? q.article.createdAt).getTime();
  const ordered = [...claim.quotes].sort((a, b) => when(a) - when(b) || a.articleId.localeCompare(b.articleId) || a.start - b.start);
  const byQuote = new Map(rows.map((r) => [r.quoteId, r]));
  const position = new Map(ordered.map((q, i) => [q.id, i]));
  rows.sort((a, b) => position.get(a.quoteId)! - position.get(b.quoteId)!);
  // Each article's quotes, in reading order (a claim can have tens of thousands of quotes: no scans per quote).
  const byArticle = new Map<string, typeof ordered>();
  for (const q of ordered) {
    const list = byArticle.get(q.articleId);
    if (list) list.push(q);
    else byArticle.set(q.articleId, [q]);
  }

  // The timeline follows the wording from the source through each article that
  // picked it up, oldest first; an article is represented by its fullest statement.
  const timeline: TimelineStep[] = [];
  if (passage && doc && page === 1) {
    timeline.push({
      key: "source",
      kind: "source",
      publishedAt: isoDate(doc.publishedAt),
      by: claim.speaker?.name ?? "Source",
      href: doc.url,
      title: doc.title,
      exact: passage.text,
      diff: [{ op: "equal", text: passage.text }],
    });
  }
  let previous: string | null = page === 1 ? (passage?.text ?? null) : null;
  for (const sameArticle of byArticle.values()) {
    const statements = sameArticle.filter((o) => o.kind === "statement");
    const best = (statements.length ? statements : sameArticle).reduce((a, b) => (b.exact.length > a.exact.length ? b : a));
    const row = byQuote.get(best.id)!;
    timeline.push({
      key: best.id,
      kind: "article",
      publishedAt: row.article.publishedAt,
      by: row.outlet.name,
      href: `/articles/${row.article.slug}`,
      title: row.article.title,
      exact: best.exact,
      diff: previous === null ? [{ op: "equal", text: best.exact }] : wordDiff(previous, best.exact),
    });
    previous = best.exact;
  }

  const verbatim = rows.find((r) => r.fidelity === "verbatim" && r.kind === "statement");
  const quotedWords: ClaimDetail["quotedWords"] = passage
    ? { text: passage.text, from: "source", by: claim.speaker?.name ?? doc!.title }
    : verbatim
      ? { text: verbatim.exact, from: "quote", by: verbatim.outlet.name }
      : null;

  const coverage = new Map<string, ClaimDetail["coverage"][number]>();
  if (paged) {
    for (const entry of await coverageInSql(claim.id)) coverage.set(entry.slug, entry);
  } else {
    // Every quote is on the page: coverage as measured on it.
    for (const row of rows) {
      const entry = coverage.get(row.outlet.slug) ?? { outlet: row.outlet.name, slug: row.outlet.slug, quotes: 0, verbatim: 0, trimmed: 0, altered: 0, other: 0 };
      entry.quotes++;
      if (row.fidelity === "verbatim" || row.fidelity === "trimmed" || row.fidelity === "altered") entry[row.fidelity]++;
      else entry.other++;
      coverage.set(row.outlet.slug, entry);
    }
  }

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
    coverage: [...coverage.values()].sort((a, b) => b.quotes - a.quotes || a.outlet.localeCompare(b.outlet)),
    quoteCount,
    page,
    pageCount,
  };
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

function withCounters(claim: ClaimDetail, counters: Awaited<ReturnType<typeof loadCounterQuotes>>): ClaimDetail {
  // The first counter quote of each article (counters come in reading order).
  const firstCounter = new Map<string, (typeof counters)[number]>();
  for (const c of counters) if (!firstCounter.has(c.articleId)) firstCounter.set(c.articleId, c);
  return {
    ...claim,
    rows: claim.rows.map((row) => {
      const counter = firstCounter.get(row.articleId);
      if (!counter) return row;
      const counterClaim = claim.counterClaims.find((c) => c.id === counter.claimId);
      return {
        ...row,
        counter: {
          paragraph: counter.paragraph,
          inHeadline: counter.inHeadline,
          exact: counter.exact,
          claim: counterClaim?.published ? { slug: counterClaim.slug, canonical: counterClaim.canonical } : null,
        },
      };
    }),
  };
}

/** The same read without recording keys: for exports and tests (`perPage` is for tests; CLAIM_QUOTES_PER_PAGE otherwise). */
export async function loadPublishedClaim(slug: string, page = 1, perPage = CLAIM_QUOTES_PER_PAGE): Promise<ClaimDetail | null> {
  const claim = await loadClaim(slug, page, perPage);
  if (!claim || claim.counterClaims.length === 0) return claim;
  return withCounters(claim, await loadCounterQuotes(claim.counterClaims.map((c) => c.id), [...new Set(claim.rows.map((r) => r.articleId))]));
}
