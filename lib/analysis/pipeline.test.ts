import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeArticle, analyzeCorpus } from "./pipeline";
import { createSpeakerRegistry } from "./speakers";

const registry = createSpeakerRegistry();
const FIXTURES = join(import.meta.dirname, "fixtures");

describe("analyzeArticle", () => {
  it("returns exact offsets with W3C-style prefix and suffix", () => {
    const text = "Minister Rejects Report\n\n“We reject any insinuation,” the Pakistani foreign office said on Thursday.";
    const { quotes, paragraphCount } = analyzeArticle(text, { registry });
    expect(paragraphCount).toBe(2);
    expect(quotes).toHaveLength(1);
    const q = quotes[0];
    expect(text.slice(q.start, q.end)).toBe(q.exact);
    expect(q.exact).toBe("We reject any insinuation,");
    expect(q.prefix).toBe("Minister Rejects Report\n\n“");
    expect(q.suffix).toBe("” the Pakistani foreign office s");
    expect(q).toMatchObject({
      kind: "statement", speakerId: "pak-mofa", speakerName: "Ministry of Foreign Affairs of Pakistan",
      cue: "the Pakistani foreign office said", verb: "said", paragraphIndex: 1, inHeadline: false, attribution: "direct",
    });
  });

  it("headline quotes count, and headline: false ignores them", () => {
    const text = "Pakistan a ‘safe haven’: U.S. State Department\n\nNo quotes in the body.";
    expect(analyzeArticle(text, { registry }).quotes.map((q) => [q.exact, q.inHeadline])).toEqual([["safe haven", true]]);
    expect(analyzeArticle(text, { registry, headline: false }).quotes).toEqual([]);
  });

  it("works on straight quotes only", () => {
    const text = 'Talks End\n\n"We made progress," said the U.N. envoy. "More talks are needed."';
    const qs = analyzeArticle(text, { registry }).quotes;
    expect(qs.map((q) => q.exact)).toEqual(["We made progress,", "More talks are needed."]);
    expect(qs.map((q) => q.speakerName)).toEqual(["United Nations", "United Nations"]); // an unnamed envoy speaks for the body
  });

  it("handles em dashes and text without quotes", () => {
    const qs = analyzeArticle("Storm\n\nThe answer—“never again”—came from the mayor, who said it twice.", { registry }).quotes;
    expect(qs.map((q) => q.exact)).toEqual(["never again"]);
    expect(analyzeArticle("Storm\n\nNobody was quoted in this story.", { registry }).quotes).toEqual([]);
    expect(analyzeArticle("", { registry }).quotes).toEqual([]);
  });

  it("handles RTL text with guillemets", () => {
    const text = "عنوان الخبر\n\nوقال الوزير «لن نسمح بذلك» أمس.";
    const [q] = analyzeArticle(text, { registry }).quotes;
    expect(q.exact).toBe("لن نسمح بذلك");
    expect(text.slice(q.start, q.end)).toBe(q.exact);
  });

  it("links the two paragraphs of a quotation left open", () => {
    const text = "Head\n\n“The first part goes on\n\n“and ends here,” the minister said.";
    const res = analyzeArticle(text, { registry });
    expect(res.quotes.map((q) => [q.continuesNext, q.continuesPrev])).toEqual([[true, false], [false, true]]);
    expect(res.sameClaim).toContainEqual([0, 1]);
  });
});

// Dev-set regression: the scoring rules of shared/eval/score.mjs on the seed
// texts copied into fixtures/ (labels in fixtures/gold/).
describe("dev set (seeds)", () => {
  const ids = readdirSync(join(FIXTURES, "gold")).filter((f) => !["speakers.json", "claims.json"].includes(f)).map((f) => f.slice(0, -5)).sort();
  const texts = ids.map((id) => ({ id, text: readFileSync(join(FIXTURES, `${id}.txt`), "utf8") }));
  const primary = [{ id: "crt2019-pakistan", text: readFileSync(join(FIXTURES, "primary-crt2019-pakistan.txt"), "utf8") }];
  const result = analyzeCorpus(texts, { registry, primary });
  const speakers: { id: string; name: string; aliases: string[] }[] = JSON.parse(readFileSync(join(FIXTURES, "gold", "speakers.json"), "utf8"));
  const norm = (s: string | null) => String(s ?? "").trim().toLowerCase().replace(/^the\s+/, "").replace(/\s+/g, " ");
  const names = new Map(speakers.map((s) => [s.id, new Set([s.name, ...s.aliases].map(norm))]));
  const trim = (body: string, a: number, b: number) => {
    while (a < b && /[\s.,;:]/.test(body[a])) a++;
    while (b > a && /[\s.,;:]/.test(body[b - 1])) b--;
    return [a, b];
  };
  let tp = 0, fp = 0, fn = 0, attrRight = 0, attrTotal = 0;
  const matched: { article: string; gold: string; pred: string | null }[] = [];
  for (const { id, text } of texts) {
    const gold = JSON.parse(readFileSync(join(FIXTURES, "gold", `${id}.json`), "utf8")).quotes as {
      start: number; end: number; kind: string; speaker: string | null; claim: string | null;
    }[];
    const preds = result.articles.find((a) => a.id === id)!.quotes;
    const used = new Set<number>();
    for (const g of gold) {
      const [g0, g1] = trim(text, g.start, g.end);
      const pi = preds.findIndex((p, i) => {
        if (used.has(i)) return false;
        const [p0, p1] = trim(text, p.start, p.end);
        return Math.max(0, Math.min(g1, p1) - Math.max(g0, p0)) / (Math.max(g1, p1) - Math.min(g0, p0)) >= 0.8;
      });
      if (pi >= 0) used.add(pi);
      if (g.kind === "title") continue;
      if (pi < 0) { fn++; continue; }
      tp++;
      if (g.speaker) {
        attrTotal++;
        if (names.get(g.speaker)!.has(norm(preds[pi].speakerName))) attrRight++;
      }
      if (g.claim) matched.push({ article: id, gold: g.claim, pred: preds[pi].claimKey });
    }
    fp += preds.filter((_, i) => !used.has(i)).length;
  }
  let ptp = 0, pfp = 0, pfn = 0;
  for (let i = 0; i < matched.length; i++) for (let j = i + 1; j < matched.length; j++) {
    const a = matched[i], b = matched[j];
    if (a.article === b.article) continue;
    const same = a.gold === b.gold, predSame = a.pred !== null && a.pred === b.pred;
    if (same && predSame) ptp++; else if (predSame) pfp++; else if (same) pfn++;
  }
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

  it("extraction F1 ≥ 0.97", () => {
    expect(f1(tp / (tp + fp), tp / (tp + fn))).toBeGreaterThanOrEqual(0.97);
  });
  it("attribution ≥ 0.92", () => {
    expect(attrRight / attrTotal).toBeGreaterThanOrEqual(0.92);
  });
  it("claim pairs F1 ≥ 0.90", () => {
    expect(f1(ptp / (ptp + pfp || 1), ptp / (ptp + pfn))).toBeGreaterThanOrEqual(0.9);
  });
  it("titles carry no claim and fidelity is set against the primary source", () => {
    const all = result.articles.flatMap((a) => a.quotes);
    expect(all.filter((q) => q.kind === "title").every((q) => q.claimKey === null && q.fidelity === null)).toBe(true);
    const haven = all.find((q) => q.exact.startsWith("Pakistan continued to serve as a safe haven"))!;
    expect(haven.fidelity?.status).toBe("verbatim");
  });
});
