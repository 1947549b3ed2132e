import { describe, expect, it } from "vitest";
import { claimSlug } from "./slug";

describe("claimSlug", () => {
  it.each([
    ["Pakistan continued to serve as a safe haven for certain regionally focused terrorist groups.", "pakistan-continued-to-serve-as-a-safe-haven"],
    ["Pakistan took modest steps to counter terror financing", "pakistan-took-modest-steps-to-counter-terror-financing"],
    ["Safe haven for", "safe-haven"],
    ["Terror groups", "terror-groups"],
    ["Über-große Straßen in München", "ueber-grosse-strassen-in-muenchen"],
  ])("%s → %s", (summary, slug) => {
    expect(claimSlug(summary)).toBe(slug);
  });

  it("never cuts inside a word and stays short", () => {
    const slug = claimSlug("Internationalisation ".repeat(10));
    expect(slug.split("-").every((w) => w === "internationalisation")).toBe(true);
    expect(slug.length).toBeLessThanOrEqual(60);
  });
});
