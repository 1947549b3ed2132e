import { describe, expect, it } from "vitest";
import { reanchor, reanchorAll } from "./reanchor";
import { describeSpan, fromCodePointOffset, toCodePointOffset, toSelectors } from "./selectors";

const original =
  "Pakistan still safe harbor\n\nThe report said Pakistan “continued to serve as a safe haven” for regionally focused terrorist groups. " +
  "Officials rejected the finding. The report also said Afghanistan took “modest steps” against militants.";

function anchorOf(text: string, exact: string) {
  const start = text.indexOf(exact);
  const anchor = describeSpan(text, start, start + exact.length);
  if (!anchor) throw new Error("no anchor");
  return anchor;
}

describe("reanchor", () => {
  const quote = anchorOf(original, "continued to serve as a safe haven");

  it.each([
    ["unchanged text keeps the position", original, "anchored", "continued to serve as a safe haven"],
    ["an edit elsewhere shifts the span: same words, same context", original.replace("Pakistan still", "Pakistan is still"), "anchored", "continued to serve as a safe haven"],
    ["a typo fixed inside the quote: fuzzy", original.replace("continued to serve", "continued to serv"), "fuzzy", "continued to serv as a safe haven"],
    ["a word changed inside the quote: fuzzy", original.replace("safe haven", "safe harbor"), "fuzzy", null],
  ])("%s", (_name, text, status, exact) => {
    const result = reanchor(text, quote);
    expect(result.status).toBe(status);
    if (result.status === "orphaned") throw new Error("orphaned");
    expect(text.slice(result.start, result.end)).toBe(result.exact);
    if (exact) expect(result.exact).toBe(exact);
    expect(result.score).toBeGreaterThan(0.7);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it("orphans a quote whose sentence was removed, and never moves it to another", () => {
    const text = original.replace("Pakistan “continued to serve as a safe haven” for regionally focused terrorist groups. ", "");
    expect(reanchor(text, quote).status).toBe("orphaned");
  });

  it("orphans a quote rewritten beyond recognition", () => {
    const text = original.replace("continued to serve as a safe haven", "was no longer a base for militants");
    expect(reanchor(text, quote)).toMatchObject({ status: "orphaned" });
  });

  it("uses the context to pick between two occurrences of the same words", () => {
    const text = "Intro\n\nThe ministry said “modest steps” were taken. Later the report said Afghanistan took “modest steps” against militants.";
    const anchor = anchorOf(original, "modest steps");
    const result = reanchor(text, anchor);
    expect(result.status).not.toBe("orphaned");
    if (result.status === "orphaned") return;
    expect(result.start).toBe(text.lastIndexOf("modest steps"));
  });

  it("reports fuzzy, not anchored, when the same words lost their context", () => {
    const anchor = anchorOf(original, "modest steps");
    const text = "Something else entirely was written here, and “modest steps” appears once.";
    const result = reanchor(text, anchor, { minScore: 0.5 });
    expect(result.status).toBe("fuzzy");
  });

  it("widens a match that stops mid-word to whole words", () => {
    const text = original.replace("safe haven", "safe harbor");
    const result = reanchor(text, quote);
    expect(result).toMatchObject({ status: "fuzzy", exact: "continued to serve as a safe harbor" });
  });

  it("orphans an empty quote", () => {
    expect(reanchor("abc", { exact: "", prefix: "", suffix: "", start: 0, end: 0 }).status).toBe("orphaned");
  });
});

describe("reanchor: representation is not a change", () => {
  const body = "Núñez double\n\nStriker José Núñez said the win was “the best night of my life”, after a 2-1 win.";
  it.each([
    ["NFD instead of NFC", body.normalize("NFD").replace("2-1", "3-1")],
    ["no-break and doubled spaces, a re-wrapped line", body.replace("Striker José", "Striker\u00a0José").replace("the best night", "the  best\nnight").replace("2-1", "3-1")],
    ["soft hyphens inserted", body.replace("double", "dou\u00adble").replace("best night", "best nig\u00adht").replace("2-1", "3-1")],
  ])("%s: anchored, offsets into the text as stored", (_name, text) => {
    for (const words of ["José Núñez", "the best night of my life"]) {
      const result = reanchor(text, anchorOf(body, words));
      expect(result.status).toBe("anchored");
      if (result.status === "orphaned") return;
      expect(text.slice(result.start, result.end)).toBe(result.exact);
      expect(result.exact.normalize("NFC").replace(/\u00ad/g, "").replace(/\s+/g, " ")).toBe(words);
    }
  });
});

describe("reanchorAll: never onto someone else's words", () => {
  const before =
    "Tram line\n\nThe mayor said the line would “open to passengers by 2027”.\n\nThe director said it would “open to passengers by 2027” only with a grant.";
  const after = "Tram line\n\nThe director said it would “open to passengers by 2027” only with a grant.";
  const nth = (text: string, words: string, n: number) => {
    let at = -1;
    for (let i = 0; i <= n; i++) at = text.indexOf(words, at + 1);
    return describeSpan(text, at, at + words.length)!;
  };
  const mayor = nth(before, "open to passengers by 2027", 0);
  const director = nth(before, "open to passengers by 2027", 1);

  it("a deleted quote is orphaned when the same words are another anchor's", () => {
    const [m, d] = reanchorAll(after, [mayor, director]);
    expect(m.status).toBe("orphaned");
    expect(d).toMatchObject({ status: "anchored", start: after.indexOf("open to") });
    // The order the anchors are given in does not matter.
    const [d2, m2] = reanchorAll(after, [director, mayor]);
    expect(m2.status).toBe("orphaned");
    expect(d2).toMatchObject({ status: "anchored" });
  });

  it("an annotation on the same span as a quote moves with it", () => {
    const text = "Intro added.\n\n" + before;
    const results = reanchorAll(text, [mayor, { ...mayor }, director]);
    expect(results.map((r) => r.status)).toEqual(["anchored", "anchored", "anchored"]);
    expect(results[0]).toMatchObject({ start: (results[1] as { start: number }).start });
  });

  it("is orphaned rather than moved onto words the new text attributes to another speaker", () => {
    const start = after.indexOf("open to");
    const attributions = [{ start, end: start + "open to passengers by 2027".length, speaker: "director" }];
    expect(reanchorAll(after, [{ ...mayor, speaker: "mayor" }], { attributions })[0].status).toBe("orphaned");
    // Words attributed to the same speaker are fine.
    expect(reanchorAll(after, [{ ...mayor, speaker: "director" }], { attributions })[0].status).not.toBe("orphaned");
  });

  it("a short selection is never moved into another word", () => {
    const text = "Cellist Linus Ek won the prize.";
    const ek = describeSpan(text, text.indexOf("Ek"), text.indexOf("Ek") + 2)!;
    expect(reanchor("Cellist Linus Ekdahl won the prize.", ek).status).toBe("orphaned");
    const linus = describeSpan(text, 8, 13)!;
    expect(reanchor("Cellist Linnus Ek won the prize.", linus).status).toBe("orphaned");
  });
});

describe("describeSpan", () => {
  it.each([
    ["trims white space", "a  said it \n", 1, 12, { exact: "said it", start: 3, end: 10 }],
    ["empty span", "abc", 1, 1, null],
    ["out of range", "abc", 2, 9, null],
    ["only white space", "a   b", 1, 4, null],
  ])("%s", (_name, body, start, end, expected) => {
    const anchor = describeSpan(body, start, end);
    if (expected === null) expect(anchor).toBeNull();
    else expect(anchor).toMatchObject(expected);
  });

  it("keeps 32 characters of context on each side", () => {
    const body = "x".repeat(40) + "QUOTE" + "y".repeat(40);
    const anchor = describeSpan(body, 40, 45)!;
    expect(anchor.prefix).toBe("x".repeat(32));
    expect(anchor.suffix).toBe("y".repeat(32));
  });
});

describe("toSelectors", () => {
  it("counts the W3C position in code points, after emoji", () => {
    const body = "🚨 Flood 🌧️ warning: “stay away”, said Teo.";
    const start = body.indexOf("stay away");
    const [, position] = toSelectors(describeSpan(body, start, start + 9)!, body);
    expect(position).toEqual({ type: "TextPositionSelector", start: start - 2, end: start - 2 + 9 });
    expect([...body].slice(position.start, position.end).join("")).toBe("stay away");
    expect(fromCodePointOffset(body, position.start)).toBe(start);
    expect(toCodePointOffset("no emoji here", 5)).toBe(5);
  });
});
