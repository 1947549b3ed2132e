import { describe, expect, it } from "vitest";
import { ClaimIndex, type ClaimQuote, compareQuotes, groupClaims, newClaimKey } from "./claims";

const q = (id: string, text: string, over: Partial<ClaimQuote> = {}): ClaimQuote => ({
  id, text, articleId: id.split("#")[0], speakerKey: "us-state-dept", ...over,
});

const SAFE_HAVEN = "Pakistan continued to serve as a safe haven for certain regionally focused terrorist groups,";
const SAFE_HARBOR = "Pakistan remained a safe harbor for other regionally focused terrorist groups,";

describe("compareQuotes", () => {
  it.each([
    ["verbatim (case and punctuation ignored)", SAFE_HAVEN, "pakistan continued to serve as a safe haven for certain regionally focused terrorist groups.", "verbatim"],
    ["trimmed to a phrase", SAFE_HAVEN, "safe haven", "trimmed"],
    ["trimmed with an ellipsis", SAFE_HAVEN, "Pakistan continued … regionally focused terrorist groups", "trimmed"],
    ["reworded", SAFE_HAVEN, SAFE_HARBOR, "reworded"],
  ])("%s", (_name, a, b, via) => {
    const r = compareQuotes(q("a#0", a), q("b#0", b));
    expect(r?.via).toBe(via);
    expect(r!.score).toBeGreaterThanOrEqual(0.55);
  });

  it("unrelated sentences score low", () => {
    const r = compareQuotes(q("a#0", SAFE_HAVEN), q("b#0", "We are disappointed by the report and its conclusions."));
    expect(r === null || r.score < 0.55).toBe(true);
  });
});

describe("groupClaims", () => {
  it("groups verbatim, trimmed and reworded quotes of one speaker across articles", () => {
    const res = groupClaims([
      q("a#0", SAFE_HAVEN),
      q("a#1", "safe haven"),
      q("b#0", SAFE_HARBOR),
      q("c#0", "Safe Haven"),
      q("c#1", "We reject any insinuation about any safe haven.", { speakerKey: "pak-mofa" }),
    ]);
    const key = (id: string) => res.byQuote.get(id)!.claimKey;
    expect(new Set(["a#0", "a#1", "b#0", "c#0"].map(key)).size).toBe(1);
    expect(key("c#1")).not.toBe(key("a#0"));
    expect(res.byQuote.get("b#0")!.via).toBe("reworded");
    expect(res.byQuote.get("b#0")!.linkedTo).toBe("a#0");
  });

  it("keeps the same words from different report years apart", () => {
    const text = "Pakistani military and security forces undertook operations against groups that conducted attacks within Pakistan,";
    const res = groupClaims([
      q("a#0", text, { documentKey: "doc-crt:2019" }),
      q("b#0", text, { documentKey: "doc-crt:2016" }),
    ]);
    expect(res.byQuote.get("a#0")!.claimKey).not.toBe(res.byQuote.get("b#0")!.claimKey);
  });

  it("keeps different speakers apart unless the words are long and identical", () => {
    const short = groupClaims([q("a#0", "safe haven"), q("b#0", "safe haven", { speakerKey: "pak-mofa" })]);
    expect(short.claims.length).toBe(2);
    const long = "ensure that no armed militias are allowed to function in the country,";
    const same = groupClaims([q("a#0", long), q("b#0", long, { speakerKey: "pak-govt" })]);
    expect(same.claims.length).toBe(1);
  });

  it("a label stays its own claim", () => {
    const res = groupClaims([
      q("a#0", "modest steps in 2019 to counter terror financing and to restrain some India-focused militant groups,"),
      q("a#1", "India-focused militant groups", { label: true }),
      q("b#0", "modest steps"),
    ]);
    const key = (id: string) => res.byQuote.get(id)!.claimKey;
    expect(key("b#0")).toBe(key("a#0"));
    expect(key("a#1")).not.toBe(key("a#0"));
  });

  it("a phrase attaches to one claim only (no bridging)", () => {
    const res = groupClaims([
      q("a#0", "Pakistan remains a safe haven for militants fighting in Afghanistan"),
      q("b#0", "Iran is a safe haven for smugglers moving fuel across the border"),
      q("c#0", "safe haven"),
    ]);
    expect(res.byQuote.get("a#0")!.claimKey).not.toBe(res.byQuote.get("b#0")!.claimKey);
  });

  it("hints link quotes the caller knows belong together", () => {
    const res = groupClaims([q("a#0", "After the fall of the Taliban in 2001,"), q("a#1", "Jalaluddin retreated to Pakistan")], {
      hints: [{ a: "a#0", b: "a#1" }],
    });
    expect(res.claims.length).toBe(1);
    expect(res.byQuote.get("a#1")!.via).toBe("context");
  });

  it("claim keys are stable strings", () => {
    const a = groupClaims([q("a#0", SAFE_HAVEN), q("b#0", SAFE_HARBOR)]);
    const b = groupClaims([q("a#0", SAFE_HAVEN), q("b#0", SAFE_HARBOR)]);
    expect(a.byQuote.get("a#0")!.claimKey).toBe(b.byQuote.get("a#0")!.claimKey);
    expect(a.byQuote.get("a#0")!.claimKey).toMatch(/^us-state-dept\/pakistan-continued-to-serve-as-a-[0-9a-z]+$/);
    expect(newClaimKey({ text: "safe haven", speakerKey: null })).toMatch(/^unattributed\/safe-haven-/);
  });
});

describe("ClaimIndex (incremental)", () => {
  it("answers a new quote with candidate claims and scores", () => {
    const index = new ClaimIndex();
    index.add(q("a#0", SAFE_HAVEN), "crt2019-safe-haven");
    index.add(q("a#1", "We reject any insinuation about any safe haven.", { speakerKey: "pak-mofa" }), "mofa-rejects");
    const c = index.query(q("new#0", SAFE_HARBOR));
    expect(c[0]).toMatchObject({ claimKey: "crt2019-safe-haven", via: "reworded", quoteId: "a#0" });
    expect(index.query(q("new#1", "safe haven"))[0].claimKey).toBe("crt2019-safe-haven");
    expect(index.query(q("new#2", "any insinuation about any safe haven", { speakerKey: "pak-mofa" }))[0].claimKey).toBe("mofa-rejects");
    expect(index.query(q("new#3", "The weather was fine in Kabul on Tuesday."))).toEqual([]);
  });

  it("query work stays bounded as the index grows (posting lists are capped)", () => {
    const index = new ClaimIndex();
    for (let i = 0; i < 3000; i++) index.add(q(`x${i}#0`, `Pakistan safe haven groups statement number ${i} of many`), `k${i % 500}`);
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) index.query(q("n#0", `Pakistan safe haven groups statement number ${i} of many`));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(index.size).toBe(3000);
  });
});
