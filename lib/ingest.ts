import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { indexLinkedQuotes, loadAnalysisContext, loadSpeakerRegistry, speakerKeyFor, type AnalysisContext } from "./analysis-context";
import { createArticle } from "./articles";
import { recordAudit } from "./audit";
import { contentHash } from "./content-hash";
import type { CaptureData } from "./fetch-article";
import type { Tx } from "./db";
import { analyzeOffThread, planQuotes, type Plan } from "./ingest-plan";
import { materialiseClaims, materialiseSpeakers, quoteRow } from "./ingest-records";

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
 * speakers), links to existing claims or new draft claims — in one
 * transaction: either all of it is stored, or nothing. De-duplicated by
 * content hash: the same text imported twice is one article.
 */
export async function ingestArticle(prisma: PrismaClient, input: IngestInput): Promise<IngestResult> {
  const hash = contentHash(input.body);
  const existing = await prisma.article.findUnique({
    where: { contentHash: hash },
    select: { id: true, slug: true, _count: { select: { quotes: true } } },
  });
  if (existing) return { created: false, articleId: existing.id, slug: existing.slug, quotes: existing._count.quotes };

  const ctx = await loadAnalysisContext(prisma);
  const plan = await analyseAndPlan(prisma, ctx, input.body);
  const outletId = typeof input.outletId === "string" ? input.outletId : await input.outletId();
  const result = await prisma.$transaction((tx) => writeArticle(tx, { ...input, outletId }, hash, plan), { timeout: 60_000, maxWait: 30_000 });
  indexLinkedQuotes(ctx, result.stored.filter((q) => q.kind !== "title"), result.speakerNames);
  return { created: true, articleId: result.article.id, slug: result.article.slug, quotes: result.stored.length };
}

/** Articles ingestArticles stores in one transaction (a bulk import's job batch is at most this). */
export const INGEST_BATCH_MAX = 50;

/**
 * Stores several articles as ingestArticle stores each one, with the same
 * results, but in one transaction and with the analysis context loaded once:
 * the articles are analysed in order, and each sees the speakers and claims
 * the ones before it created (the speaker registry is rebuilt inside the
 * transaction when an article added speakers; its quotes join the claim index
 * at once). Either every new article is stored or none is. A text given twice
 * is stored once; the second is reported as a duplicate of the first.
 *
 * Returns one result per input, in order. Throws what the transaction threw
 * (nothing is then stored); a caller that wants per-article errors stores the
 * articles one by one after that (lib/import-article.ts importArticles).
 * At most INGEST_BATCH_MAX inputs. Written for the bulk import, where one
 * commit per article was most of the time on the embedded database.
 */
export async function ingestArticles(prisma: PrismaClient, inputs: IngestInput[]): Promise<IngestResult[]> {
  if (inputs.length > INGEST_BATCH_MAX) throw new RangeError(`at most ${INGEST_BATCH_MAX} articles per batch`);
  const hashes = inputs.map((i) => contentHash(i.body));
  const existing = new Map(
    (
      await prisma.article.findMany({
        where: { contentHash: { in: [...new Set(hashes)] } },
        select: { id: true, slug: true, contentHash: true, _count: { select: { quotes: true } } },
      })
    ).map((a) => [a.contentHash, a]),
  );
  const results: (IngestResult | null)[] = hashes.map((h) => {
    const e = existing.get(h);
    return e ? { created: false, articleId: e.id, slug: e.slug, quotes: e._count.quotes } : null;
  });
  if (results.every((r) => r)) return results as IngestResult[];

  // New outlets before the transaction (a query outside it would wait for it on the embedded database).
  const outletIds: (string | null)[] = [];
  for (const [i, input] of inputs.entries()) outletIds.push(results[i] ? null : typeof input.outletId === "string" ? input.outletId : await input.outletId());
  let ctx = await loadAnalysisContext(prisma);
  const stored = await prisma.$transaction(
    async (tx) => {
      const out: (IngestResult | null)[] = [...results];
      const firstOf = new Map<string, number>();
      for (const [i, input] of inputs.entries()) {
        if (out[i]) continue;
        const first = firstOf.get(hashes[i]);
        if (first !== undefined) {
          out[i] = { ...out[first]!, created: false };
          continue;
        }
        firstOf.set(hashes[i], i);
        // Candidate claims are checked in the transaction: those of earlier articles of the batch exist only there.
        const plan = await analyseAndPlan(tx, ctx, input.body);
        const written = await writeArticle(tx, { ...input, outletId: outletIds[i]! }, hashes[i], plan);
        indexLinkedQuotes(ctx, written.stored.filter((q) => q.kind !== "title"), written.speakerNames);
        if (plan.quotes.some((p) => p.speakerRef && "create" in p.speakerRef)) {
          // New speakers: the next article's registry and speaker keys include them, as they would after a commit.
          const { speakers, speakerEntries, registry } = await loadSpeakerRegistry(tx);
          ctx = { ...ctx, speakers, speakerEntries, registry, speakerKey: speakerKeyFor(speakers) };
        }
        out[i] = { created: true, articleId: written.article.id, slug: written.article.slug, quotes: written.stored.length };
      }
      return out as IngestResult[];
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return stored;
}

/** The analysis (off the request thread, within budgets: analyzeOffThread), then the quotes' speakers and claims. */
async function analyseAndPlan(db: PrismaClient | Tx, ctx: AnalysisContext, body: string): Promise<Plan> {
  const { analysis, fidelity, claimable } = await analyzeOffThread(ctx, body);
  return planQuotes(db, ctx, analysis.quotes, analysis.sameClaim, fidelity, claimable);
}

/** One article's rows, in the caller's transaction: the article, its capture, new speakers and claims, quotes, the audit event. */
async function writeArticle(tx: Tx, input: IngestInput & { outletId: string }, hash: string, plan: Plan) {
  const { capture, ...fields } = input;
  const article = await createArticle(tx, { ...fields, language: input.language ?? undefined, contentHash: hash });
  if (capture) await tx.articleCapture.create({ data: { articleId: article.id, ...capture } });
  const speakerIds = await materialiseSpeakers(tx, plan.quotes);
  const claimIds = await materialiseClaims(tx, plan, speakerIds, input.actorId);
  const rows = plan.quotes.map((p, i) => quoteRow(article.id, p, plan.groups, claimIds, speakerIds[i]));
  if (rows.length) await tx.quote.createMany({ data: rows, skipDuplicates: true });
  await recordAudit(tx, {
    actorId: input.actorId,
    entityType: "article",
    entityId: article.id,
    action: "import",
    after: { title: input.title, outletId: input.outletId, slug: article.slug, quotes: rows.length },
  });
  const stored = await tx.quote.findMany({
    where: { articleId: article.id },
    select: { id: true, exact: true, articleId: true, speakerId: true, claimId: true, kind: true, documentKey: true, prefix: true, suffix: true, updatedAt: true },
  });
  const newSpeakers = await tx.speaker.findMany({ where: { id: { in: speakerIds.filter((id): id is string => !!id) } }, select: { id: true, name: true } });
  return { article, stored, speakerNames: new Map(newSpeakers.map((s) => [s.id, s.name])) };
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
