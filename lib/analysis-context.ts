import "server-only";
import type { PrismaClient, SpeakerKind } from "@/generated/prisma/client";
import type { Tx } from "./db";
import { ClaimIndex } from "./analysis/claim-index";
import type { ClaimQuote } from "./analysis/claim-quote";
import { createSpeakerRegistry, type SpeakerEntry, type SpeakerRegistry } from "./analysis/speakers";
import { normalizeName } from "./analysis/text";

/**
 * What the pure analysis needs from the database, for ingest: the speaker
 * registry (the database's speakers and their aliases, over the built-in
 * defaults), the primary sources to align quotes with, and an index of every
 * quote already linked to a claim.
 *
 * The claim index is kept per process and brought up to date before each use
 * with the quotes changed since the last sync (so work done by other processes
 * and editors' moves are seen). Entries can go stale — a claim merged away —
 * so callers check that a candidate claim still exists before linking to it.
 */
export interface AnalysisContext {
  /** The database's speakers, as loaded for the registry. */
  speakers: { id: string; name: string }[];
  /** The key claim matching compares a database speaker by (see speakerKeyFor). */
  speakerKey: (speakerId: string | null) => string | null;
  /** The registry's database entries, to rebuild it in a worker thread (lib/budgeted.ts). */
  speakerEntries: SpeakerEntry[];
  registry: SpeakerRegistry;
  /** The primary sources' text, for the worker to align quotes with. */
  sourceDocuments: { id: string; text: string }[];
  claims: ClaimIndex;
}

interface ClaimIndexCache {
  index: ClaimIndex;
  syncedAt: Date;
  /** Quote id → the `updatedAt` (ms) it was indexed at: a row seen again unchanged is not added twice. */
  indexed: Map<string, number>;
}

/** A value built from a table, with the table's signature when it was built (see tableSignatures). */
interface Built<T> {
  signature: string;
  value: T;
}

const globalForAnalysis = globalThis as unknown as {
  __claimscopeClaimIndex?: ClaimIndexCache;
  __claimscopeSpeakerRegistry?: Built<Pick<AnalysisContext, "speakers" | "speakerEntries" | "registry">>;
  __claimscopeSourceDocuments?: Built<{ id: string; text: string }[]>;
};

/**
 * One statement giving, for the speakers and for the primary sources with text,
 * the row count, the latest `updatedAt` and the sum of every `updatedAt`: any
 * insert, delete or update (Prisma sets `updatedAt` on each) changes it, so the
 * registry and the source index are rebuilt only when what they are built from
 * changed, instead of on every article (building them was most of an
 * article's import time).
 */
async function tableSignatures(prisma: PrismaClient | Tx): Promise<{ speakers: string; sources: string }> {
  const [row] = await prisma.$queryRaw<{ speakers: string; sources: string }[]>`
    SELECT (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') || ':' || coalesce(sum(extract(epoch FROM "updatedAt"))::text, '') FROM "Speaker") AS speakers,
           (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') || ':' || coalesce(sum(extract(epoch FROM "updatedAt"))::text, '') FROM "SourceDocument" WHERE "text" IS NOT NULL) AS sources`;
  return row;
}

/**
 * Claim matching compares speakers by name ("name:ana lind"), so that a name as
 * written in part fits the full one ("Lind", "Mayor Ana Lind") across articles
 * whose speakers became two database rows.
 */
export function speakerKeyFor(speakers: { id: string; name: string }[]): (speakerId: string | null) => string | null {
  const byId = new Map(speakers.map((s) => [s.id, `name:${normalizeName(s.name)}`]));
  return (id) => (id ? (byId.get(id) ?? id) : null);
}

/**
 * A stored quote as the claim index sees it. Its W3C prefix and suffix stand in for the
 * outlet's words around it; an editor's confirmed quote is its claim's wording.
 */
export function quoteForIndex(q: {
  id: string;
  exact: string;
  articleId: string;
  speakerId: string | null;
  documentKey: string | null;
  prefix?: string;
  suffix?: string;
  reviewStatus?: string;
}, speakerKey: (speakerId: string | null) => string | null = (id) => id): ClaimQuote {
  return {
    id: q.id,
    text: q.exact,
    articleId: q.articleId,
    speakerKey: speakerKey(q.speakerId),
    documentKey: q.documentKey,
    context: q.prefix !== undefined ? { before: q.prefix, after: q.suffix ?? "" } : null,
    confirmed: q.reviewStatus === "confirmed",
  };
}

async function syncClaimIndex(prisma: PrismaClient, speakerKey: (id: string | null) => string | null): Promise<ClaimIndex> {
  const cache = (globalForAnalysis.__claimscopeClaimIndex ??= { index: new ClaimIndex(), syncedAt: new Date(0), indexed: new Map() });
  // A little overlap: rows committed late with an earlier timestamp are not missed.
  const since = new Date(cache.syncedAt.getTime() - 5_000);
  const now = new Date();
  const BATCH = 5_000;
  const where = { claimId: { not: null }, reviewStatus: { not: "rejected" as const }, kind: { not: "title" as const }, updatedAt: { gte: since } };
  const full = { id: true, exact: true, articleId: true, speakerId: true, claimId: true, documentKey: true, prefix: true, suffix: true, reviewStatus: true, updatedAt: true } as const;
  // A warm index reads ids and times first: the overlap, and quotes linked in this process
  // (indexLinkedQuotes), are already in at that time, and their text is not read again (in a bulk
  // import, every row of the last batch: 1.2 ms of every article's 6 ms of SQL on the embedded
  // database). A cold one reads every row whole at once.
  const warm = cache.indexed.size > 0;
  const add = (rows: { id: string; exact: string; articleId: string; speakerId: string | null; claimId: string | null; documentKey: string | null; prefix: string; suffix: string; reviewStatus: string; updatedAt: Date }[]) => {
    for (const row of rows) {
      cache.indexed.set(row.id, row.updatedAt.getTime());
      cache.index.add(quoteForIndex(row, speakerKey), row.claimId!);
    }
  };
  let cursor: string | undefined;
  for (;;) {
    const page = { where, orderBy: { id: "asc" as const }, take: BATCH, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}) };
    let seen: { id: string; updatedAt: Date }[];
    if (warm) {
      seen = await prisma.quote.findMany({ ...page, select: { id: true, updatedAt: true } });
      const stale = seen.filter((row) => cache.indexed.get(row.id) !== row.updatedAt.getTime()).map((row) => row.id);
      if (stale.length) add(await prisma.quote.findMany({ where: { ...where, id: { in: stale } }, select: full }));
    } else {
      const rows = await prisma.quote.findMany({ ...page, select: full });
      add(rows);
      seen = rows;
    }
    if (seen.length < BATCH) break;
    cursor = seen[seen.length - 1].id;
  }
  cache.syncedAt = now;
  return cache.index;
}

/** A stored speaker as the analysis's registry takes it. */
export function speakerEntry(s: { id: string; name: string; kind: SpeakerKind; aliases: string[]; acronyms: string[] }): SpeakerEntry {
  return {
    id: s.id,
    name: s.name,
    // The analysis knows no document issuer: to it, an issuer is an organisation that speaks.
    kind: s.kind === "document_issuer" ? "organisation" : s.kind,
    // An acronym names the speaker like an alias does (the registry matches it case-sensitively).
    aliases: [s.name, ...s.aliases, ...s.acronyms],
  };
}

/**
 * The speaker registry alone: the database's speakers and their aliases, over
 * the built-in defaults. Kept per process and built again only when the
 * speakers changed (`signature`: from tableSignatures; without it, always built).
 */
export async function loadSpeakerRegistry(
  prisma: PrismaClient | Tx,
  signature?: string,
): Promise<Pick<AnalysisContext, "speakers" | "speakerEntries" | "registry">> {
  const cached = globalForAnalysis.__claimscopeSpeakerRegistry;
  if (signature === undefined) signature = (await tableSignatures(prisma)).speakers;
  if (cached && cached.signature === signature) return cached.value;
  const speakers = await prisma.speaker.findMany({ select: { id: true, name: true, kind: true, aliases: true, acronyms: true } });
  const entries: SpeakerEntry[] = speakers.map(speakerEntry);
  const value = { speakers: speakers.map((s) => ({ id: s.id, name: s.name })), speakerEntries: entries, registry: createSpeakerRegistry(entries) };
  globalForAnalysis.__claimscopeSpeakerRegistry = { signature, value };
  return value;
}

/** The primary sources' text (the worker thread indexes it, lib/analysis-worker.ts), kept while the table is unchanged. */
async function loadSourceDocuments(prisma: PrismaClient, signature: string): Promise<{ id: string; text: string }[]> {
  const cached = globalForAnalysis.__claimscopeSourceDocuments;
  if (cached && cached.signature === signature) return cached.value;
  const documents = await prisma.sourceDocument.findMany({ where: { text: { not: null } }, select: { id: true, text: true } });
  const value = documents.map((d) => ({ id: d.id, text: d.text! }));
  globalForAnalysis.__claimscopeSourceDocuments = { signature, value };
  return value;
}

/**
 * The context as the database stands now. The registry and the source index
 * are the ones built last in this process while their tables are unchanged;
 * the claim index is synced with the quotes changed since the last call.
 */
export async function loadAnalysisContext(prisma: PrismaClient): Promise<AnalysisContext> {
  const { speakers, speakerEntries, registry, sourceDocuments } = await loadAnalysisInputs(prisma);
  const speakerKey = speakerKeyFor(speakers);
  const claims = await syncClaimIndex(prisma, speakerKey);
  return { speakers, speakerKey, speakerEntries, registry, sourceDocuments, claims };
}

/**
 * What the analysis itself reads (lib/ingest-plan.ts analyzeOffThread): the
 * speaker registry and the primary sources, without syncing the claim index,
 * which only planning reads.
 */
export async function loadAnalysisInputs(prisma: PrismaClient): Promise<Pick<AnalysisContext, "speakers" | "speakerEntries" | "registry" | "sourceDocuments">> {
  const signatures = await tableSignatures(prisma);
  const { speakers, speakerEntries, registry } = await loadSpeakerRegistry(prisma, signatures.speakers);
  const sourceDocuments = await loadSourceDocuments(prisma, signatures.sources);
  return { speakers, speakerEntries, registry, sourceDocuments };
}

/** Quotes linked in this process are indexed at once, without waiting for the next sync. */
export function indexLinkedQuotes(
  ctx: Pick<AnalysisContext, "claims" | "speakerKey">,
  quotes: { id: string; exact: string; articleId: string; speakerId: string | null; claimId: string | null; documentKey: string | null; prefix: string; suffix: string; updatedAt?: Date }[],
  speakerNames: Map<string, string> = new Map(),
) {
  const key = (id: string | null) => (id && speakerNames.has(id) ? `name:${normalizeName(speakerNames.get(id)!)}` : ctx.speakerKey(id));
  const indexed = ctx.claims === globalForAnalysis.__claimscopeClaimIndex?.index ? globalForAnalysis.__claimscopeClaimIndex.indexed : null;
  for (const q of quotes) {
    if (!q.claimId) continue;
    ctx.claims.add(quoteForIndex(q, key), q.claimId);
    if (indexed && q.updatedAt) indexed.set(q.id, q.updatedAt.getTime());
  }
}
