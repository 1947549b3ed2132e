/**
 * Field cases (tests/fixtures/cases/html): the stored article text of each page
 * contains every `must_contain` string and none of `must_not_contain`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToArticle } from "./html-to-text";

const DIR = path.resolve(import.meta.dirname, "../tests/fixtures/cases/html");
const cases = readdirSync(DIR).filter((d) => /^c\d+/.test(d));

describe("HTML field cases", () => {
  it("are all here", () => expect(cases.length).toBeGreaterThanOrEqual(8));

  it.each(cases)("%s", (name) => {
    const html = readFileSync(path.join(DIR, name, "input.html"), "utf8");
    const expected = JSON.parse(readFileSync(path.join(DIR, name, "expected.json"), "utf8")) as { must_contain: string[]; must_not_contain: string[] };
    const { text, title } = htmlToArticle(html, "https://news.example/article");
    for (const s of expected.must_contain) expect(text).toContain(s);
    for (const s of expected.must_not_contain) {
      expect(text).not.toContain(s);
      expect(title ?? "").not.toContain(s);
    }
  });
});
