import { describe, expect, it } from "vitest";
import { classifyKind, type KindContext } from "./kinds";

const ctx = (over: Partial<KindContext> = {}): KindContext => ({
  before: "", inHeadline: false, headlineTitleCase: false, attributed: true, quotedElsewhere: false, ...over,
});

describe("classifyKind", () => {
  it.each([
    ["It allowed groups targeting Afghanistan to operate from its territory,", ctx(), "statement"],
    ["We are disappointed,", ctx(), "statement"],
    ["to take decisive actions against militants", ctx(), "statement"],
    ["implementing an ongoing ban against media coverage", ctx(), "statement"],
    ["Prices fell for a third straight month.", ctx(), "statement"], // an irregular past: the tagger finds it
    ["Free and fair elections.", ctx(), "phrase"],
    ["safe haven", ctx(), "phrase"],
    ["modest steps", ctx(), "phrase"],
    ["important counterterrorism partner,", ctx(), "phrase"],
    ["30 percent higher in 2016 than in 2015.", ctx(), "phrase"],
    ["Farah, Helmand, Kunduz, and Uruzgan.", ctx(), "phrase"],
    ["Country Reports on Terrorism 2019", ctx(), "title"],
    ["Good Taliban, Bad Taliban", ctx({ attributed: false }), "title"],
    ["Foreign Terrorist Organizations.", ctx({ attributed: false }), "title"],
    ["integrated", ctx({ attributed: false }), "title"],
    ["gray list.", ctx({ attributed: false }), "title"],
    ["Safe Haven", ctx({ inHeadline: true, headlineTitleCase: true }), "phrase"],
    ["Operation Enduring Freedom", ctx({ before: "the so-called " }), "title"],
    // No speech verb, but a document or a body is the subject of the sentence, or a that-clause reports a ruling.
    ["open door", ctx({ attributed: false, before: "The inspection review also blames the council for leaving an " }), "phrase"],
    ["open door", ctx({ attributed: false, before: "The regulator accused the council of leaving an " }), "phrase"],
    ["open door", ctx({ attributed: false, before: "The court ruled that the council kept an " }), "phrase"],
    ["open door", ctx({ attributed: false, before: "The council kept an " }), "title"],
    // Chinese and Japanese count characters as words: a quoted sentence is a statement, a short term a phrase.
    ["新しい橋は来年の春に完成する予定だ。", ctx({ attributed: false }), "statement"],
    ["絕不退讓", ctx(), "phrase"],
  ])("%s → %s", (quote, c, kind) => {
    expect(classifyKind(quote, c)).toBe(kind);
  });
});
