import { describe, expect, it } from "vitest";
import { diffStats, parseStoredDiff, printedText, wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it.each([
    { from: "a safe haven for groups", to: "a safe haven for groups", dropped: 0, added: 0 },
    { from: "continued to serve as a safe haven", to: "remains a safe haven", dropped: 4, added: 1 },
    { from: "a safe haven for certain groups", to: "a safe haven for groups", dropped: 1, added: 0 },
    { from: "safe haven", to: "safe harbor", dropped: 1, added: 1 },
    { from: "", to: "new words", dropped: 0, added: 2 },
    { from: "Pakistan continued to serve as a safe haven.", to: "Safe Haven", dropped: 6, added: 0 },
    { from: "the network attacked", to: "the [Haqqani] network attacked", dropped: 0, added: 0 },
  ])("$from → $to", ({ from, to, dropped, added }) => {
    const parts = wordDiff(from, to);
    expect(diffStats(parts)).toMatchObject({ dropped, added });
    // The outlet's wording is drawn exactly as printed.
    expect(printedText(parts)).toBe(to);
  });

  it("compares normalised words but draws the outlet's case, spacing and punctuation", () => {
    const source = "Pakistan continued to serve as a safe haven for certain regionally focused terrorist groups.";
    const quote = "Pakistan remained a safe harbor for other regionally  focused terrorist groups,";
    const parts = wordDiff(source, quote);
    expect(printedText(parts)).toBe(quote);
    expect(parts.filter((p) => p.op === "insert").map((p) => p.text.trim())).toEqual(["remained", "harbor", "other"]);
    expect(parts.filter((p) => p.op === "delete").map((p) => p.text.trim())).toEqual(["continued to serve as", "haven", "certain"]);
    // Words never run together, capitals are kept.
    const drawn = parts.map((p) => p.text).join("|");
    expect(drawn).not.toMatch(/harborfor|otherregionally/);
    expect(drawn).toContain("Pakistan");
  });

  it("a change of case or typography is no change of words", () => {
    expect(wordDiff("Pakistan’s safe haven", "PAKISTAN'S SAFE HAVEN")).toEqual([{ op: "equal", text: "PAKISTAN'S SAFE HAVEN" }]);
  });
});

describe("parseStoredDiff", () => {
  it.each([
    { value: [{ op: "equal", text: "a" }, { op: "insert", text: "b" }], ok: true },
    { value: [], ok: false },
    { value: null, ok: false },
    { value: [{ op: "replace", text: "a" }], ok: false },
    { value: [{ op: "equal", text: 3 }], ok: false },
    { value: "equal", ok: false },
  ])("$value", ({ value, ok }) => {
    expect(parseStoredDiff(value) !== null).toBe(ok);
  });
});
