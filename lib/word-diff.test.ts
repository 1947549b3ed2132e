import { describe, expect, it } from "vitest";
import { diffStats, parseStoredDiff, wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it.each([
    { from: "a safe haven for groups", to: "a safe haven for groups", dropped: 0, added: 0 },
    { from: "continued to serve as a safe haven", to: "remains a safe haven", dropped: 4, added: 1 },
    { from: "a safe haven for certain groups", to: "a safe haven for groups", dropped: 1, added: 0 },
    { from: "safe haven", to: "safe harbor", dropped: 1, added: 1 },
    { from: "", to: "new words", dropped: 0, added: 2 },
  ])("$from → $to", ({ from, to, dropped, added }) => {
    const parts = wordDiff(from, to);
    expect(diffStats(parts)).toMatchObject({ dropped, added });
    // The diff rebuilds both texts.
    expect(parts.filter((p) => p.op !== "insert").map((p) => p.text).join("")).toBe(from);
    expect(parts.filter((p) => p.op !== "delete").map((p) => p.text).join("")).toBe(to);
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
