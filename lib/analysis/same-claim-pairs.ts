// Within one article: whether a quote's cue sits in the quote's own clause (so the quote is
// directly attributed), and which quotes share a claim by their position alone.

import type { Attribution } from "./attribution";
import type { AnalyzedQuote } from "./pipeline";

/** Whether the cue sits in the quote's own clause (not across a comma-separated other clause). */
export function cueInClause(text: string, open: number, close: number, a: Attribution): boolean {
  if (a.cueStart < 0) return false;
  if (a.cueStart >= close) {
    // "“…,” X said" or a trailing "…, X said": the cue governs what precedes it.
    const gap = text.slice(close + 1, a.cueStart);
    return !/;/.test(gap) && (gap.length < 6 || /,\s*$/.test(gap));
  }
  // "According to the report, X faces “…”": the comma closing the cue does not end its clause.
  const gap = text.slice(a.cueEnd, open);
  return open - a.cueEnd < 60 && !/[,;]/.test(/^according/i.test(a.verb ?? "") ? gap.replace(/^\s*,/, "") : gap);
}

/**
 * Quotes that share a claim by position: a quotation continued across
 * paragraphs, a sentence split by its attribution (“After the fall …,”
 * according to State, “Jalaluddin retreated …”), and the same words quoted
 * twice. Two quotes that merely share an article sentence are not paired: they
 * may invoke two different assertions (claim matching judges each on its own).
 */
export function sameClaimPairs(text: string, quotes: AnalyzedQuote[], attrs: Attribution[], normText: string[]): [number, number][] {
  const pairs: [number, number][] = [];
  const sameSpeaker = (i: number, j: number) => quotes[i].speakerKey === quotes[j].speakerKey;
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i];
    if (q.kind === "title") continue;
    if (q.continuesPrev && i > 0) pairs.push([i - 1, i]);
    for (let j = i + 1; j < quotes.length; j++) {
      const r = quotes[j];
      if (r.kind === "title" || q.label !== r.label || !sameSpeaker(i, j)) continue;
      if (normText[i] && normText[i] === normText[j]) {
        pairs.push([i, j]);
        continue;
      }
      if (j !== i + 1 || attrs[i].sentenceIndex !== attrs[j].sentenceIndex) continue;
      // Phrases lifted from one sentence, or a sentence split by its cue.
      const gap = text.slice(q.end, r.start).replace(/[\s,.;:“”"‘’'«»]/g, " ").trim().replace(/\s+/g, " ");
      const cues = [attrs[i].cue, attrs[j].cue].filter(Boolean).map((c) => c!.replace(/[\s,.;:]+/g, " ").trim());
      const splitByCue = /,\s*$/.test(q.exact) && (gap === "" || cues.includes(gap));
      if (splitByCue) pairs.push([i, j]);
    }
  }
  return pairs;
}
