/**
 * Field cases (tests/fixtures/cases/anchoring): each anchor is described with
 * our W3C selectors against `original`, then the anchors of the case are
 * re-anchored together in `edited`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reanchorAll } from "./reanchor";
import { describeSpan, toSelectors } from "./selectors";

const DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/cases/anchoring");

interface CaseInput {
  original: string;
  edited: string;
  anchors: { name: string; exact: string; nth: number }[];
}
interface Expected {
  name: string;
  status?: string;
  status_in?: string[];
  start?: number;
  end?: number;
  w3c_TextPositionSelector?: { start: number; end: number };
  utf16?: { start: number; end: number };
}

function nthIndex(text: string, exact: string, nth: number): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(exact, at + 1);
    if (at < 0) throw new Error(`occurrence ${nth} of ${exact} not in the original`);
  }
  return at;
}

const cases = readdirSync(DIR).filter((d) => /^b\d+/.test(d));

describe("anchoring field cases", () => {
  it("are all here", () => expect(cases.length).toBeGreaterThanOrEqual(7));

  describe.each(cases)("%s", (name) => {
    const input = JSON.parse(readFileSync(path.join(DIR, name, "input.json"), "utf8")) as CaseInput;
    const expected = JSON.parse(readFileSync(path.join(DIR, name, "expected.json"), "utf8")) as Expected[];
    const anchors = input.anchors.map((a) => {
      const start = nthIndex(input.original, a.exact, a.nth);
      const anchor = describeSpan(input.original, start, start + a.exact.length);
      if (!anchor) throw new Error(`no anchor for ${a.name}`);
      return anchor;
    });
    const results = reanchorAll(input.edited, anchors);

    it.each(expected.map((e) => [e.name, e] as const))("%s", (anchorName, want) => {
      const i = input.anchors.findIndex((a) => a.name === anchorName);
      const got = results[i];
      const statuses = want.status_in ?? [want.status!];
      expect(statuses).toContain(got.status);
      if (got.status === "orphaned") return;
      if (want.start !== undefined) expect(got.start).toBe(want.start);
      if (want.end !== undefined) expect(got.end).toBe(want.end);
      expect(input.edited.slice(got.start, got.end)).toBe(got.exact);
      if (want.utf16) expect([anchors[i].start, anchors[i].end]).toEqual([want.utf16.start, want.utf16.end]);
      if (want.w3c_TextPositionSelector) {
        const [quote, position] = toSelectors(anchors[i], input.original);
        expect(quote.exact).toBe(input.anchors[i].exact);
        expect({ start: position.start, end: position.end }).toEqual(want.w3c_TextPositionSelector);
        // …and the W3C selector, read in code points, names the same words.
        expect([...input.original].slice(position.start, position.end).join("")).toBe(input.anchors[i].exact);
      }
    });
  });
});
