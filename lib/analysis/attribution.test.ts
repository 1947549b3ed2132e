import { describe, expect, it } from "vitest";
import { analyzeArticle } from "./pipeline";
import { createSpeakerRegistry } from "./speakers";

const registry = createSpeakerRegistry();

/** Speaker names of every quote in a text whose first line is a headline. */
function speakers(body: string): (string | null)[] {
  return analyzeArticle(`Headline without quotes\n\n${body}`, { registry }).quotes.map((q) => q.speakerName);
}

describe("attribution", () => {
  it.each([
    ["X said", "“We will not back down,” Maria Lopez said.", ["Maria Lopez"]],
    ["said X, appositive", "“We will not back down,” said Maria Lopez, the mayor of Springfield.", ["Maria Lopez"]],
    ["X, the Y of Z, said", "Maria Lopez, the mayor of Springfield, said the city “will not back down.”", ["Maria Lopez"]],
    ["told reporters, family name after full name", "Maria Lopez spoke first.\n\n“We will rebuild,” Lopez told reporters on Tuesday.", ["Maria Lopez"]],
    ["pronoun he", "John Smith said the plan was ready.\n\n“It is a disaster,” he said.", ["John Smith"]],
    ["according to", "According to the World Health Organization, the outbreak is “under control.”", ["World Health Organization"]],
    ["according to, after the quote", "The outbreak is “under control,” according to the WHO.", ["World Health Organization"]],
    ["unnamed spokesperson of a known body", "“We are concerned,” a State Department spokesperson said.", ["U.S. Department of State"]],
    ["split quote", "“We will rebuild,” Lopez said. “But it will take years.”", ["Lopez", "Lopez"]],
    ["colon", "Smith said: “We will win.”", ["Smith"]],
    ["in a statement", "In a statement, the Kremlin said it “categorically rejects” the accusations.", ["The Kremlin"]],
    ["news agency reports", "Reuters reported that the talks had “collapsed.”", ["Reuters"]],
    // A trailing "it said" after an opening subordinate clause means what came before the sentence, not the clause's body.
    [
      "it said after a subordinate clause",
      "The World Bank review published on Friday was blunt about Velmar.\n\nWhile the Velmar Finance Ministry's budget promises to “end arrears by spring,” suppliers were still unpaid in May, it said.\n\n“Payments stalled for months.”",
      ["Velmar Finance Ministry", "World Bank"],
    ],
    // Cues in languages whose verbs no list holds: the verb's place after the quotation, and the name without the words glued to it.
    ["inverted cue, verb the lists do not know", "„Wir bauen weiter“, erklärte Stadträtin Greta Wolfsberg am Abend.", ["Greta Wolfsberg"]],
    ["dash, verb, family name", "„Nie oddamy szkoły” – stwierdził Wróblewski.", ["Wróblewski"]],
    ["a verb alone after the dash: the person named last", "Burmistrz Anna Nowak otworzyła most. „Czekaliśmy na to dziesięć lat” – dodała.", ["Anna Nowak"]],
    ["colon cue with its verb glued to the name", "Borgmester Anders Kvist udtaler: »Vi åbner skolen igen.«", ["Anders Kvist"]],
    ["it as the main clause's subject stays the clause's body", "While the World Bank's review praises the plan, it calls the targets “out of reach.”", ["World Bank"]],
    ["wrote on Twitter", "Trump wrote on Twitter that the report was “fake news.”", ["Trump"]],
    ["title before a name", "“This is unacceptable,” Prime Minister Narendra Modi said in a televised address.", ["Narendra Modi"]],
    ["inverted with title", "“It’s over,” said Sen. Chuck Schumer, D-N.Y.", ["Chuck Schumer"]],
    ["appositive name after role", "“We need more time,” the ministry’s spokesman, Zhao Lijian, told a briefing.", ["Zhao Lijian"]],
    ["possessive ministry alias", "China’s Foreign Ministry said the claims were “baseless.”", ["Ministry of Foreign Affairs of China"]],
    ["time phrase between subject and verb", "Amnesty International on Monday said detainees were “systematically tortured.”", ["Amnesty International"]],
    ["subject, comma-adverb, verb", "Islamabad, however, rejected the findings as “baseless.”", ["Government of Pakistan"]],
    ["subject, PP, verb", "The Taliban, in a statement, said they “will not attend” the talks.", ["Taliban"]],
    ["the report → its issuer", "The State Department released its annual report on Friday.\n\n“Progress was limited,” the report said.", ["U.S. Department of State"]],
    ["document resolves to issuer", "“Pakistan remained a safe haven,” the Country Reports on Terrorism 2019 notes.", ["U.S. Department of State"]],
    ["it → last organisation", "The Pentagon said talks had stalled.\n\n“Efforts were not seen,” it added.", ["U.S. Department of Defense"]],
    ["the ministry → the ministry named before", "Pakistan’s Foreign Ministry issued a statement.\n\n“We reject it,” the ministry said.", ["Ministry of Foreign Affairs of Pakistan"]],
    ["multi-paragraph quote keeps its speaker", "Obama spoke for an hour.\n\n“The first part of what I want to say\n\n“and the second part,” Obama said.", ["Obama", "Obama"]],
    ["carried to a cue-less quote in the same paragraph", "“We are disappointed,” said a statement by the Pakistani Foreign Affairs Ministry. “The report is selective.”", ["Ministry of Foreign Affairs of Pakistan", "Ministry of Foreign Affairs of Pakistan"]],
    ["participle takes the clause's subject", "The Kremlin on Friday rejected the report, saying it was “absurd.”", ["The Kremlin"]],
    ["participial modifier between subject and verb", "The report, released on Wednesday, said the group was “resilient.”\n\nThe next quote is “different,” said Maria Lopez.", ["report", "Maria Lopez"]],
    ["spokesperson speaks for the body", "“We are disappointed,” Pakistan Foreign Office spokesperson Aisha Farooqui said. She said it was “selective.”", ["Ministry of Foreign Affairs of Pakistan", "Ministry of Foreign Affairs of Pakistan"]],
    ["the spokesperson → the one named before", "Foreign Minister Sergei Lavrov spoke on Monday.\n\n“We will respond,” the minister said.", ["Sergei Lavrov"]],
    ["commitment in a participle belongs to the main clause's subject", "The U.S. report noted that despite committing to “ensure that no militias operate,” under its plan, Islamabad has done little.", ["Government of Pakistan"]],
    ["inverted verb outside the word lists", "“The cuts will hurt,” muttered Jan Hollis, a shop owner.", ["Jan Hollis"]],
    ["speaker then a verb outside the word lists", "“We will appeal,” Ana Ruiz clarified on Friday.", ["Ana Ruiz"]],
    ["verb outside the lists before “that”", "Judge Ada Moss ruled that the firm held a “durable monopoly” in the market.", ["Ada Moss"]],
    ["a verb taking the quotation as its complement is no cue", "Rents climbed “almost twice as fast as pay” last year.", [null]],
    ["title kept apart from the name", "Minister for Water Infrastructure David Oyelaran said the dam was “safe.”", ["David Oyelaran"]],
    ["acronym and hyphenated title before the name", "“We are ready,” WHO Director-General Tedros Adhanom Ghebreyesus told reporters.", ["Tedros Adhanom Ghebreyesus"]],
    ["apposition names the subject", "The harbour board's chair, Rosalind Okafor, defended the rise.\n\n“We had no choice,” she told councillors.", ["Rosalind Okafor"]],
    ["she and he agree with the names", "Engineer Tobias Wren and minister Helena Sorlie toured the site. She said: “It stays shut.” Sorlie left first. He added that it “could take months.”", ["Helena Sorlie", "Tobias Wren"]],
    ["he after a person named in a sentence without a cue", "CrowdStrike CEO George Kurtz apologized on Friday.\n\n“We're deeply sorry,” he told a morning show.", ["George Kurtz"]],
    ["coordinated verb after an opening adverbial", "In addition, he issued a clarification and said ‘It wasn’t an attack.’", [null]],
    ["an adverb after an inverted name is no part of it", "“We must balance the budget,” said Mayor Colm Hart calmly from the podium.", ["Colm Hart"]],
    ["role, then the name in apposition, speaks", "The club's coach, Ade Baro, called the result 'a sucker punch' and said it 'hurt'.", ["Ade Baro", "Ade Baro"]],
    ["apposition after a possessive role", "The firm's CEO, Lena Kraus, said, “Our systems are safe.”", ["Lena Kraus"]],
    ["cue in the previous sentence of the paragraph", "The report said Islamabad failed to act. “Both men remain free,” it noted.", ["report", "report"].slice(0, 1)],
  ])("%s", (_name, body, expected) => {
    expect(speakers(body)).toEqual(expected);
  });

  it("a quote with no cue in a story with several voices gets no speaker, and the reason why", () => {
    const res = analyzeArticle(
      "H\n\n“We will appeal,” Ana Ruiz said.\n\nTom Reyes said the ruling was “fair.”\n\nThe dispute is about a “right of way” across the farm.",
      { registry },
    );
    expect(res.quotes.map((q) => [q.speakerName, q.attributionReason])).toEqual([
      ["Ana Ruiz", "cue in its sentence"],
      ["Tom Reyes", "cue in its sentence"],
      [null, "no attribution cue in its paragraph"],
    ]);
  });

  it("in an article that reads a body's report, quotes without a cue are that body's", () => {
    const res = analyzeArticle(
      "H\n\nThe Halden Institute said rents rose “faster than pay.” Its report said the market was “overheated.”\n\nLandlords face “new rules” next year.",
      { registry },
    );
    expect(res.quotes.map((q) => q.speakerName)).toEqual(["Halden Institute", "Halden Institute", "Halden Institute"]);
    expect(res.quotes[2].attributionReason).toBe("no cue of its own: the source the article reports on");
  });

  it("an acronym in brackets hides no cue, becomes the body's alias and names it later", () => {
    const res = analyzeArticle(
      "H\n\nThe Coastal Ferries Authority (CFA) on Monday said the levy was “unavoidable”.\n\n“Fares will rise,” CFA said.",
      { registry },
    );
    expect(res.quotes.map((q) => [q.speakerName, q.speakerKind, q.speakerAliases])).toEqual([
      ["Coastal Ferries Authority", "organisation", ["CFA"]],
      ["Coastal Ferries Authority", "organisation", ["CFA"]],
    ]);
  });

  it("a bare “Foreign Office” belongs to the article's country (dateline first)", () => {
    const res = analyzeArticle("FO rejects report\n\nISLAMABAD: The Foreign Office said the report was “selective.” Officials in Washington disagreed.", { registry });
    expect(res.quotes[0].speakerName).toBe("Ministry of Foreign Affairs of Pakistan");
  });

  it("headline attribution after a colon", () => {
    const res = analyzeArticle("Pakistan a ‘safe haven’ for ‘terror groups’: U.S. State Department\n\nBody.", { registry });
    expect(res.quotes.map((q) => [q.exact, q.speakerName, q.attribution])).toEqual([
      ["safe haven", "U.S. Department of State", "headline"],
      ["terror groups", "U.S. Department of State", "headline"],
    ]);
  });

  it("keeps cue and verb as written", () => {
    const [q] = analyzeArticle("H\n\n“It allowed groups to operate,” State notes in its opening paragraph.", { registry }).quotes;
    expect(q.cue).toBe("State notes");
    expect(q.verb).toBe("notes");
    const [r] = analyzeArticle("H\n\n“We are disappointed,” said a June 25 statement by the Pakistani Foreign Affairs Ministry.", { registry }).quotes;
    expect(r.cue).toBe("said a June 25 statement by the Pakistani Foreign Affairs Ministry");
    expect(r.verb).toBe("said");
  });

  it("“according to X’s statistics” names a data source, not a speaker", () => {
    const res = analyzeArticle(
      "H\n\n“Casualties rose sharply,” the report said. According to the army’s own statistics, losses were “30 percent higher.”",
      { registry },
    );
    expect(res.quotes[1].speakerName).toBe(res.quotes[0].speakerName);
  });

  it("an app registry entry wins over the built-in one and resolves aliases", () => {
    const reg = createSpeakerRegistry([{ id: "khalilzad", name: "Zalmay Khalilzad", kind: "person", aliases: ["U.S. envoy", "Khalilzad"] }]);
    const res = analyzeArticle("H\n\n“Pakistan helped,” the U.S. envoy said.", { registry: reg });
    expect(res.quotes[0].speakerId).toBe("khalilzad");
    expect(res.quotes[0].speakerName).toBe("Zalmay Khalilzad");
  });

  it("marks quoted labels", () => {
    const res = analyzeArticle("H\n\nThe State Department refers to the group as being “affiliated” with the Taliban.", { registry });
    expect(res.quotes[0].label).toBe(true);
    const res2 = analyzeArticle("H\n\nPakistan’s plan calls to “ensure that no militias operate,” officials said.", { registry });
    expect(res2.quotes[0].label).toBe(false);
  });

  it("finds hedges near the quote", () => {
    const [q] = analyzeArticle("Pakistan Still Seen As ‘Safe Haven’ For Militants\n\nBody.", { registry }).quotes;
    expect(q.hedges).toContain("still");
    expect(q.hedges).toContain("seen as");
    const [r] = analyzeArticle("H\n\nThe group allegedly called the attack “a success,” officials said.", { registry }).quotes;
    expect(r.hedges).toContain("allegedly");
  });
});

describe("speakers given by the layout", () => {
  const all = (text: string) => analyzeArticle(text, { registry }).quotes.map((q) => [q.exact, q.speakerName, q.attributionReason]);

  it("an embedded post's quotation is its author's, signed on the line below", () => {
    const text = "Council drops tram plan\n\nThe council dropped the tram plan on Friday.\n\nThe cyclists' club answered at once:\n\n" +
      "Told you so. The plan was \"a gift to the car lobby\", as we said in May.\n\n— Petra Holmqvist (@petra_rides) March 3, 2026\n\nThe vote was 9 to 4.\n";
    expect(all(text)).toEqual([["a gift to the car lobby", "Petra Holmqvist", "the author of the embedded post it is in"]]);
  });

  it("in a question-and-answer interview the answers are the interviewee's, a question's quotation is nobody's named", () => {
    const text = "'Open the archive to everyone': the new librarian\n\nTomas Brandt became head librarian of the Varde library in May. He talked to Ingrid Sol.\n\n" +
      "Q: Your deputy called the archive \"a closed shop\". Fair?\n\nA: Partly. My first order was short: \"Open the archive to everyone.\"\n\n" +
      "Q: Will it cost more?\n\nA: I told the council that \"the budget stays flat\", and it will.\n";
    expect(all(text).map(([q, s]) => [q, s])).toEqual([
      ["Open the archive to everyone", "Tomas Brandt"],
      ["a closed shop", null],
      ["Open the archive to everyone.", "Tomas Brandt"],
      ["the budget stays flat", "Tomas Brandt"],
    ]);
  });
});

describe("speakers found from structure in text the English cue rules cannot read", () => {
  const all = (text: string) => analyzeArticle(text, { registry }).quotes.map((q) => [q.exact, q.speakerName, q.kind]);

  it("a short quoted term in another language is the wording of the subject its sentence opens with", () => {
    expect(all("Rathaus\n\nDie Landesregierung hat den Plan im Mai als „unbezahlbar“ kritisiert. Das Bauamt schweigt.")).toEqual([
      ["unbezahlbar", "Die Landesregierung", "phrase"],
    ]);
    // A genitive name and the noun it owns (Swedish): the owner alone is not the speaker.
    expect(all("Hyror\n\nStadens bostadsbolag kallar förslaget »ett hån«. Ordföranden svarar i dag.")).toEqual([
      ["ett hån", "Stadens bostadsbolag", "phrase"],
    ]);
  });

  it("an English sentence without a cue is left to the English rules", () => {
    expect(all("H\n\nTenants face “new rules” next year, and the landlords’ group wants more.")[0][1]).toBeNull();
  });

  it("a sentence of another language opening with a determiner before a title and a name: the determiner is no part of the name", () => {
    const [q] = all("Hafen\n\nDeren Sprecherin Wiebke Lorenzen war zufrieden: „Wir bauen ab Juni weiter.“");
    expect(q[1]).toBe("Sprecherin Wiebke Lorenzen");
  });

  it("Japanese: the topic before は or が of a quotation reported with と", () => {
    expect(all("見出し\n\n県の佐藤一郎知事は記者団に、「予算は減らさない」と語った。").map((q) => q[1])).toEqual(["県の佐藤一郎知事"]);
  });

  it("Chinese: the clause's subject before a word of time or an adverb, a pronoun continuing it, and nobody when the clause does not show it", () => {
    const text = "標題\n\n交通部長王大明今天說：「票價不會調漲。」他也說，補貼「不會減少」。\n\n" +
      "市議員林美玲昨天強調：「這是選舉支票。」她又說「預算不夠」。\n\n議員指出「沒有配套」。";
    expect(all(text).map((q) => q[1])).toEqual(["交通部長王大明", "交通部長王大明", "市議員林美玲", "市議員林美玲", null]);
  });
});

describe("a document a person wrote in", () => {
  it("“the ruling said” after “NAME wrote in his ruling” is that person's", () => {
    const res = analyzeArticle("H\n\n“The dam is safe,” Judge Ola Vik wrote in his 90-page ruling.\n\nThe levee “needs work,” the ruling said.", { registry });
    expect(res.quotes.map((q) => [q.speakerName, q.cue])).toEqual([["Ola Vik", "Judge Ola Vik wrote"], ["Ola Vik", "the ruling said"]]);
  });

  it("a document named with another owner's possessive is not the person's", () => {
    const res = analyzeArticle("H\n\n“We fixed it,” Ola Vik said in his firm's update.\n\nThe fault “was rare,” the update said.", { registry });
    expect(res.quotes[1].speakerName).not.toBe("Ola Vik");
  });
});

describe("a person named with a role, then by the role alone", () => {
  it("“the UNDP Administrator said” is the person introduced as UNDP Administrator; an acronym spelt like a function word is still a name", () => {
    const text = "H\n\nThe fund grew, UNDP Administrator Lea Moss said on Monday.\n\n“We need more,” the UNDP Administrator said.\n\n" +
      "“It works,” the WHO Chief Scientist said.";
    expect(analyzeArticle(text, { registry }).quotes.map((q) => q.speakerName)).toEqual(["Lea Moss", "WHO Chief Scientist"]);
  });
});

describe("a party and state in brackets after a name", () => {
  it("“Sen. NAME (D-Md.) said” is the senator's", () => {
    expect(speakers("Sen. Lena Fox (D-Md.) said the collapse was “a national tragedy.” Rep. Al Dunn (R) called it “a wake-up call.”")).toEqual(["Lena Fox", "Al Dunn"]);
  });
});

describe("a person named with a body and a title, then by the title alone", () => {
  const names = (text: string) => analyzeArticle(text, { registry }).quotes.map((q) => q.speakerName);

  it("“the UNESCO chief”, “the Vellora CEO”, “the chief executive” are the person introduced with that body's role", () => {
    expect(names("H\n\nThe site was listed, UNESCO Director-General Ana Rivas said in a speech.\n\n“We are proud,” the UNESCO chief said.")).toEqual(["Ana Rivas"]);
    expect(names("H\n\nVellora chief executive Omar Haddad said on Monday the firm would appeal.\n\n“We disagree,” the Vellora CEO said.\n\n“We will win,” the chief executive wrote.")).toEqual(["Omar Haddad", "Omar Haddad"]);
  });

  it("a leader word that fits two people introduced with that body is nobody's name", () => {
    const text = "H\n\nVellora chief executive Omar Haddad said he was calm.\n\nThen Vellora president Ida Berg said the firm would appeal.\n\n“We disagree,” the Vellora chief said.";
    expect(names(text)).not.toContain("Ida Berg");
  });
});
