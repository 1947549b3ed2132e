import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient, SpeakerKind } from "@/generated/prisma/client";
import { LINK_THRESHOLD } from "./analysis/claim-evidence";
import type { ClaimQuote } from "./analysis/claim-quote";
import { checkFidelity, indexSources, type FidelityResult, type SourceIndex } from "./analysis/fidelity";
import type { AnalyzedQuote } from "./analysis/pipeline";
import type { SpeakerEntry } from "./analysis/speakers";
import { normalizeName } from "./analysis/text";
import { wordDiff, type DiffPart } from "./analysis/word-diff";
import type { AnalysisContext } from "./analysis-context";
import { ANALYSIS_CONTEXT_MISSING, runBudgeted } from "./budgeted";
import type { Tx } from "./db";
import { splitAcronyms } from "./validation/speaker";

/**
 * What the analysis of one article proposes before any row exists (lib/ingest.ts
 * stores it, lib/ingest-records.ts makes the rows): each quote's speaker, in the
 * database or to create, the groups of quotes that state one claim, each
 * group's link to an existing claim, and each quote's fidelity against its
 * claim's source.
 */

/** The analysis's kinds a speaker row can have (the analysis also knows documents and unknowns). */
const isStoredKind = (kind: string | null | undefined): kind is SpeakerKind => kind === "person" || kind === "organisation" || kind === "government";

/** A quote's planned row, before ids exist. */
export interface PlannedQuote {
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
export type SpeakerRef = { id: string } | { create: { name: string; kind: SpeakerKind; aliases: string[]; acronyms: string[] } };

export interface ClaimGroupPlan {
  existingClaimId: string | null;
  score: number | null;
  members: number[];
}

/** A number per speaker list and source list object this module has sent to an analysis thread. */
const contextIds = new WeakMap<object, number>();
let lastContextId = 0;
/**
 * Names this copy of the module: a bundler may load it twice in one process (the server's
 * bundle and server.ts's own imports), and two copies' numbers must never name each other's lists.
 */
const contextPrefix = randomUUID();
function contextId(list: object): number {
  let id = contextIds.get(list);
  if (id === undefined) contextIds.set(list, (id = ++lastContextId));
  return id;
}

/**
 * The analysis and each quote's fidelity, computed in a worker thread with a time
 * and memory budget (lib/budgeted.ts): never on the thread that serves requests.
 * Rejects with BudgetExceededError when the article is over a budget.
 *
 * The speaker registry and the primary sources go to a thread once, not with every article:
 * the message names them (the lists are the ones lib/analysis-context.ts keeps while their
 * tables are unchanged, so the same objects come back), and a thread that does not hold
 * them asks for them (ANALYSIS_CONTEXT_MISSING), once. Sending them with every article cost
 * time in proportion to the corpus: copying and hashing every source's text per article.
 */
export async function analyzeOffThread(ctx: Pick<AnalysisContext, "speakerEntries" | "sourceDocuments">, text: string) {
  const context = `${contextPrefix}:${contextId(ctx.speakerEntries)}:${contextId(ctx.sourceDocuments)}`;
  try {
    return await runBudgeted("analyze", { text, context });
  } catch (error) {
    if (!(error instanceof Error && error.message === ANALYSIS_CONTEXT_MISSING)) throw error;
    return runBudgeted("analyze", { text, context, speakers: ctx.speakerEntries, sources: ctx.sourceDocuments });
  }
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
    // The names stored as acronyms ("WHO") and as other aliases, as the editor's form keeps them.
    const names = splitAcronyms(builtIn ? builtIn.aliases.filter((a) => a !== builtIn.name) : q.speakerAliases);
    return {
      create: {
        name: builtIn?.name ?? q.speakerName,
        kind,
        aliases: names.aliases.slice(0, 40),
        acronyms: names.acronyms.slice(0, 20),
      },
    };
  };
}

export type Plan = Awaited<ReturnType<typeof planQuotes>>;

/** Lets the event loop serve requests between slices of a long plan (an article of thousands of quotes). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const PLAN_SLICE = 200;

/**
 * The plan of an analysed article's quotes: speakers, claim groups and links, fidelity against each claim's source.
 * `batchClaims`: claims (id → source document id) the batch already knows: those earlier articles of
 * the same batch will create, which the database does not hold yet, and those an earlier plan found
 * stored. The stored claims this plan links to are added to it, so a batch looks each claim up once
 * (its articles are written together, after every plan: a claim deleted meanwhile fails the write).
 */
export async function planQuotes(
  prisma: PrismaClient | Tx,
  ctx: AnalysisContext,
  quotes: AnalyzedQuote[],
  sameClaim: [number, number][],
  fidelity: (FidelityResult | null)[],
  claimable: boolean[],
  batchClaims: Map<string, string | null> = new Map(),
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
  const proposals: ({ claimId: string; score: number } | null)[] = [];
  for (const [n, g] of groups.entries()) {
    if (n % PLAN_SLICE === PLAN_SLICE - 1) await yieldToEventLoop();
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
    proposals.push(best);
  }
  const unknown = [...candidateClaims].filter((id) => !batchClaims.has(id));
  if (unknown.length) {
    const stored = await prisma.claim.findMany({ where: { id: { in: unknown } }, select: { id: true, sourceDocumentId: true } });
    for (const c of stored) batchClaims.set(c.id, c.sourceDocumentId);
  }
  const alive = new Map([...candidateClaims].filter((id) => batchClaims.has(id)).map((id) => [id, batchClaims.get(id)!]));
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
  for (const [n, g] of groups.entries()) {
    if (n % PLAN_SLICE === PLAN_SLICE - 1) await yieldToEventLoop();
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
export function leadOf(quotes: PlannedQuote[], g: ClaimGroupPlan): number {
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
  const index = sourceIndexOf(sources, sourceId);
  return index ? checkFidelity(p.q.exact, index) : null;
}

/**
 * Per source list (the one lib/analysis-context.ts keeps while the table is unchanged), each
 * source's index, built on first use: indexing a 40 KB report for every quote that joins its
 * claim took most of a bulk import's main thread once a database had a few dozen sources.
 */
const sourceIndexes = new WeakMap<object, Map<string, SourceIndex | null>>();

function sourceIndexOf(sources: { id: string; text: string }[], sourceId: string): SourceIndex | null {
  let byId = sourceIndexes.get(sources);
  if (!byId) sourceIndexes.set(sources, (byId = new Map()));
  let index = byId.get(sourceId);
  if (index === undefined) {
    const only = sources.filter((s) => s.id === sourceId);
    byId.set(sourceId, (index = only.length ? indexSources(only) : null));
  }
  return index;
}
