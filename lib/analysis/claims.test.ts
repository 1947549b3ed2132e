import { describe, expect, it } from "vitest";
import { ClaimIndex } from "./claim-index";
import type { ClaimQuote } from "./claim-quote";
import { ClaimGrouper, compareQuotes, groupClaims, newClaimKey } from "./claims";

const q = (id: string, text: string, over: Partial<ClaimQuote> = {}): ClaimQuote => ({
  id, text, articleId: id.split("#")[0], speakerKey: "board", ...over,
});
const ctx = (before: string, after: string) => ({ context: { before, after } });

const HARBOUR = "The island continued to serve as a safe harbour for certain regionally focused smuggling rings,";
const SHIELD = "The island continued to act as a safe harbor for some regionally focused smuggling gangs,";

describe("compareQuotes (the second quote judged against a claim founded by the first)", () => {
  it.each([
    ["verbatim (case and punctuation ignored)", HARBOUR, HARBOUR.toLowerCase().replace(/,$/, "."), "verbatim"],
    ["an excerpt", HARBOUR, "to serve as a safe harbour for certain regionally focused", "trimmed"],
    ["an excerpt with an ellipsis", HARBOUR, "The island continued … regionally focused smuggling rings", "trimmed"],
    ["US spelling of a UK wording", HARBOUR, "The island continued to serve as a safe harbor for certain regionally focused smuggling rings.", "verbatim"],
    ["reworded", HARBOUR, SHIELD, "reworded"],
  ])("%s", (_name, a, b, via) => {
    const r = compareQuotes(q("a#0", a), q("b#0", b));
    expect(r?.via).toBe(via);
    expect(r!.score).toBeGreaterThanOrEqual(0.6);
  });

  it("two wordings of one document by its issuer link on less agreement than two wordings of a speaker's remarks", () => {
    const a = "The island continued to serve as a safe refuge for certain regionally focused smuggling rings";
    const b = "The island remained a safe haven for other regionally focused smuggling rings";
    const doc = { speakerKey: "board", documentKey: "board-review:2025" };
    expect(compareQuotes(q("a#0", a, doc), q("b#0", b, doc))).toMatchObject({ via: "reworded" });
    expect(compareQuotes(q("a#0", a), q("b#0", b))).toBeNull();
    // Two years of the document are two claims, however alike.
    expect(compareQuotes(q("a#0", a, doc), q("b#0", b, { ...doc, documentKey: "board-review:2024" }))).toBeNull();
  });

  it("two rewordings continuing the same outlet clause about one subject link; a frame alone, or a frame ending in a verb of saying, does not", () => {
    const a = "failed to audit the tunnel contractor, which is widely thought to have billed the city twice for the same pumps.";
    const b = "never checked the tunnel contractor, which is thought to have billed twice.";
    const frame = ctx("The inspectors' review found the water board", ".");
    expect(compareQuotes(q("a#0", a, { speakerKey: null, ...frame }), q("b#0", b, { speakerKey: null, ...frame }))).toMatchObject({ via: "reworded" });
    // Without the shared frame the same wordings are too far apart.
    expect(compareQuotes(q("a#0", a, { speakerKey: null, ...ctx("Critics said the board", ".") }), q("b#0", b, { speakerKey: null, ...frame }))).toBeNull();
    // Another assertion about the same subject shares too few words.
    expect(compareQuotes(q("a#0", a, { speakerKey: null, ...frame }), q("b#0", "never published the tunnel accounts for the year.", { speakerKey: null, ...frame }))).toBeNull();
    // "… the board said “…”": the words before the mark name no subject of the quoted ones.
    const said = ctx("Asked about the tunnel, the board said", ".");
    expect(compareQuotes(q("a#0", a, { speakerKey: null, ...said }), q("b#0", b, { speakerKey: null, ...said }))).toBeNull();
  });

  it("unrelated sentences do not link", () => {
    expect(compareQuotes(q("a#0", HARBOUR), q("b#0", "We are disappointed by the review and its conclusions."))).toBeNull();
  });

  it("a phrase links to the sentence it invokes when the outlet's words around it agree", () => {
    const r = compareQuotes(q("a#0", "We are alarmed by the survey, which is flawed,"), q("b#0", "alarmed", ctx("The agency said it was", "by the survey.")));
    expect(r).toMatchObject({ via: "trimmed" });
  });

  it("a phrase inside a prepositional phrase of a longer quote is not that quote's claim", () => {
    const long = "Most of the floods started at weak points in the northern dykes and moved south,";
    expect(compareQuotes(q("a#0", long), q("b#0", "weak points", ctx("The board said the northern dykes have", ".")))).toBeNull();
  });

  it("a characterisation (“described X as …”) links as a characterisation", () => {
    const r = compareQuotes(
      q("a#0", "The levy is a cynical trick on drivers and cyclists alike,"),
      q("b#0", "cynical trick", { label: true, ...ctx("The board described the new levy as a", "on drivers.") }),
    );
    expect(r?.via).toBe("characterisation");
  });
});

describe("groupClaims", () => {
  it("groups verbatim, trimmed and spelled-differently quotes of one speaker across articles", () => {
    const res = groupClaims([
      q("a#0", HARBOUR),
      q("a#1", "safe harbour", ctx("The island remains a", "for smugglers")),
      q("b#0", HARBOUR.replace("harbour", "harbor")),
      q("c#0", "safe harbor", ctx("Island a", "for smuggling rings")),
      q("c#1", "We reject any insinuation about any safe harbour.", { speakerKey: "island-government" }),
    ]);
    const key = (id: string) => res.byQuote.get(id)!.claimKey;
    expect(new Set(["a#0", "a#1", "b#0", "c#0"].map(key)).size).toBe(1);
    expect(key("c#1")).not.toBe(key("a#0"));
    expect(res.byQuote.get("b#0")).toMatchObject({ via: "verbatim", linkedTo: "a#0" });
  });

  it("does not chain: quotes sharing a pair of words with one quote each are not one claim", () => {
    const res = groupClaims([
      q("a#0", "The port remains a weak link in the northern supply chain for grain,"),
      q("b#0", "Grain exports through the northern supply chain fell by a third last year,"),
      q("c#0", "Exports fell by a third after the strike at the port,"),
    ]);
    expect(new Set(res.claims.map((c) => c.key)).size).toBe(3);
  });

  it("a phrase found in two claims' wordings alike is left on its own rather than guessed", () => {
    const res = groupClaims([
      q("a#0", "The ferry remains a lifeline for the outer islands,"),
      q("b#0", "The bridge is a lifeline for the fishing villages along the coast,"),
      q("c#0", "lifeline", ctx("It called the service a", "for the islands")),
    ]);
    const key = (id: string) => res.byQuote.get(id)!.claimKey;
    expect(key("c#0")).not.toBe(key("a#0"));
    expect(key("c#0")).not.toBe(key("b#0"));
  });

  it("keeps the same words from different report years apart", () => {
    const text = "Coastal patrols intercepted most of the boats that tried to land at night,";
    const res = groupClaims([q("a#0", text, { documentKey: "review:2019" }), q("b#0", text, { documentKey: "review:2016" })]);
    expect(res.byQuote.get("a#0")!.claimKey).not.toBe(res.byQuote.get("b#0")!.claimKey);
  });

  it("never links two known speakers, even on identical words", () => {
    const long = "ensure that no armed militias are allowed to function in the country,";
    expect(groupClaims([q("a#0", long), q("b#0", long, { speakerKey: "other-body" })]).claims.length).toBe(2);
  });

  it("links an unknown speaker's quote on strong wording evidence only", () => {
    const long = "Coastal patrols intercepted most of the boats that tried to land at night,";
    const strong = groupClaims([q("a#0", long), q("b#0", long, { speakerKey: null })]);
    expect(strong.claims.length).toBe(1);
    const weak = groupClaims([
      q("a#0", "Coastal patrols intercepted most of the boats that tried to land at night,"),
      q("b#0", "weak spots", { speakerKey: null, ...ctx("Officials said the coast has", ".") }),
    ]);
    expect(weak.claims.length).toBe(2);
  });

  it("a multi-sentence quote carries the claim of its first sentence", () => {
    const res = groupClaims([
      q("a#0", "The utility remained a weak link for the region. It let leaks in the north run on for months, including at two stations,"),
      q("b#0", "including at two stations, to run on for months"),
      q("c#0", "The utility remained a weak link for the region,"),
    ]);
    const key = (id: string) => res.byQuote.get(id)!.claimKey;
    expect(key("b#0")).not.toBe(key("a#0"));
    expect(key("c#0")).toBe(key("a#0"));
  });

  it("hints join quotes the caller knows belong together", () => {
    const res = groupClaims([q("a#0", "After the flood of 2011,"), q("a#1", "the village moved to higher ground")], {
      hints: [{ a: "a#0", b: "a#1" }],
    });
    expect(res.claims.length).toBe(1);
    expect(res.byQuote.get("a#0")).toMatchObject({ via: "context", linkedTo: "a#1" });
  });

  it("a fuller quote that contains two phrase claims' words merges them into its claim", () => {
    const res = groupClaims([
      q("a#0", "record losses", { sentence: 1, ...ctx("The bank reported", "and") }),
      q("b#0", "deep cuts", { sentence: 1, ...ctx("promised", "to staff") }),
      q("c#0", "We reported record losses this year and promised deep cuts to staff,"),
    ]);
    const key = (id: string) => res.byQuote.get(id)!.claimKey;
    expect(key("a#0")).toBe(key("c#0"));
    expect(key("b#0")).toBe(key("c#0"));
    expect(res.claims.length).toBe(1);
  });

  it("claim keys are stable strings", () => {
    const a = groupClaims([q("a#0", HARBOUR), q("b#0", SHIELD)]);
    const b = groupClaims([q("a#0", HARBOUR), q("b#0", SHIELD)]);
    expect(a.byQuote.get("a#0")!.claimKey).toBe(b.byQuote.get("a#0")!.claimKey);
    expect(a.byQuote.get("a#0")!.claimKey).toMatch(/^board\/the-island-continued-to-serve-as-[0-9a-z]+$/);
    expect(newClaimKey({ text: "safe harbour", speakerKey: null })).toMatch(/^unattributed\/safe-harbour-/);
  });
});

describe("ClaimGrouper (streaming)", () => {
  it("keeps one entry per claim, not per quote", () => {
    const g = new ClaimGrouper();
    for (let i = 0; i < 50; i++) g.addArticle([q(`a${i}#0`, HARBOUR, { articleId: `a${i}` })]);
    expect(g.claimCount).toBe(1);
  });
});

describe("ClaimIndex (incremental, the app's)", () => {
  it("answers a new quote with candidate claims and scores", () => {
    const index = new ClaimIndex();
    index.add(q("a#0", HARBOUR), "claim-harbour");
    index.add(q("a#1", "We reject any insinuation about any safe harbour.", { speakerKey: "island-government" }), "claim-rejects");
    expect(index.query(q("new#0", SHIELD))[0]).toMatchObject({ claimKey: "claim-harbour", via: "reworded", quoteId: "a#0" });
    expect(index.query(q("new#1", "safe harbour"))[0].claimKey).toBe("claim-harbour");
    expect(index.query(q("new#2", "any insinuation about any safe harbour", { speakerKey: "island-government" }))[0].claimKey).toBe("claim-rejects");
    expect(index.query(q("new#3", "The weather was fine in the capital on Tuesday."))).toEqual([]);
  });

  it("an editor's confirmed quote is the claim's wording", () => {
    const index = new ClaimIndex();
    index.add(q("a#0", "safe harbour"), "c1");
    index.add(q("a#1", "The strait is a safe harbour for smuggling rings,", { confirmed: true }), "c1");
    const [c] = index.query(q("n#0", "The strait is a safe harbour for smuggling rings and their boats,"));
    expect(c).toMatchObject({ claimKey: "c1", quoteId: "a#1" });
  });

  it("claims of other known speakers do not use up the quote's candidates", () => {
    const index = new ClaimIndex();
    index.add(q("a#0", HARBOUR, { speakerKey: "name:ann cole" }), "cole");
    for (let i = 0; i < 40; i++) index.add(q(`o${i}#0`, `${HARBOUR} witness ${i} said`, { speakerKey: `name:other${i} person` }), `other${i}`);
    expect(index.query(q("n#0", SHIELD, { speakerKey: "name:ann cole" }))[0]?.claimKey).toBe("cole");
  });

  it("query work stays bounded as the index grows (posting lists are capped)", () => {
    const index = new ClaimIndex();
    for (let i = 0; i < 3000; i++) index.add(q(`x${i}#0`, `Island safe harbour rings statement number ${i} of many`), `k${i}`);
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) index.query(q("n#0", `Island safe harbour rings statement number ${i} of many`));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(index.size).toBe(3000);
  });
});
