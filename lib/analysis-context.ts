import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { ClaimIndex, type ClaimQuote } from "./analysis/claim-index";
import { indexSources, type SourceIndex } from "./analysis/fidelity";
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
  registry: SpeakerRegistry;
  sources: SourceIndex | null;
  claims: ClaimIndex;
}

interface ClaimIndexCache {
  index: ClaimIndex;
  syncedAt: Date;
}

const globalForAnalysis = globalThis as unknown as { __claimscopeClaimIndex?: ClaimIndexCache };

const DB_KIND_TO_ANALYSIS = { person: "person", organisation: "organization", government: "government" } as const;

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
  const cache = (globalForAnalysis.__claimscopeClaimIndex ??= { index: new ClaimIndex(), syncedAt: new Date(0) });
  // A little overlap: rows committed late with an earlier timestamp are not missed.
  const since = new Date(cache.syncedAt.getTime() - 5_000);
  const now = new Date();
  const BATCH = 5_000;
  let cursor: string | undefined;
  for (;;) {
    const rows = await prisma.quote.findMany({
      where: { claimId: { not: null }, reviewStatus: { not: "rejected" }, kind: { not: "title" }, updatedAt: { gte: since } },
      select: { id: true, exact: true, articleId: true, speakerId: true, claimId: true, documentKey: true, prefix: true, suffix: true, reviewStatus: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const row of rows) cache.index.add(quoteForIndex(row, speakerKey), row.claimId!);
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1].id;
  }
  cache.syncedAt = now;
  return cache.index;
}

/** The speaker registry alone: the database's speakers and their aliases, over the built-in defaults. */
export async function loadSpeakerRegistry(prisma: PrismaClient): Promise<Pick<AnalysisContext, "speakers" | "registry">> {
  const speakers = await prisma.speaker.findMany({ select: { id: true, name: true, kind: true, aliases: true } });
  const entries: SpeakerEntry[] = speakers.map((s) => ({
    id: s.id,
    name: s.name,
    kind: DB_KIND_TO_ANALYSIS[s.kind],
    aliases: [s.name, ...s.aliases],
  }));
  return { speakers: speakers.map((s) => ({ id: s.id, name: s.name })), registry: createSpeakerRegistry(entries) };
}

export async function loadAnalysisContext(prisma: PrismaClient): Promise<AnalysisContext> {
  const [{ speakers, registry }, documents] = await Promise.all([
    loadSpeakerRegistry(prisma),
    prisma.sourceDocument.findMany({ where: { text: { not: null } }, select: { id: true, text: true } }),
  ]);
  const speakerKey = speakerKeyFor(speakers);
  const claims = await syncClaimIndex(prisma, speakerKey);
  return {
    speakers,
    speakerKey,
    registry,
    sources: documents.length ? indexSources(documents.map((d) => ({ id: d.id, text: d.text! }))) : null,
    claims,
  };
}

/** Quotes linked in this process are indexed at once, without waiting for the next sync. */
export function indexLinkedQuotes(
  ctx: Pick<AnalysisContext, "claims" | "speakerKey">,
  quotes: { id: string; exact: string; articleId: string; speakerId: string | null; claimId: string | null; documentKey: string | null; prefix: string; suffix: string }[],
  speakerNames: Map<string, string> = new Map(),
) {
  const key = (id: string | null) => (id && speakerNames.has(id) ? `name:${normalizeName(speakerNames.get(id)!)}` : ctx.speakerKey(id));
  for (const q of quotes) if (q.claimId) ctx.claims.add(quoteForIndex(q, key), q.claimId);
}
