import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "./pipeline";
import { createSpeakerRegistry } from "./speakers";
import { stripBoilerplate } from "./boilerplate";

const FIXTURES = join(import.meta.dirname, "fixtures");
const read = (f: string) => readFileSync(join(FIXTURES, f), "utf8");

describe("stripBoilerplate", () => {
  it.each(["dailyoutlook-2016-12", "longwarjournal-2017-07", "longwarjournal-2020-06-25", "rahapress-2020-06", "rferl-gandhara-2020-06"])(
    "%s: raw page → cleaned article, byte for byte",
    (id) => {
      expect(stripBoilerplate(read(`${id}.raw.txt`))).toBe(read(`${id}.txt`));
    },
  );

  it.each([
    [
      "navigation above the headline",
      "Skip to content\n\nMenu\n\nSearch\n\nCity Council Approves New Budget After Long Debate\n\nThe council voted 7-2 on Tuesday.",
      "City Council Approves New Budget After Long Debate\n\nThe council voted 7-2 on Tuesday.",
    ],
    [
      "site header with an address and a masthead date",
      "- The Daily - https://www.example.com -\nSunday, June 28th, 2020\n\nMinister Resigns Over Leaked Memo\n\nThe minister resigned.",
      "Minister Resigns Over Leaked Memo\n\nThe minister resigned.",
    ],
    [
      "tag list, comments and footer",
      "Dam Project Delayed Again\n\nThe project is late, officials said.\n\nMore details came later.\n\nTags: dams, water, energy\n\n  • Ann says:\n\n    I “knew” it.\n\nAbout us\n\nContact",
      "Dam Project Delayed Again\n\nThe project is late, officials said.\n\nMore details came later.",
    ],
    [
      "comments without indentation after a comment count",
      "Headline Here For Story\n\nFirst paragraph.\n\nSecond paragraph.\n\n3 Comments\n\nBob wrote a long comment that goes on and on about “things” he believes.",
      "Headline Here For Story\n\nFirst paragraph.\n\nSecond paragraph.",
    ],
    [
      "promo block at the end",
      "Floods Hit the North\n\nRivers rose overnight.\n\n  • 16x9 Image\n\n    Example News\n\n    Example News provides coverage of the region.",
      "Floods Hit the North\n\nRivers rose overnight.",
    ],
    [
      "advertisement line inside the body",
      "Talks Resume in Geneva\n\nDelegates met on Monday.\n\nAdvertisement\n\nThey will meet again.",
      "Talks Resume in Geneva\n\nDelegates met on Monday.\n\nThey will meet again.",
    ],
    [
      "caption repeated further down the page is dropped, adjacent duplicate kept",
      "Storm Hits Coast\n\nFILE: Waves hit the pier on Monday.\nFILE: Waves hit the pier on Monday.\n\nThe storm came ashore.\n\nFILE: Waves hit the pier on Monday.\n\nIt weakened later.",
      "Storm Hits Coast\n\nFILE: Waves hit the pier on Monday.\nFILE: Waves hit the pier on Monday.\n\nThe storm came ashore.\n\nIt weakened later.",
    ],
    [
      "wire credit at the end is kept",
      "Quake Shakes Capital\n\nBuildings swayed.\n(Reuters)",
      "Quake Shakes Capital\n\nBuildings swayed.\n(Reuters)",
    ],
    ["text without furniture is unchanged", "Plain Headline Of Story\n\nOne paragraph.", "Plain Headline Of Story\n\nOne paragraph."],
  ])("%s", (_name, raw, clean) => {
    expect(stripBoilerplate(raw)).toBe(clean);
  });
});

describe("page furniture after the article, analysed as received", () => {
  it("has no quotations in related-story links or a cookie notice", () => {
    const text = "Bakers strike over pay\n\nBakers walked out on Monday, the guild said.\n\n“We cannot live on this,” baker Ilse Varn said.\n\n" +
      "    Harvest: Millers Fear a ‘Lost Season’\n    Bus Lanes to Open in May\n\nThis site uses cookies. Press 'Accept' to agree to our policy.\n";
    const quotes = analyzeArticle(text, { registry: createSpeakerRegistry() }).quotes.map((q) => q.exact);
    expect(quotes).toEqual(["We cannot live on this,"]);
  });

  it("keeps a last paragraph in a script written without spaces", () => {
    const text = "市長、駅の改修を約束\n\n市長は会見で改修を約束した。\n\n「来年の春までに必ず終わらせる」と市長は述べた。\n";
    expect(analyzeArticle(text, { registry: createSpeakerRegistry() }).quotes.map((q) => q.exact)).toEqual(["来年の春までに必ず終わらせる"]);
  });
});
