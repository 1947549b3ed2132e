import { describe, expect, it } from "vitest";
import { checkFidelity, indexSources } from "./fidelity";
import { wordDiff } from "./word-diff";

const SOURCE = [
  "Country Report on Terrorism - Pakistan",
  "",
  "Overview: Pakistan continued to serve as a safe haven for certain regionally focused terrorist groups. " +
    "It allowed groups targeting Afghanistan, including the Afghan Taliban and affiliated HQN, to operate from its territory. " +
    "The Pakistani government also played a constructive role in U.S.-Taliban talks in 2019.",
].join("\n");
const index = indexSources([{ id: "crt", text: SOURCE }]);

describe("checkFidelity", () => {
  it.each([
    ["whole sentence", "It allowed groups targeting Afghanistan, including the Afghan Taliban and affiliated HQN, to operate from its territory.", "verbatim"],
    ["clause after a colon, punctuation changed", "Pakistan continued to serve as a safe haven for certain regionally focused terrorist groups,", "verbatim"],
    ["bracketed insertion", "It allowed groups targeting Afghanistan, including the Afghan Taliban and affiliated HQN [Haqqani Network], to operate from its territory.", "verbatim"],
    ["phrase", "safe haven", "trimmed"],
    ["ellipsis", "It allowed groups targeting Afghanistan … to operate from its territory.", "trimmed"],
    ["words changed", "Pakistan remained a safe harbor for other regionally focused terrorist groups,", "altered"],
    ["words dropped without an ellipsis", "It allowed groups targeting Afghanistan to operate from its territory.", "altered"],
    ["not in the source", "We reject any insinuation about any safe haven.", "not_found"],
  ])("%s → %s", (_name, quote, status) => {
    expect(checkFidelity(quote, index).status).toBe(status);
  });

  it("locates the passage and returns the word diff for an altered quote", () => {
    const r = checkFidelity("Pakistan remained a safe harbor for other regionally focused terrorist groups,", index);
    expect(r.sourceId).toBe("crt");
    expect(SOURCE.slice(r.sourceStart, r.sourceEnd)).toContain("safe haven for certain regionally focused terrorist groups");
    expect(r.ops).toContainEqual({ op: "insert", text: "harbor" });
    expect(r.ops).toContainEqual({ op: "delete", text: "haven" });
    expect(r.coverage).toBeGreaterThan(0.5);
  });

  it("reports bracketed insertions", () => {
    const r = checkFidelity("affiliated HQN [Haqqani Network], to operate", index);
    expect(r.insertions).toEqual(["Haqqani Network"]);
    expect(r.status).toBe("trimmed");
  });
});

// One word diff (./word-diff.ts), source first: the framing matrix, alerts and ingest draw it.
describe("wordDiff", () => {
  it("marks dropped and added words, ignoring case and punctuation", () => {
    expect(wordDiff("pakistan remained a safe haven.", "Pakistan remained a safe harbor,")).toEqual([
      { op: "equal", text: "Pakistan remained a safe" },
      { op: "delete", text: " haven" },
      { op: "insert", text: " harbor," },
    ]);
  });

  it("returns one equal run for identical wording", () => {
    expect(wordDiff("we are disappointed", "We are disappointed")).toEqual([{ op: "equal", text: "We are disappointed" }]);
  });
});
