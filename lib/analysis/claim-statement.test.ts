import { describe, expect, it } from "vitest";
import { isClaimStatement } from "./claim-statement";

// Quotes as the seed corpus and field articles print them (marks excluded).
describe("isClaimStatement", () => {
  it.each([
    "Pakistan continued to serve as a safe haven for certain regionally focused terrorist groups,",
    "We are disappointed,",
    "We reject any insinuation about any safe haven.",
    "[The report] is self-contradictory and selective in its characterization of Pakistan’s efforts",
    "suffered an unprecedented number of casualties in an intense fighting season.",
    "also increased high-profile terrorist attacks targeting Afghan government officials",
    "draws strength through cooperation with other terrorist organizations operating in Afghanistan",
    "The government and military acted inconsistently with respect to terrorist safe havens",
    "Afghanistan, in particular, continued to experience aggressive and coordinated attacks",
    "Cases rose for a fourth straight week.",
  ])("a statement: %s", (exact) => {
    expect(isClaimStatement({ exact, kind: "statement" })).toBe(true);
  });

  it.each([
    "affiliated",
    "terror groups",
    "safe haven",
    "modest steps",
    "control of major population centers,",
    "Farah, Helmand, Kunduz, and Uruzgan.",
    "30 percent higher in 2016 than in 2015.",
    "established a relationship",
    "committed to helping reduce violence",
    "to regularly exert pressure on population centers,",
    "implementing an ongoing ban against media coverage of their activities.",
    "hold rallies, raise money, recruit, and train in Pakistan.",
    "over its failure to adequately address the threat posed by militant and terrorist groups",
    "modest steps in 2019 to counter terror financing and to restrain some India-focused militant groups,",
  ])("a fragment: %s", (exact) => {
    expect(isClaimStatement({ exact })).toBe(false);
  });

  it("a title or a label is never a claim, whatever its words", () => {
    expect(isClaimStatement({ exact: "Pakistan Is Still A Safe Haven For Militants", kind: "title" })).toBe(false);
    expect(isClaimStatement({ exact: "the groups were affiliated with the network", label: true })).toBe(false);
  });

  it("is deterministic and handles empty or marks-only text", () => {
    expect(isClaimStatement({ exact: "" })).toBe(false);
    expect(isClaimStatement({ exact: "… — ," })).toBe(false);
    const s = { exact: "The minister said the budget protects the poorest households." };
    expect(isClaimStatement(s)).toBe(isClaimStatement(s));
  });
});
