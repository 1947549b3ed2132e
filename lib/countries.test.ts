import { describe, expect, it } from "vitest";
import { countryName, listCountries, parseCountry } from "./countries";
import { isAcronym, splitAcronyms } from "./validation/speaker";

describe("countries", () => {
  it.each([
    ["PK", "PK"],
    ["pk", "PK"],
    [" Pakistan ", "PK"],
    ["pakistan", "PK"],
    ["Côte d’Ivoire", "CI"],
    ["cote d’ivoire", "CI"],
    ["United States", "US"],
    ["", ""],
    ["   ", ""],
    ["Atlantis", null],
    ["ZZ", null], // "Unknown Region"
    ["EU", null], // a union, not a country
    ["XA", null], // private use
    ["P", null],
  ])("parseCountry(%j) is %j", (typed, code) => {
    expect(parseCountry(typed)).toBe(code);
  });

  it("names codes in English and lists each country once, by name", () => {
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("de")).toBeNull();
    const all = listCountries();
    expect(all.length).toBeGreaterThan(240);
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    expect(all.map((c) => c.name)).toEqual([...all.map((c) => c.name)].sort((a, b) => a.localeCompare(b, "en")));
    expect(all.find((c) => c.code === "XK")?.name).toBe("Kosovo");
  });
});

describe("acronyms", () => {
  it.each([
    ["WHO", true],
    ["ISPR", true],
    ["DoD", true],
    ["U.N.", true],
    ["R&AW", true],
    ["G7", false], // one capital
    ["who", false],
    ["Foggy Bottom", false],
    ["A", false],
    ["ABCDEFGHIJKLM", false], // 13 characters
  ])("isAcronym(%j) is %j", (s, yes) => {
    expect(isAcronym(s)).toBe(yes);
  });

  it("splits names into acronyms and other aliases, in order", () => {
    expect(splitAcronyms(["Department of Defense", "DoD", "Pentagon", "US DoD", "DOD"])).toEqual({ acronyms: ["DoD", "DOD"], aliases: ["Department of Defense", "Pentagon", "US DoD"] });
  });
});
