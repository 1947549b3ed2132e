import { describe, expect, it } from "vitest";
import { splitParagraphs } from "../analysis/text";
import { paragraphIndexAt, paragraphRanges, segmentBody } from "./segments";

describe("paragraphRanges", () => {
  it.each([
    ["one line", "abc", [[0, 3]]],
    ["blank lines skipped", "a\n\nb", [[0, 1], [3, 4]]],
    ["single line breaks are paragraphs", "a\nb", [[0, 1], [2, 3]]],
    ["whitespace-only line skipped", "a\n  \nb", [[0, 1], [5, 6]]],
    ["empty text", "", []],
  ])("%s", (_name, body, expected) => {
    expect(paragraphRanges(body).map((r) => [r.start, r.end])).toEqual(expected);
  });
});

describe("segmentBody", () => {
  it("keeps offsets and marks spans", () => {
    const body = "Head\n\nHe said “safe haven” today.";
    const start = body.indexOf("safe");
    const paragraphs = segmentBody(body, [{ start, end: start + 10, data: "q1" }]);
    expect(paragraphs).toHaveLength(2);
    const runs = paragraphs[1].runs;
    expect(runs.map((r) => r.text).join("")).toBe("He said “safe haven” today.");
    const marked = runs.filter((r) => r.spans.length);
    expect(marked).toHaveLength(1);
    expect(marked[0].text).toBe("safe haven");
    expect(body.slice(marked[0].start, marked[0].end)).toBe("safe haven");
  });

  it("cuts overlapping spans into runs that know every covering span", () => {
    const body = "abcdefgh";
    const runs = segmentBody(body, [
      { start: 1, end: 5, data: "a" },
      { start: 3, end: 7, data: "b" },
    ])[0].runs;
    expect(runs.map((r) => [r.text, r.spans.map((s) => s.data).join("")])).toEqual([
      ["a", ""],
      ["bc", "a"],
      ["de", "ab"],
      ["fg", "b"],
      ["h", ""],
    ]);
  });

  it("ignores spans outside the text", () => {
    expect(segmentBody("abc", [{ start: 2, end: 10, data: 1 }])[0].runs).toHaveLength(1);
  });
});

describe("one paragraph rule for the analysis, the anchors and the pages", () => {
  // A line of only a zero-width space or a no-break space is not a paragraph to either;
  // before, the pages counted it and the analysis did not, so paragraph numbers drifted.
  const body = "Headline\n\u200b\n  First paragraph.  \n\u00a0\nSecond \u201cquoted\u201d paragraph.";

  it("numbers paragraphs as the analysis does", () => {
    expect(paragraphRanges(body).map((r) => body.slice(r.start, r.end))).toEqual(["Headline", "First paragraph.", "Second \u201cquoted\u201d paragraph."]);
    expect(paragraphRanges(body)).toEqual(splitParagraphs(body).map(({ start, end }) => ({ start, end, index: expect.any(Number) })));
  });

  it("finds the paragraph holding an offset, and none between paragraphs", () => {
    const ranges = paragraphRanges(body);
    expect(paragraphIndexAt(ranges, body.indexOf("quoted"))).toBe(2);
    expect(paragraphIndexAt(ranges, body.indexOf("\u200b"))).toBeNull();
  });
});
