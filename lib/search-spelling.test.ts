import { describe, expect, it } from "vitest";
import { applyCorrections, editDistance, queryWords, rankCandidates, wordsToLookUp } from "./search-spelling";

describe("editDistance", () => {
  it.each([
    ["haven", "haven", 0],
    ["havn", "haven", 1], // dropped
    ["haaven", "haven", 1], // doubled
    ["hvaen", "haven", 1], // swapped neighbours
    ["havan", "haven", 1], // replaced
    ["goverment", "government", 1],
    ["teh", "the", 1],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["café", "cafe", 1], // by code point, not by UTF-16 unit
  ])("%s → %s: %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe("queryWords", () => {
  it.each([
    { q: "safe havn", words: ["safe", "havn"] },
    { q: '"Safe Havn" -pakistan', words: ["safe", "havn", "pakistan"] },
    { q: "a to of 2019 u.s.", words: [] }, // too short, digits
    { q: "!!! ???", words: [] },
    { q: "x".repeat(41) + " haven", words: ["haven"] }, // a 41-letter run is no word
    { q: "Müller’s naïve", words: ["müller", "naïve"] },
  ])("$q", ({ q, words }) => {
    expect(queryWords(q).map((w) => w.word)).toEqual(words);
  });

  it("keeps positions in the query", () => {
    const q = '"Safe Havn" or sanctury';
    for (const w of queryWords(q)) expect(q.slice(w.start, w.end).toLowerCase()).toBe(w.word);
  });

  it("looks up each word once, at most eight", () => {
    expect(wordsToLookUp(queryWords("haven haven havn"))).toEqual(["haven", "havn"]);
    expect(wordsToLookUp(queryWords("one two six ten abc def ghi jkl mno pqr"))).toHaveLength(8);
  });
});

describe("rankCandidates", () => {
  it.each([
    {
      name: "fewest edits first",
      typed: "havn",
      candidates: [
        { word: "hover", similarity: 0.2 },
        { word: "haven", similarity: 0.38 },
        { word: "havens", similarity: 0.3 },
      ],
      out: ["haven"],
    },
    {
      name: "equal edits: the more similar, then alphabetical",
      typed: "sanctury",
      candidates: [
        { word: "sanctum", similarity: 0.3 },
        { word: "sanctuary", similarity: 0.6 },
      ],
      out: ["sanctuary", "sanctum"],
    },
    { name: "never the typed word itself", typed: "haven", candidates: [{ word: "haven", similarity: 1 }, { word: "raven", similarity: 0.5 }], out: ["raven"] },
    { name: "short words: one edit only", typed: "cat", candidates: [{ word: "cut", similarity: 0.2 }, { word: "cast", similarity: 0.3 }, { word: "dog", similarity: 0 }], out: ["cast", "cut"] },
    { name: "nothing close", typed: "zzzzzz", candidates: [{ word: "haven", similarity: 0 }], out: [] },
  ])("$name", ({ typed, candidates, out }) => {
    expect(rankCandidates(typed, candidates)).toEqual(out);
  });
});

describe("applyCorrections", () => {
  it.each([
    { q: "safe havn", map: { havn: "haven" }, out: "safe haven" },
    { q: '"Safe Havn" -Pakistn', map: { havn: "haven", pakistn: "pakistan" }, out: '"Safe haven" -pakistan' },
    { q: "havn or havn", map: { havn: "haven" }, out: "haven or haven" },
    { q: "safe haven", map: {}, out: "safe haven" },
  ])("$q", ({ q, map, out }) => {
    expect(applyCorrections(q, queryWords(q), new Map(Object.entries(map)))).toBe(out);
  });
});
