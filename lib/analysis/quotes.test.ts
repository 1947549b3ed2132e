import { describe, expect, it } from "vitest";
import { findQuotes } from "./quotes";

/** The quoted words of every span, in order. */
const spans = (text: string) => findQuotes(text).map((q) => text.slice(q.start, q.end));

describe("findQuotes", () => {
  it.each([
    ["curly double", "He said “we will win,” and left.", ["we will win,"]],
    ["straight double only", 'He said "we will win," and left. She said "no."', ["we will win,", "no."]],
    ["curly single", "Pakistan a ‘safe haven’ for ‘terror groups’: U.S.", ["safe haven", "terror groups"]],
    ["straight single", "They called it 'a disaster' yesterday.", ["a disaster"]],
    ["apostrophes are not marks", "Pakistan’s army said the groups’ leaders don't “fear anything.”", ["fear anything."]],
    ["plural possessive inside a single quote", "He called it ‘the rebels’ own goal’ on Monday.", ["the rebels’ own goal"]],
    ["straight apostrophes", "It's the governors' view that 'nothing changed' in '90s policy.", ["nothing changed"]],
    ["nested quote belongs to the outer one", "“Mir, the ‘project manager’ of the attack, is free,” it noted.", ["Mir, the ‘project manager’ of the attack, is free,"]],
    ["nested straight in curly", "“He told me \"never again\" last year,” she said.", ['He told me "never again" last year,']],
    ["guillemets", "Le ministre a déclaré « nous resterons » hier.", ["nous resterons"]],
    ["reversed guillemets", "Er sagte »wir bleiben« gestern.", ["wir bleiben"]],
    ["German low-high", "Er sagte „wir bleiben“ gestern.", ["wir bleiben"]],
    ["brackets and ellipses stay in the span", "“It allowed HQN [Haqqani Network] … to operate,” it said.", ["It allowed HQN [Haqqani Network] … to operate,"]],
    ["em dashes around a quote", "The answer—“never”—came fast.", ["never"]],
    ["headline", "Pakistan a ‘safe haven’: State\n\nBody text here.", ["safe haven"]],
    ["no quotes at all", "The minister spoke for an hour and left.\n\nNothing else happened.", []],
    ["stray closing mark after a plain word is not a quote", "Its jihadists have often cooperated with” America’s foe.", []],
    ["inch marks are not quotes", 'The screen is 15" wide and costs $300.', []],
    ["a height in feet and inches inside a straight quote", '"A 5\'11" keeper is tall enough," the manager said.', ["A 5'11\" keeper is tall enough,"]],
    ["a word-initial apostrophe closed by a plural possessive", "Residents say the 'Tsoro runs the market, taking the traders' money.", []],
    ["a curly elision closed by a plural possessive", "The ‘Tsoro’s men watched the farmers’ stalls.", []],
    ["a plural in a single quotation before a verb", "He said the 'old hawks' warned him.", ["old hawks"]],
    ["Arabic with guillemets", "وقال الوزير «لن نسمح بذلك» أمس.", ["لن نسمح بذلك"]],
    ["Hebrew gershayim", "אמר השר ״לא נאפשר זאת״ אתמול.", ["לא נאפשר זאת"]],
    ["Hebrew acronym with gershayim is no mark", "דובר צה״ל אמר ״אין שינוי״.", ["אין שינוי"]],
    ["Hebrew straight quotes", 'הוא אמר "זה נגמר" ויצא.', ["זה נגמר"]],
  ])("%s", (_name, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it("rebuilds a quote whose opening mark was dropped from the paragraph start", () => {
    const text = "Headline\n\nSustained efforts were not seen during the past six months,” the Pentagon said.";
    const [q] = findQuotes(text);
    expect(text.slice(q.start, q.end)).toBe("Sustained efforts were not seen during the past six months,");
    expect(q.orphan).toBe(true);
    expect(q.openMark).toBeNull();
  });

  it("starts a rebuilt quote after an earlier quote in the same paragraph", () => {
    const text = "“First,” he said. Second part here,” she added.";
    expect(spans(text)).toEqual(["First,", "Second part here,"]);
  });

  it("gives one span per paragraph to a quote reopened in the next paragraph", () => {
    const text = "Head\n\n“The first paragraph of the statement goes on\n\n“and the second one ends here,” he said.";
    const qs = findQuotes(text);
    expect(qs.map((q) => text.slice(q.start, q.end))).toEqual([
      "The first paragraph of the statement goes on",
      "and the second one ends here,",
    ]);
    expect(qs[0].continuesNext).toBe(true);
    expect(qs[1].continuesPrev).toBe(true);
    expect(qs[0].closeMark).toBeNull();
  });

  it("offsets are JavaScript string indices (UTF-16), marks excluded", () => {
    const text = "😀 “emoji first” then";
    const [q] = findQuotes(text);
    expect(q.start).toBe(4);
    expect(text.slice(q.start, q.end)).toBe("emoji first");
    expect(text[q.openMark!]).toBe("“");
    expect(text[q.closeMark!]).toBe("”");
  });

  it("keeps an unterminated typographic quote to the paragraph end", () => {
    expect(spans("He said “we are leaving now\n\nNext paragraph.")).toEqual(["we are leaving now"]);
  });

  it("keeps a straight quote opened mid-paragraph to the end of a text cut off mid-sentence", () => {
    expect(spans('Headline\n\nThe mayor said the bridge "will stay closed until the engineers have fin')).toEqual(["will stay closed until the engineers have fin"]);
  });

  it("starts a quotation whose opening was dropped after the sentences of indirect speech before it", () => {
    const text = "Headline\n\nThe council said on Friday that rents had doubled. It added that tenants were leaving. Nobody here can pay these prices,” the council said.";
    expect(spans(text)).toEqual(["Nobody here can pay these prices,"]);
  });

  it("drops an unterminated straight quote (likely a stray mark)", () => {
    expect(spans('He said "we are leaving now\n\nNext paragraph.')).toEqual([]);
  });
});
