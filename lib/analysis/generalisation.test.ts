// Rules added after measuring on a held-out gold set (tests/fixtures/heldout):
// each table uses small texts of its own, not the held-out articles.
import { describe, expect, it } from "vitest";
import { misspeltName, sameSpeakerKey } from "./claim-speaker-fit";
import type { ClaimQuote } from "./claim-quote";
import { stemWord } from "./claim-text";
import { compareQuotes, groupClaims } from "./claims";
import { analyzeArticle } from "./pipeline";
import { findQuotes } from "./quotes";
import { splitSentences } from "./sentences";
import { createSpeakerRegistry } from "./speakers";
import { misspeltWords, splitParagraphs } from "./text";

const registry = createSpeakerRegistry();
const speakers = (body: string, headline = "Headline without quotes") =>
  analyzeArticle(`${headline}\n\n${body}`, { registry }).quotes.map((q) => q.speakerName);

describe("attribution: who is the subject", () => {
  it.each([
    ["place’s person in a cue", "Brazil’s Lula says the deal is “a victory for workers.”", ["Lula"]],
    ["role noun, then the name in an appositive", "Its chairman, retired judge Paulo Mendes, said the inquiry was “thorough and fair.”", ["Paulo Mendes"]],
    ["lower-case role before a name", "“We regret the error,” said chief operating officer Dana Whitfield.", ["Dana Whitfield"]],
    ["two insertions: the opening name speaks", "Lena Ortiz, head of Clean Air Now, a campaign group based in Leeds, has long described the plan as “a fig leaf.”", ["Lena Ortiz"]],
    ["person of the organisation", "Tom Reyes of the Coastal Research Institute said the data were “alarming.”", ["Tom Reyes"]],
    ["name and colon, no verb", "Carl Jensen, a pollster at Nordic Opinion: “Turnout is the whole story.”", ["Carl Jensen"]],
    ["name, adjective and colon", "Opposition leader Hana Kim was defiant: “We will not be silenced.”", ["Hana Kim"]],
    ["verb coordinated with but/and shares the subject", "Mayor Ruth Obi, whose budget passed last week, defended the cuts but said they were “painful but necessary.”", ["Ruth Obi"]],
    ["-ing modifier before the head", "The housing minister has dismissed the survey as “flawed.”", ["housing minister"]],
    ["dismissed … as is a cue", "Police chief Omar Said dismissed the claims as “pure fiction.”", ["Omar Said"]],
    ["a date after an inverted name", "“Demand has cooled,” said Brandt on Thursday. “We expect a pause.”", ["Brandt", "Brandt"]],
    ["a date is never the subject", "The Port Authority, in its “Harbour Outlook” released on Friday, said traffic was “flat”.", ["Port Authority", "Port Authority"]],
    ["the document the subject spoke in", "The Roads Agency in its monthly bulletin on congestion said delays were “the worst on record.”", ["Roads Agency"]],
    ["inverted cue after a comma ends the sentence", "The mayor has been “tireless” in talks with the railway and the Port Authority, says a report issued by the City Auditor.", ["City Auditor"]],
    ["a quotation that opens with a verb of saying is its subject's predicate", "The audit's brief mention of the bridge supports the residents. The Roads Agency had “rejected every complaint”, calling them “unfounded.”", ["Roads Agency", "Roads Agency"]],
    ["the words right after a possessive name are its owner's", "Traffic fell sharply. Railwatch's \"live map shows where delays are worst.\"", ["Railwatch"]],
    ["a participle of saying after a document the subject issued", "Nordwind Air also issued a statement on social media saying it was “reviewing every booking.”", ["Nordwind Air"]],
    ["a known body misspelt in one word is that body", "The European Comission said the rules were “clear.”", ["European Commission"]],
    ["two misspelt words are another name", "The Europa Comission said the rules were “clear.”", ["Europa Comission"]],
    ["a name after a dash that follows the quotation", "The port opened a new terminal.\n\n“This will double our capacity by next year.” —Mayor Ines Castro", ["Ines Castro"]],
    ["a lead-in that ends in a colon names the next paragraph's speaker", "The port opened a new terminal.\n\nAnd from union steward Tomas Berg:\n\n“We were not consulted about the shifts.”", ["Tomas Berg"]],
    ["a lead-in colon after a common noun names nobody", "The plan has three parts:\n\n“Dredging, new cranes and rail links.”", [null]],
    ["the maker of a claim named in a relative clause", "The watchdog's report undercuts a claim the Port Authority made to investors last year -- that the losses were “temporary”.", ["Port Authority"]],
    ["claim as a verb is still a cue", "Officials claim that the dam is “perfectly safe.”", ["Officials"]],
    ["an unnamed official of a body is not the body", "A senior Norland trade official said that “exports will recover by spring.”", ["senior Norland trade official"]],
    ["a comma before a verb with a place after it is no inversion", "“We are ready,” Lena Park, a local organiser, wrote on Facebook.", ["Lena Park"]],
    // Found on the real-article set (tests/fixtures/real): a gerund the list lacks, a coordinated
    // cue after a verb that is no verb of saying, "went on to", and a verb of addressing with its addressee.
    ["an unlisted gerund of a listed verb, after a comma and an adverb", "Ms Oduya went online on Monday to calm shareholders, declaring firmly, “No data was lost.”", ["Oduya"]],
    ["a gerund straight after a quotation is no inverted cue", "The rules had a “chilling effect” reporting the fines to the regulator.", [null]],
    ["a cue coordinated with a verb that is no verb of saying", "Harbour chief Sven Adler apologised to passengers on the radio and said that the ferries “will sail on time” from Monday.", ["Sven Adler"]],
    ["“went on to say” speaks for the subject of “went”", "Ms Oduya chairs the bank. She went on to say that “the backups held.”", ["Oduya"]],
    ["a verb of addressing, its addressees and “that”", "Ms Oduya chairs the bank. She later reassured staff and worried customers that “every account is intact.”", ["Oduya"]],
    ["an honorific and a surname are a person a pronoun can refer to", "Ms Oduya chairs the bank. She said that “the backups held.”", ["Oduya"]],
    ["an honorific's gender holds against the pronoun", "Mr Lind chairs the bank. She said that “the backups held.”", [null]],
    ["a country's capitalised abbreviation is no honorific", "Mr Halloran leads the agency. Cases rose in DR Ostrava. “We are worried,” he said.", ["Halloran"]],
    ["a quote its own sentence introduces is not carried from a later cue", "As one writer on the beat put it, “The tide has turned.” The figures were “a warning”, Ruth Obi said.", [null, "Ruth Obi"]],
    ["a verb of addressing with an abstract object is no cue", "The mayor cited fears that “the bridge will fall”.", [null]],
  ])("%s", (_name, body, expected) => {
    expect(speakers(body)).toEqual(expected);
  });

  it("a role of several words stands for the person the article names with it, before or after", () => {
    const body = "Ferry chief Ilse Marken met staff on Monday.\n\nThe Ferry chief said: “We will sail on time.”";
    expect(speakers(body)).toEqual(["Ilse Marken"]);
    expect(speakers("Ferry chief Ilse Marken met staff on Monday.", "Ferry chief: “We will sail on time”")).toEqual(["Ilse Marken"]);
    expect(speakers("The Ferry chief said: “We will sail on time.”\n\nFerry chief Ilse Marken met staff on Monday.")).toEqual(["Ilse Marken"]);
    // A role the article gives nobody stays as written.
    expect(speakers("The Ferry chief said: “We will sail on time.”")).toEqual(["Ferry chief"]);
  });

  it("a body's role in the possessive is the person the article gave that role", () => {
    expect(speakers("Norvik Air chief executive Anna Marken met staff.\n\nNorvik Air’s CEO said the delays were “regrettable”.")).toEqual(["Anna Marken"]);
    expect(speakers("Norvik Air CEO Anna Marken met staff.\n\nNorvik Air’s new CEO said the delays were “regrettable”.")).toEqual(["Anna Marken"]);
    // With no one named in the role, the body speaks, as before.
    expect(speakers("Norvik Air’s CEO said the delays were “regrettable”.")).toEqual(["Norvik Air"]);
  });

  it("a headline that opens with a body's role and a colon is that role's, and the person the article gives it", () => {
    expect(speakers("Norvik Air CEO Anna Marken said losses would narrow.", "Norvik Air’s new CEO: Our losses are a ‘concern’")).toEqual(["Anna Marken"]);
    expect(speakers("The airline lost money again.", "Norvik Air’s new CEO: Our losses are a ‘concern’")).toEqual(["Norvik Air CEO"]);
    // A colon after words that are no role names nobody.
    expect(speakers("The airline lost money again.", "Rates on hold: what the ‘pause’ means for you")).toEqual([null]);
  });

  it("“the company”, “the bank” is the body a sentence opened with, after any dateline", () => {
    expect(speakers("OSLO (Wire) -Brennfjord appeared to play down talk of a sale on Monday.\n\nThe company initially declined to comment, but later issued a statement saying: “We do not comment on rumours.”")).toEqual(["Brennfjord"]);
    expect(speakers("TALLMARK, Vessia (AD) — The Bank of Vessia kept its rate on hold on Thursday.\n\nThe bank said inflation would fall “by the end of next year”.")).toEqual(["Bank of Vessia"]);
    // A person opening the lead is no company.
    expect(speakers("Anna Marken appeared in court on Monday.\n\nThe company said it was “surprised”.")).toEqual(["company"]);
  });

  it("a headline that opens with a known speaker and a quotation is that speaker's", () => {
    expect(speakers("The commission will study the findings, officials said.", "European Commission ‘alarmed’ by audit of farm aid")).toEqual(["European Commission"]);
    expect(speakers("The court will publish its reasons, officials said.", "Judges end ‘bulk collection’ of records")).toEqual([null]);
  });

  it("a verb taking an object does not invert after a quotation", () => {
    // “Second Chances,” blames years of neglect: the report blames, "years of neglect" says nothing.
    expect(speakers("The report, titled “Second Chances,” blames years of neglect.")).toEqual([null]);
  });

  it("a cue after a dash belongs to the aside, not the quote before it", () => {
    const s = speakers("Tom Reyes said the plan was on track.\n\nThe ministry said the scheme is “on schedule” — a claim critics dismissed on Monday.");
    expect(s).toEqual(["ministry"]);
  });
});

describe("attribution: documents and their issuers", () => {
  it.each([
    ["“published … by” names the issuer", "Obesity rates are “rising fast,” according to a study published on Monday by the Tasman Health Foundation.", ["Tasman Health Foundation"]],
    ["a participle is no part of the document's name", "The plant is “unsafe,” according to an inspection report seen by the Herald.", ["inspection report"]],
    ["“its annual report” is its issuer's", "The Dunmore Trust said on Monday that it had closed two shelters.\n\nThe closures were “unavoidable,” according to its annual report.", ["Dunmore Trust", "Dunmore Trust"].slice(1)],
    ["a named body's report", "Emissions fell by a third, a new Carbon Watch report says, calling progress “fragile.”", ["Carbon Watch"]],
    ["“this year's report” is no speaker named “this year”", "Prices rose sharply. According to this year's report, the market is “overheating.”", ["this year's report"]],
  ])("%s", (_name, body, expected) => {
    expect(speakers(body)).toEqual(expected);
  });

  it("“it” after a sentence whose subject is a body means that body", () => {
    expect(speakers("Jane Roe spoke first.\n\nIn its statement, the council was more cautious. “Costs may rise,” it said.")).toEqual(["council"]);
  });

  it("“the agency” after a description in the headline means the body named since", () => {
    const text = "Health agency warns of flu surge\n\nThe Northland Public Health Institute said on Monday that cases had doubled.\n\n“Hospitals must prepare now,” the agency said.";
    expect(analyzeArticle(text, { registry }).quotes.map((q) => q.speakerName)).toEqual(["Northland Public Health Institute"]);
  });

  it("a UN agency is part of the UN, so “the UN” and the agency can share a claim", () => {
    expect(registry.resolve("WFP")?.parentId).toBe("un");
    expect(registry.isUmbrella("un")).toBe(true);
  });
});

describe("quotes: a straight quotation whose closing mark was dropped", () => {
  const spans = (text: string) => findQuotes(text).map((q) => text.slice(q.start, q.end));
  it.each([
    ["ends where its cue starts", '"We will not stop until the job is done, said Mayor Ann Cole.', ["We will not stop until the job is done,"]],
    ["cue with a pronoun", 'Then: "It is over, she said, and walked out.', ["It is over,"]],
    ["after a colon, runs to the paragraph end", 'Cole said: "We will not stop until the job is done.\n\nThe council met.', ["We will not stop until the job is done."]],
    ["a stray mark mid-paragraph is no quotation", 'The sign read "Closed for the season and nobody knew why.\n\nNext.', []],
    ["inch marks stay out", 'The screen is 15" wide and 9" tall.', []],
  ])("%s", (_name, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
});

describe("sentences: an initialism before a sentence opener ends the sentence", () => {
  const count = (text: string) => splitSentences(text, splitParagraphs(text), []).length;
  it.each([
    ["U.S. The", "Turnout rose in the U.S. The commission noticed.", 2],
    ["U.N. It", "The plan came from the U.N. It failed.", 2],
    ["U.S. before a name", "He met U.S. President Joe Smith.", 1],
    ["title before a name", "The patient saw Dr. Adams on Monday.", 1],
  ])("%s", (_name, text, n) => {
    expect(count(text)).toBe(n);
  });
});

describe("claims: inflection, surnames and labels", () => {
  const q = (id: string, text: string, over: Partial<ClaimQuote> = {}): ClaimQuote => ({
    id, text, articleId: id.split("#")[0], speakerKey: "name:ann cole", ...over,
  });
  it.each([
    ["havens", "haven"], ["policies", "policy"], ["taxes", "tax"], ["courts", "court"], ["90s", "1990s"],
    ["allowed", "allowing"], ["harbour", "harbor"], ["organisation", "organization"], ["centre", "center"], ["travelled", "traveled"],
  ])("%s and %s compare as one word", (a, b) => {
    expect(stemWord(a)).toBe(stemWord(b));
  });

  it.each([["2020s", "1990s"], ["gas", "gaze"], ["status", "state"]])("%s and %s stay apart", (a, b) => {
    expect(stemWord(a)).not.toBe(stemWord(b));
  });

  it("a phrase matches its plural form", () => {
    expect(compareQuotes(q("a#0", "safe havens"), q("b#0", "The region remains a safe haven for armed groups."))?.via).toBe("trimmed");
  });

  it("a phrase inside a prepositional phrase of a longer quote is not linked to it", () => {
    expect(compareQuotes(q("a#0", "safe haven"), q("b#0", "The region remains a safe haven for armed groups."))).not.toBeNull();
    expect(compareQuotes(q("a#0", "safe haven"), q("b#0", "The region acted inconsistently on safe havens for armed groups."))).toBeNull();
  });

  it.each([
    ["name:cole", "name:ann cole", true],
    ["name:ann cole", "name:cole", true],
    ["name:cole", "name:ann coleman", false],
    ["name:ann cole", "name:bob cole", false],
    ["us-state-dept", "name:state", false],
    ["name:tedros", "name:tedros adhanom", true],
  ])("sameSpeakerKey(%s, %s) = %s", (a, b, same) => {
    expect(sameSpeakerKey(a, b)).toBe(same);
  });

  it.each([
    [["justice", "bureau"], ["justise", "bureau"], true],
    [["harbour", "board"], ["harbor", "board"], true],
    [["harbour", "board"], ["parbour", "board"], false], // another first letter
    [["tax", "board"], ["tux", "board"], false], // too short
    [["harbour"], ["harbor"], false], // one word
  ])("misspeltWords(%j, %j) = %s", (a, b, same) => {
    expect(misspeltWords(a, b)).toBe(same);
  });

  it.each([
    ["name:maria fontaine", "name:maria fontane", true],
    ["name:maria fontane", "name:maria fontaine", true],
    ["name:maria fontaine", "name:maria lontaine", false], // another first letter
    ["name:ann cole", "name:ann cale", false], // too short to tell a slip from another name
    ["name:maria fontaine", "name:maria fontaine", false], // the same name is not misspelt
    ["name:fontaine", "name:fontane", false], // one word: no second word agrees
    ["name:maria fontaine", "name:marta fontane", false], // two words differ
    ["board", "name:board", false],
  ])("misspeltName(%s, %s) = %s", (a, b, same) => {
    expect(misspeltName(a, b)).toBe(same);
  });

  it("a misspelt name shares a claim on strong wording evidence, not on a loose rewording", () => {
    const said = "The outage was caused by a faulty configuration file and not by any attack.";
    const strong = groupClaims([
      q("a#0", said, { speakerKey: "name:maria fontaine" }),
      q("b#0", said, { speakerKey: "name:maria fontane" }),
    ]);
    expect(strong.byQuote.get("a#0")!.claimKey).toBe(strong.byQuote.get("b#0")!.claimKey);
    const other = groupClaims([
      q("a#0", said, { speakerKey: "name:maria fontaine" }),
      q("b#0", said, { speakerKey: "name:maria lontaine" }),
    ]);
    expect(other.byQuote.get("a#0")!.claimKey).not.toBe(other.byQuote.get("b#0")!.claimKey);
  });

  it("a surname-only speaker and the full name share a claim", () => {
    const res = groupClaims([
      q("a#0", "We will rebuild every school in the district by next spring.", { speakerKey: "name:cole" }),
      q("b#0", "rebuild every school in the district", { context: { before: "Cole has promised to", after: "by the spring" } }),
    ]);
    expect(res.byQuote.get("a#0")!.claimKey).toBe(res.byQuote.get("b#0")!.claimKey);
  });

  it("a characterisation joins a quote that says little else, not a longer different assertion", () => {
    const res = groupClaims([
      q("a#0", "a turning point for clean air", { label: true }),
      q("b#0", "This is a turning point for clean air in the city."),
      q("c#0", "We restrained a turning point for clean air campaigners by cutting budgets.", { speakerKey: "name:bob day" }),
      q("d#0", "a shameful day for Europe", { label: true, speakerKey: "name:eva lind" }),
      q("e#0", "The council ignored a shameful day for Europe and approved the budget.", { speakerKey: "name:eva lind" }),
    ]);
    const key = (id: string) => res.byQuote.get(id)!.claimKey;
    expect(key("a#0")).toBe(key("b#0"));
    expect(key("d#0")).not.toBe(key("e#0"));
  });
});
