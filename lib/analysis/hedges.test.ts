import { describe, expect, it } from "vitest";
import { findHedges, hedgesIn } from "./hedges";

describe("hedges", () => {
  it.each([
    ["Pakistan still seen as a haven", ["still", "seen as"]],
    ["the allegedly forged letter", ["allegedly"]],
    ["it reportedly claimed the attack", ["reportedly", "claimed"]],
    ["the minister said", []],
  ])("%s", (text, expected) => {
    expect(findHedges(text, 0, text.length)).toEqual(expected);
  });

  it("ignores words inside quoted ranges", () => {
    const text = "He said “we allegedly won” yesterday";
    expect(findHedges(text, 0, text.length, [[8, 26]])).toEqual([]);
  });

  it("matches multi-word hedges on split words", () => {
    expect(hedgesIn(["widely", "believed", "to"])).toEqual(["widely believed"]);
  });
});
