import { describe, expect, it } from "vitest";
import { splitHighlights, START_SEL as S, STOP_SEL as E } from "./search-highlight";

describe("splitHighlights", () => {
  it.each([
    { input: "plain text", out: [{ text: "plain text", mark: false }] },
    { input: `a ${S}safe${E} place`, out: [{ text: "a ", mark: false }, { text: "safe", mark: true }, { text: " place", mark: false }] },
    { input: `${S}safe${E} ${S}haven${E}.`, out: [{ text: "safe haven", mark: true }, { text: ".", mark: false }] },
    { input: `<b>${S}x${E}</b>`, out: [{ text: "<b>", mark: false }, { text: "x", mark: true }, { text: "</b>", mark: false }] },
    { input: "", out: [] },
  ])("$input", ({ input, out }) => {
    expect(splitHighlights(input)).toEqual(out);
  });
});
