import "server-only";
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { ClaimLinkVia } from "./analysis/claim-evidence";
import type { ClaimQuote } from "./analysis/claim-quote";
import { ClaimGrouper, type ClaimHint } from "./analysis/claims";
import type { FidelityResult } from "./analysis/fidelity";
import { type AnalyzedQuote, claimQuoteOf } from "./analysis/pipeline";
import { loadAnalysisContext, quoteForIndex } from "./analysis-context";
import { recordAudit } from "./audit";
import { UNTOUCHED_DRAFT_SELECT, isUntouchedDraft } from "./machine-drafts";
import { analyzeOffThread, claimSpeakerKey, type SpeakerRef, speakerResolver } from "./ingest-plan";
import { analysedFields, createClaimFromAnalysis, materialiseSpeakers } from "./ingest-records";

/** What `npm run reanalyze` changed. */
export interface ReanalysisReport {
  articles: number;
  quotes: {
    /** Suggestions now linked to another claim (or to none, or to one from none). */
    relinked: number;
    /** Suggestions whose speaker changed. */
    speakersChanged: number;
    added: number;
    removed: number;
    /** Quotes an editor confirmed, rejected, created or edited: never touched. */
    kept: number;
  };
  claims: {
    created: number;
    /** Claims left without quotes that an editor had acted on: kept. */
    emptied: number;
    /** Draft claims the analysis had made, left without quotes: deleted. */
    removed: number;
  };
}

interface StoredQuote {
  id: string;
  start: number;
  end: number;
  origin: string;
  reviewStatus: string;
  version: number;
  claimId: string | null;
  speakerId: string | null;
}

/** One analysed quote as planned in the first pass (spooled to disk between the passes). */
interface PlannedEntry {
  q: Omit<AnalyzedQuote, "context">;
  fidelity: FidelityResult | null;
  speakerRef: SpeakerRef | null;
  storedId: string | null;
  oldClaimId: string | null;
  oldSpeakerId: string | null;
  claim: number | null;
  score: number | null;
  via: ClaimLinkVia | null;
  /** A statement that can found a claim (lib/analysis/claim-statement.ts); a fragment only joins one. */
  claimable: boolean;
}

interface PlannedArticle {
  articleId: string;
  entries: PlannedEntry[];
  stale: string[];
  kept: number;
}

const BATCH = 100;

/** A quote an editor has decided on: confirmed, rejected, created by hand, or edited since the analysis made it. */
function isDecision(q: { origin: string; reviewStatus: string; version: number }): boolean {
  return q.origin === "editor" || q.reviewStatus !== "suggested" || q.version > 1;
}

/**
 * Runs the analysis again over every stored article and regroups the
 * suggestions across the whole corpus, so that what an improved analyser finds
 * reaches what is already stored (a claim the old grouping chained together
 * splits; a phrase joins the sentence it invokes). Editor decisions are never
 * touched: confirmed, rejected, hand-made or edited quotes keep every field, and
 * the claims they are in keep them; an editor's confirmed quotes define their
 * claim's wording for the regrouping.
 *
 * Two passes, so memory is the claim index, not the corpus: the first analyses
 * article by article and spools the plan to a temporary file; then each group
 * is given a claim (the existing claim most of its quotes were in, else a new
 * draft), and the second pass writes one transaction per article. Draft claims
 * the analysis had made and that end up empty are deleted.
 */
export async function reanalyzeStoredArticles(
  prisma: PrismaClient,
  opts: { actorId: string | null; onArticle?: (done: number) => void } = { actorId: null },
): Promise<ReanalysisReport> {
  const ctx = await loadAnalysisContext(prisma);
  const resolveSpeaker = speakerResolver(ctx);
  const grouper = new ClaimGrouper();
  const report: ReanalysisReport = {
    articles: 0,
    quotes: { relinked: 0, speakersChanged: 0, added: 0, removed: 0, kept: 0 },
    claims: { created: 0, emptied: 0, removed: 0 },
  };

  // Editors' decisions first: their claims, worded by their confirmed quotes.
  const seeded = new Set<string>();
  for (let cursor: string | undefined; ; ) {
    const rows = await prisma.quote.findMany({
      where: {
        claimId: { not: null },
        kind: { not: "title" },
        reviewStatus: { not: "rejected" },
        OR: [{ origin: "editor" }, { reviewStatus: "confirmed" }, { version: { gt: 1 } }],
      },
      select: { id: true, exact: true, articleId: true, speakerId: true, claimId: true, documentKey: true, prefix: true, suffix: true, reviewStatus: true },
      orderBy: { id: "asc" },
      take: 5_000,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const row of rows) {
      grouper.seed(quoteForIndex(row, ctx.speakerKey), row.claimId!);
      seeded.add(row.claimId!);
    }
    if (rows.length < 5_000) break;
    cursor = rows[rows.length - 1].id;
  }

  const tmp = mkdtempSync(join(tmpdir(), "claimscope-reanalyze-"));
  try {
    // Pass 1: analyse and group, article by article; spool the plan.
    const spoolFile = join(tmp, "plan.jsonl");
    const spool = createWriteStream(spoolFile);
    const votes = new Map<number, Map<string, number>>();
    const lead = new Map<number, PlannedEntry>();
    const previousClaims = new Set<string>();
    for (let cursor: string | undefined; ; ) {
      const articles = await prisma.article.findMany({
        select: { id: true, body: true },
        orderBy: { id: "asc" },
        take: BATCH,
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      });
      for (const article of articles) {
        const planned = await planArticle(prisma, article, ctx, resolveSpeaker, grouper);
        for (const e of planned.entries) {
          if (e.oldClaimId) previousClaims.add(e.oldClaimId);
          if (e.claim === null) continue;
          const v = votes.get(e.claim) ?? new Map<string, number>();
          votes.set(e.claim, v);
          if (e.oldClaimId) v.set(e.oldClaimId, (v.get(e.oldClaimId) ?? 0) + 1);
          const l = lead.get(e.claim);
          if (e.claimable && (!l || e.q.exact.length > l.q.exact.length)) lead.set(e.claim, e);
        }
        for (const id of planned.staleClaims) previousClaims.add(id);
        if (!spool.write(JSON.stringify(planned.plan) + "\n")) await once(spool, "drain");
        report.articles++;
        opts.onArticle?.(report.articles);
      }
      if (articles.length < BATCH) break;
      cursor = articles[articles.length - 1].id;
    }
    spool.end();
    await once(spool, "close");

    // Each final group gets a claim: an editor's claim it was seeded from, else the existing
    // claim most of its quotes were in (biggest groups choose first), else a new draft. A group
    // with no statement (only fragments: lib/analysis/claim-statement.ts) founds no draft and
    // keeps no draft the analysis made; it keeps only a claim an editor has worked on.
    const finalVotes = new Map<number, Map<string, number>>();
    const finalLead = new Map<number, PlannedEntry>();
    for (const [c, v] of votes) {
      const f = grouper.find(c);
      const into = finalVotes.get(f) ?? new Map<string, number>();
      finalVotes.set(f, into);
      for (const [claimId, n] of v) into.set(claimId, (into.get(claimId) ?? 0) + n);
      const l = lead.get(c);
      const fl = finalLead.get(f);
      if (l && (!fl || l.q.exact.length > fl.q.exact.length)) finalLead.set(f, l);
    }
    const claimOf = new Map<number, string>();
    const taken = new Set<string>(seeded);
    for (const f of finalVotes.keys()) {
      const key = grouper.keyOf(f);
      if (seeded.has(key)) claimOf.set(f, key);
    }
    const previous = await prisma.claim.findMany({ where: { id: { in: [...previousClaims] } }, select: { ...UNTOUCHED_DRAFT_SELECT, id: true } });
    const existing = new Set(previous.map((c) => c.id));
    const machineDrafts = new Set(previous.filter((c) => isUntouchedDraft(c)).map((c) => c.id));
    const choices = [...finalVotes]
      .filter(([f]) => !claimOf.has(f))
      .flatMap(([f, v]) => [...v].map(([claimId, n]) => ({ f, claimId, n })))
      .sort((a, b) => b.n - a.n || a.claimId.localeCompare(b.claimId));
    for (const { f, claimId } of choices) {
      if (claimOf.has(f) || taken.has(claimId) || !existing.has(claimId)) continue;
      if (!finalLead.has(f) && machineDrafts.has(claimId)) continue;
      claimOf.set(f, claimId);
      taken.add(claimId);
    }

    // Pass 2: write, one transaction per article.
    for await (const line of createInterface({ input: createReadStream(spoolFile), crlfDelay: Infinity })) {
      if (!line) continue;
      const plan = JSON.parse(line) as PlannedArticle;
      const created = await writeArticle(prisma, plan, { grouper, claimOf, finalLead, actorId: opts.actorId, report });
      for (const [f, id] of created) claimOf.set(f, id);
    }

    // Claims this run left without quotes: the analysis's own drafts go, an editor's stay.
    const emptied = await prisma.claim.findMany({
      where: { id: { in: [...previousClaims] }, quotes: { none: {} } },
      select: { ...UNTOUCHED_DRAFT_SELECT, id: true },
    });
    for (const c of emptied) {
      if (!isUntouchedDraft(c) || seeded.has(c.id)) {
        report.claims.emptied++;
        continue;
      }
      await prisma.$transaction(async (tx) => {
        await tx.claim.delete({ where: { id: c.id } });
        await recordAudit(tx, { actorId: opts.actorId, entityType: "claim", entityId: c.id, action: "delete-empty-suggestion", after: null });
      });
      report.claims.removed++;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return report;
}

async function planArticle(
  prisma: PrismaClient,
  article: { id: string; body: string },
  ctx: Awaited<ReturnType<typeof loadAnalysisContext>>,
  resolveSpeaker: (q: AnalyzedQuote) => SpeakerRef | null,
  grouper: ClaimGrouper,
): Promise<{ plan: PlannedArticle; entries: PlannedEntry[]; staleClaims: string[] }> {
  // In a worker thread with the analysis budgets (lib/budgeted.ts), as at import.
  const { analysis, fidelity: fidelities, claimable } = await analyzeOffThread(ctx, article.body);
  const stored: StoredQuote[] = await prisma.quote.findMany({
    where: { articleId: article.id },
    select: { id: true, start: true, end: true, origin: true, reviewStatus: true, version: true, claimId: true, speakerId: true },
  });
  const bySpan = new Map(stored.map((s) => [`${s.start}:${s.end}`, s]));
  const seen = new Set<string>();
  const entries: PlannedEntry[] = [];
  const items: ClaimQuote[] = [];
  const itemEntry: number[] = [];
  const idOf = new Map<number, string>();
  let kept = 0;
  analysis.quotes.forEach((q, n) => {
    const span = `${q.start}:${q.end}`;
    seen.add(span);
    const s = bySpan.get(span);
    if (s && isDecision(s)) {
      kept++;
      return;
    }
    const fidelity = fidelities[n];
    const speakerRef = resolveSpeaker(q);
    const speakerKey = claimSpeakerKey(ctx, speakerRef);
    const { context: _context, ...rest } = q;
    void _context;
    entries.push({
      q: rest,
      fidelity,
      speakerRef,
      storedId: s?.id ?? null,
      oldClaimId: s?.claimId ?? null,
      oldSpeakerId: s?.speakerId ?? null,
      claim: null,
      score: null,
      via: null,
      claimable: claimable[n] ?? false,
    });
    if (q.kind === "title") return;
    const id = `${article.id}#${n}`;
    idOf.set(n, id);
    items.push(claimQuoteOf(q, id, article.id, fidelity, speakerKey));
    itemEntry.push(entries.length - 1);
  });
  const hints: ClaimHint[] = analysis.sameClaim
    .filter(([a, b]) => idOf.has(a) && idOf.has(b))
    .map(([a, b]) => ({ a: idOf.get(a)!, b: idOf.get(b)! }));
  grouper.addArticle(items, hints).forEach((g, k) => {
    const e = entries[itemEntry[k]];
    e.claim = g.claim;
    e.score = g.score;
    e.via = g.via;
  });
  const staleQuotes = stored.filter((s) => !seen.has(`${s.start}:${s.end}`));
  kept += staleQuotes.filter(isDecision).length;
  const stale = staleQuotes.filter((s) => !isDecision(s));
  return {
    plan: { articleId: article.id, entries, stale: stale.map((s) => s.id), kept },
    entries,
    staleClaims: stale.flatMap((s) => (s.claimId ? [s.claimId] : [])),
  };
}

async function writeArticle(
  prisma: PrismaClient,
  plan: PlannedArticle,
  run: { grouper: ClaimGrouper; claimOf: Map<number, string>; finalLead: Map<number, PlannedEntry>; actorId: string | null; report: ReanalysisReport },
): Promise<Map<number, string>> {
  const counts = { relinked: 0, speakersChanged: 0, added: 0, removed: 0, created: 0 };
  const created = await prisma.$transaction(
    async (tx) => {
      const made = new Map<number, string>();
      const speakerIds = await materialiseSpeakers(tx, plan.entries);
      for (const [i, e] of plan.entries.entries()) {
        let claimId: string | null = null;
        if (e.claim !== null) {
          const f = run.grouper.find(e.claim);
          claimId = run.claimOf.get(f) ?? made.get(f) ?? null;
          const l = run.finalLead.get(f);
          if (!claimId && l) {
            claimId = await createClaimFromAnalysis(tx, l.q.exact, l.fidelity, speakerIds[i], run.actorId);
            made.set(f, claimId);
            counts.created++;
          }
        }
        const fields = { ...analysedFields(e.q as AnalyzedQuote, e.fidelity), claimId, speakerId: speakerIds[i], matchScore: claimId ? e.score : null };
        if (e.storedId) {
          if (claimId !== e.oldClaimId) counts.relinked++;
          if (speakerIds[i] !== e.oldSpeakerId) counts.speakersChanged++;
          // Still a suggestion: its version stays 1 so it stays one.
          await tx.quote.update({ where: { id: e.storedId }, data: { ...fields, fidelityDiff: fields.fidelityDiff ?? Prisma.DbNull } });
        } else {
          await tx.quote.create({
            data: { ...fields, articleId: plan.articleId, exact: e.q.exact, start: e.q.start, end: e.q.end, origin: "extracted", reviewStatus: "suggested" },
          });
          counts.added++;
        }
      }
      if (plan.stale.length) counts.removed = (await tx.quote.deleteMany({ where: { id: { in: plan.stale } } })).count;
      await recordAudit(tx, {
        actorId: run.actorId,
        entityType: "article",
        entityId: plan.articleId,
        action: "reanalyse",
        after: { relinked: counts.relinked, added: counts.added, removed: counts.removed, kept: plan.kept, speakersChanged: counts.speakersChanged },
      });
      return made;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  const r = run.report;
  r.quotes.relinked += counts.relinked;
  r.quotes.speakersChanged += counts.speakersChanged;
  r.quotes.added += counts.added;
  r.quotes.removed += counts.removed;
  r.quotes.kept += plan.kept;
  r.claims.created += counts.created;
  return created;
}
