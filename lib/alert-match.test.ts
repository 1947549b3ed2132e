import { describe, expect, it } from "vitest";
import { matchRepeat } from "./alert-match";

const CLAIM = "Pakistan continued to serve as a safe haven for certain regionally focused terrorist groups";

describe("matchRepeat", () => {
  it.each([
    ["the same claim in new words", "Pakistan is still a haven for terrorist groups focused on the region", true],
    ["a longer rewording", "even now Pakistan is still a haven for terrorist groups whose attacks are focused on the region", true],
    ["the same words", CLAIM, true],
    ["another claim about the same country", "Pakistan took modest steps in 2019 to counter terror financing", false],
    ["a topic, not the claim", "Terrorist groups in the region were discussed at the summit", false],
    ["nothing in common", "The budget is balanced, the minister said", false],
  ])("%s", (_name, quote, expected) => {
    expect(Boolean(matchRepeat(CLAIM, quote))).toBe(expected);
  });

  it("scores a full repeat above a partial one, and says why", () => {
    const full = matchRepeat(CLAIM, CLAIM)!;
    const partial = matchRepeat(CLAIM, "Pakistan is still a haven for terrorist groups focused on the region")!;
    expect(full.score).toBe(1);
    expect(partial.score).toBeLessThan(full.score);
    expect(partial.score).toBeGreaterThan(0.7);
    expect(partial.reason).toMatch(/6 of its 6 content words/);
  });
});
