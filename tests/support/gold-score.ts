// Scores predictions against a gold folder the way shared/eval/score.mjs does (rules in
// shared/eval/GOLD.md): a prediction matches a gold quote when, after trimming white space
// and . , ; : from both ends, their overlap over their union is at least 0.8; titles are
// ignored; speaker names are compared case-insensitively with a leading "the " dropped;
// claim pairs are counted across articles. Used by the unit tests on the seeds, the
// held-out set and the field cases, so all of them agree with the command-line scorer.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { analyzeCorpus } from "../../lib/analysis/pipeline";
import { createSpeakerRegistry } from "../../lib/analysis/speakers";

export interface PredictedQuote {
  start: number;
  end: number;
  kind?: string;
  speaker: string | null;
  claim: string | null;
}

interface GoldQuote {
  start: number;
  end: number;
  text: string;
  kind: string;
  speaker: string | null;
  claim: string | null;
}

export interface GoldScore {
  extraction: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number; titled: number };
  attribution: { accuracy: number; right: number; total: number; named: number; wrongNamed: number; wrongNameRate: number };
  claims: { precision: number; recall: number; f1: number; pairs: number };
  /** One line per miss, extra or wrong speaker, for test failure messages. */
  problems: string[];
}

const TRIM = /[\s.,;:]/;
function trimmed(body: string, start: number, end: number): [number, number] {
  while (start < end && TRIM.test(body[start])) start++;
  while (end > start && TRIM.test(body[end - 1])) end--;
  return [start, end];
}

export function overlap([a0, a1]: [number, number], [b0, b1]: [number, number]): number {
  const inter = Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
  const union = Math.max(a1, b1) - Math.min(a0, b0);
  return union > 0 ? inter / union : 0;
}

/** Speaker-name comparison of GOLD.md: case-insensitive, leading "the " dropped. */
export const normSpeaker = (s: string | null | undefined) => String(s ?? "").trim().toLowerCase().replace(/^the\s+/, "").replace(/\s+/g, " ");

const ratio = (a: number, b: number) => (b ? a / b : 0);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** Article ids of a gold folder: every <id>.json but speakers.json and claims.json. */
export function goldIds(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && f !== "speakers.json" && f !== "claims.json")
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Runs the analysis over a gold folder's texts (built-in registry), as `npm run analyze` does. */
export function predictFolder(dir: string): Map<string, PredictedQuote[]> {
  const articles = goldIds(dir).map((id) => ({ id, text: readFileSync(join(dir, `${id}.txt`), "utf8") }));
  const result = analyzeCorpus(articles, { registry: createSpeakerRegistry() });
  return new Map(result.articles.map((a) => [a.id, a.quotes.map((q) => ({ start: q.start, end: q.end, kind: q.kind, speaker: q.speakerName, claim: q.claimKey }))]));
}

export function scoreGold(dir: string, preds: Map<string, PredictedQuote[]>): GoldScore {
  const speakers = JSON.parse(readFileSync(join(dir, "speakers.json"), "utf8")) as { id: string; name: string; aliases?: string[] }[];
  const names = new Map(speakers.map((s) => [s.id, new Set([s.name, ...(s.aliases ?? [])].map(normSpeaker))]));
  let tp = 0, fp = 0, fn = 0, attrTotal = 0, attrRight = 0, named = 0, wrongNamed = 0, titled = 0;
  const matched: { article: string; gold: string; pred: string | null }[] = [];
  const problems: string[] = [];
  for (const id of goldIds(dir)) {
    const body = readFileSync(join(dir, `${id}.txt`), "utf8");
    const gold = (JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8")).quotes as GoldQuote[]).map((q) => ({ ...q, span: trimmed(body, q.start, q.end) }));
    const pred = (preds.get(id) ?? []).map((q) => ({ ...q, span: trimmed(body, q.start, q.end) }));
    const pairs: [number, number, number][] = [];
    gold.forEach((g, gi) => pred.forEach((p, pi) => {
      const o = overlap(g.span, p.span);
      if (o >= 0.8) pairs.push([o, gi, pi]);
    }));
    pairs.sort((x, y) => y[0] - x[0]);
    const gUsed = new Set<number>();
    const pUsed = new Set<number>();
    for (const [, gi, pi] of pairs) {
      if (gUsed.has(gi) || pUsed.has(pi)) continue;
      gUsed.add(gi);
      pUsed.add(pi);
      const g = gold[gi];
      const p = pred[pi];
      if (g.kind === "title") continue;
      tp++;
      if (p.kind === "title") {
        titled++;
        problems.push(`${id}: typed title "${g.text.slice(0, 60)}"`);
      }
      const right = !!g.speaker && !!names.get(g.speaker)?.has(normSpeaker(p.speaker));
      if (p.speaker) {
        named++;
        if (!right) wrongNamed++;
      }
      if (g.speaker) {
        attrTotal++;
        if (right) attrRight++;
      }
      if (!right && (g.speaker || p.speaker)) problems.push(`${id}: "${g.text.slice(0, 60)}" gold=${g.speaker} got=${p.speaker}`);
      if (g.claim) matched.push({ article: id, gold: g.claim, pred: p.claim });
    }
    gold.forEach((g, gi) => {
      if (gUsed.has(gi) || g.kind === "title") return;
      fn++;
      problems.push(`${id}: missed "${g.text.slice(0, 60)}"`);
    });
    pred.forEach((p, pi) => {
      if (pUsed.has(pi) || gold.some((g) => g.kind === "title" && overlap(g.span, p.span) >= 0.8)) return;
      fp++;
      problems.push(`${id}: extra "${body.slice(p.start, p.end).slice(0, 60)}"`);
    });
  }
  let ptp = 0, pfp = 0, pfn = 0;
  for (let i = 0; i < matched.length; i++) {
    for (let j = i + 1; j < matched.length; j++) {
      const a = matched[i];
      const b = matched[j];
      if (a.article === b.article) continue;
      const same = a.gold === b.gold;
      const predSame = a.pred != null && a.pred === b.pred;
      if (same && predSame) ptp++;
      else if (predSame) pfp++;
      else if (same) pfn++;
    }
  }
  const P = ratio(tp, tp + fp);
  const R = ratio(tp, tp + fn);
  const CP = ratio(ptp, ptp + pfp);
  const CR = ratio(ptp, ptp + pfn);
  return {
    extraction: { precision: P, recall: R, f1: f1(P, R), tp, fp, fn, titled },
    attribution: { accuracy: ratio(attrRight, attrTotal), right: attrRight, total: attrTotal, named, wrongNamed, wrongNameRate: ratio(wrongNamed, named) },
    claims: { precision: CP, recall: CR, f1: f1(CP, CR), pairs: ptp + pfn },
    problems,
  };
}
