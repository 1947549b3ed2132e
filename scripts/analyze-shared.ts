// What scripts/analyze.ts and its worker threads (scripts/analyze-worker.ts) exchange.

import type { ClaimSlots, PreparedArticle } from "../lib/analysis/pipeline";

/** One article to analyse: its number in the folder's order, id and file. */
export interface AnalyzeTask {
  n: number;
  id: string;
  path: string;
}

/** A quote with only the fields the CLI prints, and the slots grouping fills. */
export interface SlimQuote extends ClaimSlots {
  start: number;
  end: number;
  kind: string;
  speakerName: string | null;
  cue: string | null;
  verb: string | null;
  fidelity: { status: string } | null;
}

export interface AnalyzeResult {
  n: number;
  bytes: number;
  article: PreparedArticle<SlimQuote>;
}

/** A prepared article with its quotes slimmed to SlimQuote (less to copy between threads). */
export function slimArticle(a: PreparedArticle): PreparedArticle<SlimQuote> {
  return {
    ...a,
    quotes: a.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      kind: q.kind,
      speakerName: q.speakerName,
      cue: q.cue,
      verb: q.verb,
      fidelity: q.fidelity ? { status: q.fidelity.status } : null,
      claim: null,
      claimScore: null,
      claimVia: null,
      claimLinkedTo: null,
    })),
  };
}
