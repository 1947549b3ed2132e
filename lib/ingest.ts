import "server-only";
import { Prisma, type PrismaClient, type SpeakerKind } from "@/generated/prisma/client";
import { LINK_THRESHOLD } from "./analysis/claim-evidence";
import type { ClaimQuote } from "./analysis/claim-index";
import { newClaimKey } from "./analysis/claims";
import { checkFidelity, indexSources, type FidelityResult } from "./analysis/fidelity";
import type { AnalyzedQuote } from "./analysis/pipeline";
import type { SpeakerEntry } from "./analysis/speakers";
import { normalizeName } from "./analysis/text";
import { indexLinkedQuotes, loadAnalysisContext, loadSpeakerRegistry, speakerKeyFor, type AnalysisContext } from "./analysis-context";
import { createArticle } from "./articles";
import { runBudgeted } from "./budgeted";
import { recordAudit } from "./audit";
import { contentHash } from "./content-hash";
import type { CaptureData } from "./fetch-article";
import type { Tx } from "./db";
import { claimSlug, uniqueClaimSlug, uniqueSlug } from "./slug";
import { wordDiff, type DiffPart } from "./analysis/word-diff";

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

/** The analysis's kinds a speaker row can have (the analysis also knows documents and unknowns). */
const isStoredKind = (kind: string | null | undefined): kind is SpeakerKind => kind === "person" || kind === "organisation" || kind === "government";

/** A quote's planned row, before ids exist. */
interface PlannedQuote {
  q: AnalyzedQuote;
  speakerRef: SpeakerRef | null;
  fidelity: FidelityResult | null;
  /** An altered quote's diff against the passage it aligned to, drawn on the quote as printed. */
  diff?: DiffPart[];
  /** Index into `groups`: quotes of one group share one claim. */
  group: number | null;
  /** A statement that can found a claim of its own (lib/analysis/claim-statement.ts); a fragment cannot. */
  claimable: boolean;
}

/** A speaker already in the database, or one to create with the article. */
export type SpeakerRef = { id: string } | { create: { name: string; kind: SpeakerKind; aliases: string[] } };

interface ClaimGroupPlan {
  existingClaimId: string | null;
  score: number | null;
  members: number[];
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

type Plan = Awaited<ReturnType<typeof planQuotes>>;

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

/** The fields of a stored quote that the analysis decides (everything but its claim, speaker and review state). */
/** `diff`: an altered quote's diff drawn on its text as printed (lib/word-diff.ts); reader pages measure again from the source. */
export function analysedFields(q: AnalyzedQuote, fidelity: FidelityResult | null, diff?: DiffPart[]) {
  return {
    prefix: q.prefix,
    suffix: q.suffix,
    kind: q.kind,
    cue: q.cue,
    verb: q.verb,
    attributionReason: q.attributionReason,
    fidelity: fidelity ? fidelity.status : null,
    fidelityDiff: diff?.map((d) => ({ op: d.op, text: d.text })),
    paragraphIndex: q.paragraphIndex,
    inHeadline: q.inHeadline,
    hedges: q.hedges,
    documentKey: q.documentKey,
  };
}

/** The stored form of one analysed quote: a suggestion, as the analysis made it. */
function quoteRow(articleId: string, p: PlannedQuote, groups: ClaimGroupPlan[], claimIds: string[], speakerId: string | null) {
  return {
    articleId,
    claimId: p.group === null ? null : claimIds[p.group],
    speakerId,
    exact: p.q.exact,
    start: p.q.start,
    end: p.q.end,
    origin: "extracted" as const,
    reviewStatus: "suggested" as const,
    matchScore: p.group === null ? null : (groups[p.group].score ?? 1),
    ...analysedFields(p.q, p.fidelity, p.diff),
  };
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

/**
 * The analysis and each quote's fidelity, computed in a worker thread with a time
 * and memory budget (lib/budgeted.ts): never on the thread that serves requests.
 * Rejects with BudgetExceededError when the article is over a budget.
 */
export function analyzeOffThread(ctx: Pick<AnalysisContext, "speakerEntries" | "sourceDocuments">, text: string) {
  return runBudgeted("analyze", { text, speakers: ctx.speakerEntries, sources: ctx.sourceDocuments });
}

/** The key claim matching compares a planned speaker by: the database speaker's name, or the name to create. */
export function claimSpeakerKey(ctx: AnalysisContext, ref: SpeakerRef | null): string | null {
  if (!ref) return null;
  return "id" in ref ? ctx.speakerKey(ref.id) : `name:${normalizeName(ref.create.name)}`;
}

/**
 * Resolves an analysed quote's speaker to a database speaker: by registry id, by
 * name, else one to create (a built-in registry entry or a name as written);
 * null when nobody, or only someone generic ("officials"), is named.
 */
export function speakerResolver(ctx: AnalysisContext): (q: AnalyzedQuote) => SpeakerRef | null {
  const knownIds = new Set(ctx.registry.entries().map((e) => e.id));
  const dbSpeakers = ctx.speakers;
  const dbIds = new Set(dbSpeakers.map((s) => s.id));
  const byName = new Map(dbSpeakers.map((s) => [s.name.toLowerCase(), s.id]));

  return (q: AnalyzedQuote): SpeakerRef | null => {
    if (q.speakerId && dbIds.has(q.speakerId)) return { id: q.speakerId };
    if (!q.speakerName) return null;
    const known = byName.get(q.speakerName.toLowerCase());
    if (known) return { id: known };
    // A built-in registry entry, or a name as written in the article.
    const builtIn: SpeakerEntry | undefined = q.speakerId && knownIds.has(q.speakerId) ? ctx.registry.get(q.speakerId) : undefined;
    if (q.speakerKey === null && !builtIn) return null; // generic ("officials")
    // A new speaker takes the kind the analysis found (a ministry is no person) and the
    // acronyms the article defined for it, so the registry recognises them next time.
    const kind = isStoredKind(builtIn?.kind) ? builtIn.kind : isStoredKind(q.speakerKind) ? q.speakerKind : "person";
    return {
      create: {
        name: builtIn?.name ?? q.speakerName,
        kind,
        aliases: builtIn ? builtIn.aliases.filter((a) => a !== builtIn.name).slice(0, 40) : q.speakerAliases.slice(0, 40),
      },
    };
  };
}

async function planQuotes(
  prisma: PrismaClient | Tx,
  ctx: AnalysisContext,
  quotes: AnalyzedQuote[],
  sameClaim: [number, number][],
  fidelity: (FidelityResult | null)[],
  claimable: boolean[],
) {
  const speakerRefFor = speakerResolver(ctx);
  const planned: PlannedQuote[] = quotes.map((q, i) => ({
    q,
    speakerRef: speakerRefFor(q),
    fidelity: fidelity[i],
    group: null,
    claimable: claimable[i] ?? false,
  }));

  // Quotes that belong together by position (a split sentence, a continued quotation) first.
  const parent = planned.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [a, b] of sameClaim) parent[find(a)] = find(b);

  const groups: ClaimGroupPlan[] = [];
  const groupOfRoot = new Map<number, number>();
  planned.forEach((p, i) => {
    if (p.q.kind === "title") return;
    const root = find(i);
    let g = groupOfRoot.get(root);
    if (g === undefined) {
      g = groups.push({ existingClaimId: null, score: null, members: [] }) - 1;
      groupOfRoot.set(root, g);
    }
    groups[g].members.push(i);
    p.group = g;
  });

  // Then each group's best link to an existing claim, by the same speaker.
  const candidateClaims = new Set<string>();
  const proposals = groups.map((g) => {
    let best: { claimId: string; score: number } | null = null;
    for (const i of g.members) {
      const p = planned[i];
      const speakerKey = claimSpeakerKey(ctx, p.speakerRef);
      const cq: ClaimQuote = { id: `new#${i}`, text: p.q.exact, speakerKey, documentKey: p.q.documentKey, label: p.q.label, context: p.q.context };
      for (const c of ctx.claims.query(cq, 3)) {
        if (c.score >= LINK_THRESHOLD && (!best || c.score > best.score)) best = { claimId: c.claimKey, score: c.score };
      }
    }
    if (best) candidateClaims.add(best.claimId);
    return best;
  });
  const alive = new Map(
    (await prisma.claim.findMany({ where: { id: { in: [...candidateClaims] } }, select: { id: true, sourceDocumentId: true } })).map((c) => [c.id, c.sourceDocumentId]),
  );
  proposals.forEach((best, g) => {
    if (best && alive.has(best.claimId)) {
      groups[g].existingClaimId = best.claimId;
      groups[g].score = Math.round(best.score * 1000) / 1000;
    }
  });
  // A group that joins no existing claim becomes a new draft claim only when one of its quotes
  // is a statement; a group of fragments ("Terror groups", a scare quote) stays quotes without
  // a claim until an editor attaches them.
  const kept = groups.filter((g) => g.existingClaimId || g.members.some((i) => planned[i].claimable));
  for (const p of planned) p.group = null;
  kept.forEach((g, k) => g.members.forEach((i) => (planned[i].group = k)));
  groups.splice(0, groups.length, ...kept);
  // A quote's fidelity is measured against its claim's source document: an
  // existing claim's, or for a new claim the document its lead quote was found
  // in. With no source on file the quote is unchecked (null), never "not found".
  for (const g of groups) {
    const sourceId = g.existingClaimId ? (alive.get(g.existingClaimId) ?? null) : sourceOfLead(planned, g);
    for (const i of g.members) {
      const p = planned[i];
      p.fidelity = fidelityAgainst(ctx.sourceDocuments, p, sourceId);
      const text = p.fidelity?.status === "altered" ? ctx.sourceDocuments.find((s) => s.id === sourceId)?.text : undefined;
      if (text) p.diff = wordDiff(text.slice(p.fidelity!.sourceStart, p.fidelity!.sourceEnd), p.q.exact);
    }
  }
  for (const p of planned) if (p.group === null) p.fidelity = null;
  return { quotes: planned, groups };
}

/** The quote a new claim is made from: the group's longest statement (materialiseClaims takes the same). */
function leadOf(quotes: PlannedQuote[], g: ClaimGroupPlan): number {
  const statements = g.members.filter((i) => quotes[i].claimable);
  return (statements.length ? statements : g.members).reduce((a, b) => (quotes[b].q.exact.length > quotes[a].q.exact.length ? b : a));
}

function sourceOfLead(quotes: PlannedQuote[], g: ClaimGroupPlan): string | null {
  const f = quotes[leadOf(quotes, g)].fidelity;
  return f && f.status !== "not_found" ? f.sourceId : null;
}

function fidelityAgainst(sources: { id: string; text: string }[], p: PlannedQuote, sourceId: string | null): FidelityResult | null {
  if (!sourceId || p.q.kind === "title") return null;
  if (p.fidelity?.sourceId === sourceId) return p.fidelity;
  const only = sources.filter((s) => s.id === sourceId);
  return only.length ? checkFidelity(p.q.exact, indexSources(only)) : null;
}

/** Database speaker ids for planned speakers, creating the new ones (once per name). */
export async function materialiseSpeakers(tx: Tx, quotes: { speakerRef: SpeakerRef | null }[]): Promise<(string | null)[]> {
  const created = new Map<string, string>();
  const ids: (string | null)[] = [];
  for (const p of quotes) {
    const ref = p.speakerRef;
    if (!ref) {
      ids.push(null);
    } else if ("id" in ref) {
      ids.push(ref.id);
    } else {
      const key = ref.create.name.toLowerCase();
      let id = created.get(key);
      if (!id) {
        const existing = await tx.speaker.findFirst({ where: { name: { equals: ref.create.name, mode: "insensitive" } }, select: { id: true } });
        id =
          existing?.id ??
          (
            await tx.speaker.create({
              data: {
                ...ref.create,
                slug: await uniqueSlug(ref.create.name, async (s) => Boolean(await tx.speaker.findUnique({ where: { slug: s }, select: { id: true } }))),
              },
              select: { id: true },
            })
          ).id;
        created.set(key, id);
      }
      ids.push(id);
    }
  }
  return ids;
}

/** The words of a quote as a claim's first canonical wording: no dangling punctuation or brackets. */
function canonicalFrom(exact: string): string {
  let text = exact.trim().replace(/^[\]\s,;:.…]+/, "").replace(/(?<![\s,;:])[\s,;:]+$/, "");
  if (!text) text = exact.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function materialiseClaims(tx: Tx, plan: { quotes: PlannedQuote[]; groups: ClaimGroupPlan[] }, speakerIds: (string | null)[], actorId: string | null) {
  const ids: string[] = [];
  for (const g of plan.groups) {
    if (g.existingClaimId) {
      ids.push(g.existingClaimId);
      continue;
    }
    // The group's longest statement states the claim most fully.
    const lead = leadOf(plan.quotes, g);
    ids.push(await createClaimFromAnalysis(tx, plan.quotes[lead].q.exact, plan.quotes[lead].fidelity, speakerIds[lead], actorId));
  }
  return ids;
}

/** A draft claim worded as the given quote, tied to its source passage when the quote was found in one. */
export async function createClaimFromAnalysis(tx: Tx, exact: string, fid: FidelityResult | null, speakerId: string | null, actorId: string | null): Promise<string> {
  const canonical = canonicalFrom(exact);
  const base = claimSlug(canonical) || newClaimKey({ text: exact, speakerKey: speakerId });
  const slug = await uniqueClaimSlug(tx, base);
  const claim = await tx.claim.create({
    data: {
      slug,
      canonical,
      speakerId,
      sourceDocumentId: fid && fid.status !== "not_found" ? fid.sourceId : null,
      sourceStart: fid && fid.status !== "not_found" ? fid.sourceStart : null,
      sourceEnd: fid && fid.status !== "not_found" ? fid.sourceEnd : null,
    },
    select: { id: true },
  });
  await recordAudit(tx, { actorId, entityType: "claim", entityId: claim.id, action: "create-from-analysis", after: { slug, canonical } });
  return claim.id;
}
