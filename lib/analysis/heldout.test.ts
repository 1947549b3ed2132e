// Floor scores on the held-out gold set (tests/fixtures/heldout): 15 articles
// written independently of the dev seeds, in the format of shared/eval/GOLD.md,
// scored by the rules of shared/eval/score.mjs (tests/support/gold-score.ts).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { goldIds, predictFolder, scoreGold } from "../../tests/support/gold-score";

const DIR = join(import.meta.dirname, "..", "..", "tests", "fixtures", "heldout");

describe("held-out gold set", () => {
  const s = scoreGold(DIR, predictFolder(DIR));

  it("has enough material to mean something", () => {
    expect(goldIds(DIR).length).toBeGreaterThanOrEqual(12);
    expect(s.claims.pairs).toBeGreaterThanOrEqual(20);
  });

  // Claims floor: 0.80 when set; 0.75 since claim grouping stopped chaining (issue 12). Two of the
  // pairs lost follow the rule the field cases fix (a fragment of a quote's second sentence is not
  // the claim of its first), one an unknown speaker's three-word phrase with nothing else in common.
  it("stays above its floors (measured 1.00 / 1.00 / 0.75)", () => {
    expect(s.extraction.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.attribution.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.claims.f1).toBeGreaterThanOrEqual(0.74);
    expect(s.claims.precision).toBeGreaterThanOrEqual(0.9);
  });
});
