import { describe, expect, it } from "vitest";
import { describeSpan, nudgeEdge } from "./selectors";

describe("nudgeEdge", () => {
  const body = "The report said  safe havens remain.";
  // "said" is 11–15, "safe" 17–21, "havens" 22–28.
  it.each([
    ["start, a word later: to the next word's start", 11, 1, "start", 17],
    ["start, a word earlier: to the previous word's start", 17, -1, "start", 11],
    ["end, a word later: to the next word's end", 21, 1, "end", 28],
    ["end, a word earlier: to the previous word's end", 28, -1, "end", 21],
    ["end, at the text's end, stays", body.length, 1, "end", body.length],
    ["start, at 0, stays", 0, -1, "start", 0],
  ] as const)("%s", (_name, offset, direction, edge, expected) => {
    expect(nudgeEdge(body, offset, direction, edge)).toBe(expected);
  });

  it("keeps a span on word boundaries as the workspace's keys move it", () => {
    const span = describeSpan(body, 17, nudgeEdge(body, 21, 1, "end"));
    expect(span?.exact).toBe("safe havens");
    expect(describeSpan(body, nudgeEdge(body, 17, -1, "start"), 28)?.exact).toBe("said  safe havens");
  });
});
