// Field cases of claim grouping (tests/fixtures/cases/analysis/examples.json, copied from
// shared/eval/cases/analysis): the C kinds, and the claim part of T1. Each names quotes by
// their words ("articleId: words"); `sameClaim` groups must share one claim, `differentClaim`
// pairs must not. The same kinds are also checked on texts that are not in this folder, so
// nothing here may be special-cased in the code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeCorpus, type CorpusQuote } from "./pipeline";
import { createSpeakerRegistry } from "./speakers";

interface Example {
  kind: string;
  title: string;
  articles: { id: string; text: string }[];
  sameClaim?: string[][];
  differentClaim?: string[][];
  right: string;
}

// Cases that do not hold yet run as `it.fails`, so the suite turns red the moment one starts
// to hold and must be moved out of this list (a ratchet, not a skip).
const PENDING = new Set<string>([]);

const FILE = join(import.meta.dirname, "..", "..", "tests", "fixtures", "cases", "analysis", "examples.json");
const examples = (JSON.parse(readFileSync(FILE, "utf8")) as Example[]).filter((e) => e.sameClaim || e.differentClaim);

/** Trims white space and . , ; : from both ends, as score.mjs does. */
function trim(s: string): string {
  const edge = (c: string) => /[\s.,;:]/.test(c);
  let a = 0;
  let b = s.length;
  while (a < b && edge(s[a])) a++;
  while (b > a && edge(s[b - 1])) b--;
  return s.slice(a, b);
}

/** The quote an "articleId: words" reference names. */
function quoteFor(ref: string, byArticle: Map<string, CorpusQuote[]>): CorpusQuote | undefined {
  const [id, ...rest] = ref.split(": ");
  const words = trim(rest.join(": "));
  return byArticle.get(id)?.find((q) => trim(q.exact) === words);
}

describe("field cases: claim grouping (examples.json)", () => {
  const registry = createSpeakerRegistry();
  it("has every C kind", () => {
    expect(examples.map((e) => e.kind).sort()).toEqual(["C1", "C2", "C3", "C4", "C5", "C7", "C8", "T1"]);
  });

  for (const ex of examples) {
    (PENDING.has(ex.kind) ? it.fails : it)(`${ex.kind} ${ex.title}`, () => {
      const res = analyzeCorpus(ex.articles, { registry });
      const byArticle = new Map(res.articles.map((a) => [a.id, a.quotes]));
      const problems: string[] = [];
      const claimOf = (ref: string) => {
        const q = quoteFor(ref, byArticle);
        if (!q) problems.push(`not found: ${ref}`);
        return q?.claimKey ?? null;
      };
      for (const group of ex.sameClaim ?? []) {
        const keys = group.map(claimOf);
        if (keys.some((k) => k === null) || new Set(keys).size !== 1) problems.push(`not one claim: ${group.join(" | ")} → ${keys.join(" | ")}`);
      }
      for (const [a, b] of ex.differentClaim ?? []) {
        const [ka, kb] = [claimOf(a), claimOf(b)];
        if (ka !== null && ka === kb) problems.push(`one claim, should be two: ${a} | ${b}`);
      }
      expect(problems, ex.right).toEqual([]);
    });
  }
});
