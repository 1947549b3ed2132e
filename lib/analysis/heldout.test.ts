// Floor scores on the held-out gold set (tests/fixtures/heldout): 15 articles
// written independently of the dev seeds, in the format of shared/eval/GOLD.md.
// The scorer below copies the rules of shared/eval/score.mjs (overlap ≥ 0.8
// after trimming white space and . , ; :, titles ignored, speaker names
// compared with "the " dropped, claim pairs across articles).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCorpus } from "./pipeline";
import { createSpeakerRegistry } from "./speakers";

const DIR = join(import.meta.dirname, "..", "..", "tests", "fixtures", "heldout");

interface GoldQuote { start: number; end: number; text: string; kind: string; speaker: string | null; claim: string | null }
interface PredQuote { start: number; end: number; speaker: string | null; claim: string | null }

const TRIM = /[\s.,;:]/;
function trimmed(body: string, start: number, end: number): [number, number] {
  while (start < end && TRIM.test(body[start])) start++;
  while (end > start && TRIM.test(body[end - 1])) end--;
  return [start, end];
}
function iou([a0, a1]: [number, number], [b0, b1]: [number, number]): number {
  const inter = Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
  const union = Math.max(a1, b1) - Math.min(a0, b0);
  return union > 0 ? inter / union : 0;
}
const norm = (s: string | null | undefined) => String(s ?? "").trim().toLowerCase().replace(/^the\s+/, "").replace(/\s+/g, " ");
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

function score(ids: string[], preds: Map<string, PredQuote[]>) {
  const speakers = JSON.parse(readFileSync(join(DIR, "speakers.json"), "utf8")) as { id: string; name: string; aliases?: string[] }[];
  const names = new Map(speakers.map((s) => [s.id, new Set([s.name, ...(s.aliases ?? [])].map(norm))]));
  let tp = 0, fp = 0, fn = 0, attrTotal = 0, attrRight = 0;
  const matched: { article: string; gold: string; pred: string | null }[] = [];
  for (const id of ids) {
    const body = readFileSync(join(DIR, `${id}.txt`), "utf8");
    const gold = (JSON.parse(readFileSync(join(DIR, `${id}.json`), "utf8")).quotes as GoldQuote[]).map((q) => ({ ...q, span: trimmed(body, q.start, q.end) }));
    const pred = (preds.get(id) ?? []).map((q) => ({ ...q, span: trimmed(body, q.start, q.end) }));
    const pairs: [number, number, number][] = [];
    gold.forEach((g, gi) => pred.forEach((p, pi) => {
      const o = iou(g.span, p.span);
      if (o >= 0.8) pairs.push([o, gi, pi]);
    }));
    pairs.sort((x, y) => y[0] - x[0]);
    const gUsed = new Set<number>(), pUsed = new Set<number>();
    for (const [, gi, pi] of pairs) {
      if (gUsed.has(gi) || pUsed.has(pi)) continue;
      gUsed.add(gi);
      pUsed.add(pi);
      const g = gold[gi], p = pred[pi];
      if (g.kind === "title") continue;
      tp++;
      if (g.speaker) {
        attrTotal++;
        if (names.get(g.speaker)?.has(norm(p.speaker))) attrRight++;
      }
      if (g.claim) matched.push({ article: id, gold: g.claim, pred: p.claim });
    }
    gold.forEach((g, gi) => { if (!gUsed.has(gi) && g.kind !== "title") fn++; });
    pred.forEach((p, pi) => {
      if (!pUsed.has(pi) && !gold.some((g) => g.kind === "title" && iou(g.span, p.span) >= 0.8)) fp++;
    });
  }
  let ptp = 0, pfp = 0, pfn = 0;
  for (let i = 0; i < matched.length; i++) for (let j = i + 1; j < matched.length; j++) {
    const a = matched[i], b = matched[j];
    if (a.article === b.article) continue;
    const same = a.gold === b.gold;
    const predSame = a.pred != null && a.pred === b.pred;
    if (same && predSame) ptp++;
    else if (predSame) pfp++;
    else if (same) pfn++;
  }
  const P = tp / (tp + fp || 1), R = tp / (tp + fn || 1);
  const CP = ptp / (ptp + pfp || 1), CR = ptp / (ptp + pfn || 1);
  return { extraction: f1(P, R), attribution: attrRight / (attrTotal || 1), claimsF1: f1(CP, CR), claimsPrecision: CP, goldPairs: ptp + pfn };
}

describe("held-out gold set", () => {
  const ids = readdirSync(DIR).filter((f) => f.endsWith(".json") && f !== "speakers.json" && f !== "claims.json").map((f) => f.slice(0, -5)).sort();
  const articles = ids.map((id) => ({ id, text: readFileSync(join(DIR, `${id}.txt`), "utf8") }));
  const result = analyzeCorpus(articles, { registry: createSpeakerRegistry() });
  const preds = new Map(result.articles.map((a) => [a.id, a.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speakerName, claim: q.claimKey }))]));
  const s = score(ids, preds);

  it("has enough material to mean something", () => {
    expect(ids.length).toBeGreaterThanOrEqual(12);
    expect(s.goldPairs).toBeGreaterThanOrEqual(20);
  });

  it("stays above its floors (measured 1.00 / 1.00 / 0.80 when set)", () => {
    expect(s.extraction).toBeGreaterThanOrEqual(0.95);
    expect(s.attribution).toBeGreaterThanOrEqual(0.9);
    expect(s.claimsF1).toBeGreaterThanOrEqual(0.75);
    expect(s.claimsPrecision).toBeGreaterThanOrEqual(0.9);
  });
});
