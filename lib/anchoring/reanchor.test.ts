import { describe, expect, it } from "vitest";
import { reanchor } from "./reanchor";
import { describeSpan } from "./selectors";

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

  it("orphans an empty quote", () => {
    expect(reanchor("abc", { exact: "", prefix: "", suffix: "", start: 0, end: 0 }).status).toBe("orphaned");
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
