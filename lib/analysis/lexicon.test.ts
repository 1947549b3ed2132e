// The word lists the analysis reads (data/lexicon.ts) are compromise's, as installed: after an
// upgrade of compromise this fails until `npx tsx scripts/build-lexicon.ts` rewrites them.
import compromise from "compromise/two";
import { describe, expect, it } from "vitest";
import { LEXICON } from "./data/lexicon";
import { type CompromiseModel, extractLexicon } from "./data/lexicon-extract";
import { firstNameGender, isCalendarWord, isFirstName, isOrganizationWord, isPlaceWord, isRoleNoun } from "./nlp";

describe("compromise's word lists", () => {
  it("data/lexicon.ts holds the installed compromise's lists", () => {
    const fresh = extractLexicon((compromise as unknown as { model(): CompromiseModel }).model());
    for (const [name, words] of Object.entries(fresh)) expect(LEXICON[name as keyof typeof LEXICON].split(" "), name).toEqual(words);
  });

  it("answers word by word, whatever the case", () => {
    expect(firstNameGender("Helena")).toBe("female");
    expect(firstNameGender("Tobias")).toBe("male");
    expect(firstNameGender("ministry")).toBeNull();
    expect(isFirstName("KIM")).toBe(true);
    expect(isRoleNoun("teacher")).toBe(true);
    expect(isOrganizationWord("Ministry")).toBe(true);
    expect(isPlaceWord("Kenya")).toBe(true);
    expect(isCalendarWord("Wednesday")).toBe(true);
    expect(isCalendarWord("report")).toBe(false);
  });
});
