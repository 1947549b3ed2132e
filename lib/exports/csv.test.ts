import { describe, expect, it } from "vitest";
import { guardCell, toCsv } from "./csv";

describe("guardCell", () => {
  it.each([
    { value: "=HYPERLINK(\"x\")", out: "'=HYPERLINK(\"x\")" },
    { value: "+1", out: "'+1" },
    { value: "-2", out: "'-2" },
    { value: "@SUM(A1)", out: "'@SUM(A1)" },
    { value: "\t=1", out: "'\t=1" },
    { value: "safe haven", out: "safe haven" },
    { value: null, out: "" },
    { value: 3, out: "3" },
    { value: ["still", "seen as"], out: "still; seen as" },
  ])("$value", ({ value, out }) => {
    expect(guardCell(value)).toBe(out);
  });
});

describe("toCsv", () => {
  it("quotes commas, quotes and new lines", () => {
    expect(toCsv(["a", "b"], [["x, y", 'say "hi"'], ["line\nbreak", "=1+1"]])).toBe('a,b\r\n"x, y","say ""hi"""\r\n"line\nbreak",\'=1+1\r\n');
  });
});
