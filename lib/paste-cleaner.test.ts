import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanPastedText, joinHyphenated } from "./paste-cleaner";

const HEADLINE = "Harbour authority approves dredging of the old channel";
const PARAGRAPHS = [
  "The harbour authority on Thursday approved a plan to dredge the old channel, which has silted up so badly that the ferry has run aground twice this year.",
  "“We cannot keep a ferry service going on a channel that is two metres shallower than it was when the service began,” said harbour master Ingrid Solheim, who has run the port since 2019.",
  "Fishermen said the work, which will take four months, would close the inner basin during the herring season. “They have chosen the one time of the year when we need the harbour most,” said Per Aune of the fishermen's association.",
  "The authority said it would pay compensation to boats that could not land their catch, and that the channel would be dredged again in ten years.",
];

/** Greedy wrap at `width` columns, each line indented by `indent`. */
function wrap(paragraph: string, width: number, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

const joinedArticle = [HEADLINE, ...PARAGRAPHS].join("\n\n");
const bare = (s: string) => s.replace(/\s+/g, "");

describe("cleanPastedText: unwrapping", () => {
  it.each([
    ["an e-mail wrapped at 72 columns, blank lines between paragraphs", [HEADLINE, ...PARAGRAPHS.map((p) => wrap(p, 72).join("\n"))].join("\n\n")],
    ["a PDF copy with every line indented", ["    " + HEADLINE, ...PARAGRAPHS.map((p) => wrap(p, 64, "    ").join("\n"))].join("\n\n")],
    ["a PDF copy with first-line indents and no blank lines", [HEADLINE, ...PARAGRAPHS.map((p) => wrap(p, 70).map((l, i) => (i === 0 ? "   " + l : l)).join("\n"))].join("\n")],
    ["trailing spaces and CRLF line ends", [HEADLINE, ...PARAGRAPHS.map((p) => wrap(p, 60).join("  \r\n"))].join("\r\n\r\n")],
  ])("%s: one paragraph per line again, nothing lost", (_name, raw) => {
    for (const removeFurniture of [false, true]) {
      const result = cleanPastedText(raw, { removeFurniture });
      const lines = result.text.split("\n").filter((l) => l.trim());
      expect(lines).toEqual([HEADLINE, ...PARAGRAPHS]);
      expect(result.removed).toEqual([]);
      expect(result.joinedLines).toBeGreaterThan(8);
    }
  });

  it("leaves a web page's text (a paragraph per line) as it is", () => {
    const raw = [HEADLINE, ...PARAGRAPHS].join("\n");
    expect(cleanPastedText(raw, { removeFurniture: false })).toMatchObject({ text: raw, joinedLines: 0 });
    expect(cleanPastedText(joinedArticle, { removeFurniture: false }).text).toBe(joinedArticle);
  });

  it("keeps short lines, list items and a headline with no blank line after it", () => {
    const raw = [
      HEADLINE,
      ...wrap(PARAGRAPHS[0], 70),
      "The plan has three parts:",
      "- dredging the channel to six metres,",
      "- moving the ferry berth, and",
      "- a new breakwater.",
      ...wrap(PARAGRAPHS[3], 70),
    ].join("\n");
    expect(cleanPastedText(raw, { removeFurniture: false }).text.split("\n")).toEqual([
      HEADLINE,
      PARAGRAPHS[0],
      "The plan has three parts:",
      "- dredging the channel to six metres,",
      "- moving the ferry berth, and",
      "- a new breakwater.",
      PARAGRAPHS[3],
    ]);
  });

  it("never removes a character of body text: only white space changes", () => {
    const raw = ["  " + HEADLINE, ...PARAGRAPHS.flatMap((p) => wrap(p, 50, "\t"))].join("\n");
    expect(bare(cleanPastedText(raw, { removeFurniture: false }).text)).toBe(bare(raw));
    expect(bare(cleanPastedText(raw, { removeFurniture: true }).text)).toBe(bare(raw));
  });

  it.each([
    ["the text spells it joined elsewhere", "inter-", "national", "An international team came. The inter-", "An international team came. The international"],
    ["the text spells it hyphenated elsewhere", "well-", "known", "A well-known face. A well-", "A well-known face. A well-known"],
    ["no evidence either way: the hyphen stays", "self-", "driving", "The self-", "The self-driving"],
    ["a capital after the break: not a split word", "Anglo-", "French", "Anglo-", "Anglo-French"],
  ])("a line-end hyphen: %s", (_name, left, right, leftLine, expected) => {
    expect(joinHyphenated(leftLine, right, `${leftLine}\n${right}`)).toBe(expected);
    expect(left.endsWith("-")).toBe(true);
  });
});

describe("cleanPastedText: page furniture", () => {
  it("removes navigation and tag lines, and says what it removed", () => {
    const raw = ["Skip to content", "Menu", "", joinedArticle, "", "Tags: harbour, ferry, fishing", "", "Share this article"].join("\n");
    const result = cleanPastedText(raw, { removeFurniture: true });
    expect(result.text).toBe(joinedArticle);
    expect(result.removed).toEqual(["Skip to content", "Menu", "Tags: harbour, ferry, fishing", "Share this article"]);
    expect(result.skipped).toBeNull();
    // Without the option, nothing goes.
    expect(cleanPastedText(raw, { removeFurniture: false }).removed).toEqual([]);
  });

  it("keeps a body whose paragraph lines are all indented under a flush headline", () => {
    const raw = [HEADLINE, "", ...PARAGRAPHS.map((p) => `    ${p}`)].join("\n");
    const result = cleanPastedText(raw, { removeFurniture: true });
    expect(result.text.split("\n").filter((l) => l.trim())).toEqual([HEADLINE, ...PARAGRAPHS]);
    expect(result.removed).toEqual([]);
  });

  it.each(["dailyoutlook-2016-12", "longwarjournal-2017-07", "longwarjournal-2020-06-25", "rahapress-2020-06", "rferl-gandhara-2020-06"])(
    "%s: a whole news page as copied → the article, as the seed's cleaned copy has it",
    (id) => {
      const read = (f: string) => readFileSync(path.join(import.meta.dirname, "analysis/fixtures", f), "utf8");
      const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter(Boolean);
      const result = cleanPastedText(read(`${id}.raw.txt`), { removeFurniture: true });
      expect(lines(result.text)).toEqual(lines(read(`${id}.txt`)));
      expect(result.removed.length).toBeGreaterThan(0);
    },
  );

  it("removes nothing when removing would take most of the text", () => {
    const raw = ["Tram Line Opens", "", "Riders cheered.", "", ...Array.from({ length: 12 }, (_, i) => `Comment number ${i}`)].join("\n");
    const result = cleanPastedText(raw, { removeFurniture: true });
    expect(bare(result.text)).toBe(bare(raw));
    expect(result.removed).toEqual([]);
    expect(result.skipped).toMatch(/not removed/);
  });

  it("drops soft hyphens", () => {
    expect(cleanPastedText("Hoch\u00adwasser\u00adschutz", { removeFurniture: false }).text).toBe("Hochwasserschutz");
  });
});
