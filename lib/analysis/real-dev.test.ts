// Floor scores on the real-news development set (tests/fixtures/real/dev: 26 articles from 25
// web sites on three stories, labelled before the analyser was run on them), scored by the rules
// of shared/eval/score.mjs (tests/support/gold-score.ts). The holdout beside it is never scored
// by a test: it is scored once, by hand, at the end of a round of work.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { predictFolder, scoreGold } from "../../tests/support/gold-score";

const DIR = join(import.meta.dirname, "..", "..", "tests", "fixtures", "real", "dev");

describe("real-news development set", () => {
  const s = scoreGold(DIR, predictFolder(DIR));

  // Issue 12's targets are .97 / .90 / .85 and at most 3% wrong names; the floors sit between
  // them and what was measured (1.00 / .958 / .946, 0.0% wrong names), so a regression shows.
  it("stays above its floors (measured 1.00 / 0.958 / 0.946, wrong names 0.0%)", () => {
    expect(s.extraction.f1).toBeGreaterThanOrEqual(0.97);
    expect(s.attribution.accuracy).toBeGreaterThanOrEqual(0.93);
    expect(s.attribution.wrongNameRate).toBeLessThanOrEqual(0.03);
    expect(s.claims.f1).toBeGreaterThanOrEqual(0.9);
  });
});
