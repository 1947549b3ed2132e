import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { availableParallelism } from "node:os";
import { createSpeakerRegistry, type SpeakerEntry } from "./analysis/speakers";
import { indexLinkedQuotes, loadAnalysisContext, loadAnalysisInputs, speakerEntry, speakerKeyFor, type AnalysisContext } from "./analysis-context";
import { recordAudit } from "./audit";
import { contentHash } from "./content-hash";
import type { CaptureData } from "./fetch-article";
import type { Tx } from "./db";
import { analyzeOffThread, planQuotes, type Plan } from "./ingest-plan";
import { materialiseClaims, materialiseSpeakers, quoteRow } from "./ingest-records";
import { removeAbandonedImports } from "./abandoned-imports";
import { articleRows, writeArticles, type ArticleRows, type BatchState, type NewSpeakerRow } from "./ingest-write";

export interface IngestInput {
  /**
   * The outlet, or a function that finds or creates it: called only once the
   * article is analysed and new, so an article refused by its analysis budget
   * (lib/budgeted.ts) or already stored creates no outlet.
   */
  outletId: string | (() => Promise<string>);
  slug?: string | null;
  title: string;
  byline: string | null;
  url: string | null;
  publishedAt: Date | null;
  body: string;
  /** For an article read from a PDF: the offset in `body` where each page begins. */
  pageStarts?: number[];
  rawText: string | null;
  /** Primary language subtag; null or absent: the default. */
  language?: string | null;
  /** The page as fetched, for an import by URL: stored with the article, in the same transaction. */
  capture?: CaptureData | null;
  actorId: string | null;
}

export interface IngestResult {
  created: boolean;
  articleId: string;
  slug: string;
  quotes: number;
}

/**
 * Stores one article and everything the analysis finds in it — quotes as
 * suggestions, speakers resolved against the registry (new names become new
 * speakers), links to existing claims or new draft claims — so that the import
 * is complete or absent: in one transaction, or, for an article too big for
 * one (lib/ingest-write.ts), in several, marked pending until the last.
 * De-duplicated by content hash: the same text imported twice is one article.
 */
export async function ingestArticle(prisma: PrismaClient, input: IngestInput): Promise<IngestResult> {
  const [result] = await ingestArticles(prisma, [input]);
  if (result instanceof Error) throw result;
  return result;
}

/** Articles ingestArticles takes at once (a bulk import's job batch is at most this). */
export const INGEST_BATCH_MAX = 50;

/** Analyses run at once, each in a worker thread (lib/budgeted.ts). */
const ANALYSIS_THREADS = Math.max(1, Math.min(4, availableParallelism()));

type Analysis = Awaited<ReturnType<typeof analyzeOffThread>>;

/**
 * Stores several articles as ingestArticle stores each one, with the same
 * results: the articles are analysed at once in worker threads, then planned
 * in order — each sees the speakers and claims the ones before it create — and
 * written with one INSERT per table (lib/ingest-write.ts) in few transactions.
 * A text given twice is stored once; the second is reported as a duplicate of
 * the first.
 *
 * Returns one result per input, in order: what was stored, or the error that
 * kept that article out (its analysis's BudgetExceededError, or the error of
 * the transaction it was in; then nothing of it is stored). At most
 * INGEST_BATCH_MAX inputs.
 */
export async function ingestArticles(prisma: PrismaClient, inputs: IngestInput[]): Promise<(IngestResult | Error)[]> {
  if (inputs.length > INGEST_BATCH_MAX) throw new RangeError(`at most ${INGEST_BATCH_MAX} articles per batch`);
  const hashes = inputs.map((i) => contentHash(i.body));
  await removeAbandonedImports(prisma, [...new Set(hashes)]);
  const found = await prisma.article.findMany({ where: { contentHash: { in: [...new Set(hashes)] } }, select: { id: true, slug: true, contentHash: true } });
  const existing = new Map(found.map((a) => [a.contentHash, a]));
  // The found articles' quotes only: a relation `_count` would count every article's (lib/quote-counts.ts).
  const quoteCounts = new Map<string, number>();
  if (found.length) {
    const grouped = await prisma.quote.groupBy({ by: ["articleId"], where: { articleId: { in: found.map((a) => a.id) } }, _count: { _all: true } });
    for (const g of grouped) quoteCounts.set(g.articleId, g._count._all);
  }
  const results: (IngestResult | Error | null)[] = hashes.map((h) => {
    const e = existing.get(h);
    return e ? { created: false, articleId: e.id, slug: e.slug, quotes: quoteCounts.get(e.id) ?? 0 } : null;
  });
  const firstOf = new Map<string, number>();
  const todo: number[] = [];
  for (const [i, h] of hashes.entries()) {
    if (results[i] || firstOf.has(h)) continue;
    firstOf.set(h, i);
    todo.push(i);
  }
  if (todo.length) {
    // The analysis first, in worker threads, several at once, holding no lock or transaction.
    const start = await loadAnalysisInputs(prisma);
    const analysed = await Promise.all(todo.map((i) => inAnalysisSlot(() => analyzeOffThread(start, inputs[i].body)).catch(asError)));
    // New outlets before the writes (an article whose analysis was refused creates none).
    const outletIds = await mapLimit(todo, 1, async (i, k) => {
      const input = inputs[i];
      if (analysed[k] instanceof Error) return null;
      return typeof input.outletId === "string" ? input.outletId : await input.outletId().catch(asError);
    });
    await oneBatchAtATime(async () => {
      // Planned and written one batch at a time in this process, in order: the claim
      // index and the registry are shared, and a batch sees what the one before it stored.
      let ctx = await loadAnalysisContext(prisma);
      const batch: BatchState = { speakersByName: new Map() };
      const batchClaims = new Map<string, string | null>();
      const rows: { i: number; rows: ArticleRows }[] = [];
      for (const [k, i] of todo.entries()) {
        const outletId = outletIds[k];
        let analysis = analysed[k];
        if (analysis instanceof Error || outletId instanceof Error) {
          results[i] = analysis instanceof Error ? analysis : (outletId as Error);
          continue;
        }
        try {
          // Analysed with the registry of the batch's start: again if a speaker stored since is named in the text.
          if (namesNewSpeakers(inputs[i].body, start.speakerEntries, ctx.speakerEntries)) analysis = await analyzeOffThread(ctx, inputs[i].body);
          const plan = await planArticle(prisma, ctx, analysis, batchClaims);
          const { capture, ...fields } = inputs[i];
          const r = articleRows({ ...fields, capture, outletId: outletId! }, hashes[i], plan, batch);
          if (r.speakers.length) ctx = withSpeakers(ctx, r.speakers);
          for (const c of r.claims) batchClaims.set(c.id, c.sourceDocumentId);
          // In the claim index at once: the next article links to these claims as it would after a commit.
          indexLinkedQuotes(ctx, r.quotes.filter((q) => q.kind !== "title").map((q) => ({ ...q, articleId: r.id })));
          rows.push({ i, rows: r });
        } catch (error) {
          results[i] = asError(error);
        }
      }
      const written = await writeArticles(prisma, rows.map((r) => r.rows));
      for (const [k, { i, rows: r }] of rows.entries()) {
        const w = written[k];
        results[i] = w instanceof Error ? w : { created: true, articleId: r.id, slug: w.slug, quotes: r.quotes.length };
      }
    });
  }
  return results.map((r, i) => {
    if (r) return r;
    const first = results[firstOf.get(hashes[i])!];
    return first instanceof Error || !first ? (first ?? new Error("not stored")) : { ...first, created: false };
  });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** `fn` over `items`, at most `limit` at once; results in order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await fn(items[k], k);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return out;
}

let analysesRunning = 0;
const analysisWaiting: (() => void)[] = [];
/**
 * Runs `fn` when fewer than ANALYSIS_THREADS analyses of this process are under way: however many
 * batches are ingested at once (a bulk import's workers), the analysis threads stay within the
 * pool lib/budgeted.ts keeps, instead of new threads started (and their model loaded) for each.
 */
async function inAnalysisSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (analysesRunning >= ANALYSIS_THREADS) await new Promise<void>((resolve) => analysisWaiting.push(resolve));
  else analysesRunning++;
  try {
    return await fn();
  } finally {
    const next = analysisWaiting.shift();
    if (next) next();
    else analysesRunning--;
  }
}

let queue: Promise<unknown> = Promise.resolve();
/** Runs `fn` after every batch this process started before it has been written. */
function oneBatchAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

/**
 * Whether the registry `now` has speakers that `before` lacked whose name the
 * text contains (a capitalised word of a name or alias): an analysis made with
 * `before` may then have missed them.
 */
function namesNewSpeakers(text: string, before: SpeakerEntry[], now: SpeakerEntry[]): boolean {
  if (now.length === before.length) return false;
  const known = new Set(before.map((e) => e.id));
  return now.some(
    (e) => !known.has(e.id) && e.aliases.some((alias) => alias.split(/\s+/).some((word) => word.length >= 3 && /^\p{Lu}/u.test(word) && text.includes(word))),
  );
}

/** The context with speakers the batch creates, as it will be once they are stored. */
function withSpeakers(ctx: AnalysisContext, created: NewSpeakerRow[]): AnalysisContext {
  const speakers = [...ctx.speakers, ...created.map((s) => ({ id: s.id, name: s.name }))];
  const speakerEntries = [...ctx.speakerEntries, ...created.map(speakerEntry)];
  return { ...ctx, speakers, speakerEntries, registry: createSpeakerRegistry(speakerEntries), speakerKey: speakerKeyFor(speakers) };
}

/** An analysis's plan: the quotes' speakers and claims (lib/ingest-plan.ts). */
function planArticle(db: PrismaClient | Tx, ctx: AnalysisContext, { analysis, fidelity, claimable }: Analysis, batchClaims?: Map<string, string | null>): Promise<Plan> {
  return planQuotes(db, ctx, analysis.quotes, analysis.sameClaim, fidelity, claimable, batchClaims);
}

export interface ReanalyzeResult {
  added: number;
  updated: number;
  removed: number;
  /** Quotes an editor confirmed, rejected, created or adjusted: never touched. */
  kept: number;
}

/**
 * Runs the analysis again over a stored article (after the analyser improved,
 * or the speaker registry grew) and refreshes its *suggestions* only. A quote
 * an editor has decided on — confirmed, rejected, created by hand, or edited
 * since — is an editor's decision and is never changed or removed.
 */
export async function reanalyzeArticle(prisma: PrismaClient, articleId: string, actorId: string | null): Promise<ReanalyzeResult> {
  const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { id: true, body: true } });
  const ctx = await loadAnalysisContext(prisma);
  const { analysis, fidelity, claimable } = await analyzeOffThread(ctx, article.body);
  const plan = await planQuotes(prisma, ctx, analysis.quotes, analysis.sameClaim, fidelity, claimable);

  const result = await prisma.$transaction(
    async (tx) => {
      const existing = await tx.quote.findMany({
        where: { articleId },
        select: { id: true, start: true, end: true, origin: true, reviewStatus: true, version: true, claimId: true },
      });
      const previousClaims = new Set(existing.filter((q) => q.claimId).map((q) => q.claimId!));
      const isDecision = (q: (typeof existing)[number]) => q.origin === "editor" || q.reviewStatus !== "suggested" || q.version > 1;
      const bySpan = new Map(existing.map((q) => [`${q.start}:${q.end}`, q]));
      const speakerIds = await materialiseSpeakers(tx, plan.quotes);
      const claimIds = await materialiseClaims(tx, plan, speakerIds, actorId);
      const counts: ReanalyzeResult = { added: 0, updated: 0, removed: 0, kept: 0 };
      const seen = new Set<string>();
      for (const [i, p] of plan.quotes.entries()) {
        const key = `${p.q.start}:${p.q.end}`;
        seen.add(key);
        const row = quoteRow(articleId, p, plan.groups, claimIds, speakerIds[i]);
        const current = bySpan.get(key);
        if (!current) {
          await tx.quote.create({ data: row });
          counts.added++;
        } else if (isDecision(current)) {
          counts.kept++;
        } else {
          // Still a suggestion: keep its version at 1 so it stays one.
          await tx.quote.update({
            where: { id: current.id },
            data: {
              claimId: row.claimId,
              speakerId: row.speakerId,
              prefix: row.prefix,
              suffix: row.suffix,
              kind: row.kind,
              cue: row.cue,
              verb: row.verb,
              attributionReason: row.attributionReason,
              matchScore: row.matchScore,
              fidelity: row.fidelity,
              fidelityDiff: row.fidelityDiff ?? Prisma.DbNull,
              paragraphIndex: row.paragraphIndex,
              inHeadline: row.inHeadline,
              hedges: row.hedges,
              documentKey: row.documentKey,
            },
          });
          counts.updated++;
        }
      }
      const stale = existing.filter((q) => !seen.has(`${q.start}:${q.end}`));
      for (const q of stale) {
        if (isDecision(q)) counts.kept++;
        else {
          await tx.quote.delete({ where: { id: q.id } });
          counts.removed++;
        }
      }
      // Draft claims this refresh left without quotes, untouched by editors, were only ever suggestions.
      await tx.claim.deleteMany({
        where: { id: { in: [...previousClaims] }, status: "draft", version: 1, quotes: { none: {} }, rating: null, rebuttals: { none: {} }, tags: { none: {} } },
      });
      await recordAudit(tx, { actorId, entityType: "article", entityId: articleId, action: "reanalyse", after: { ...counts } });
      return counts;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return result;
}
