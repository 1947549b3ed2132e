import { describe, expect, it } from "vitest";
import { createSpeakerRegistry } from "./speakers";

describe("createSpeakerRegistry", () => {
  const reg = createSpeakerRegistry();

  it.each([
    ["State Department", "us-state-dept"],
    ["the U.S. State Department", "us-state-dept"],
    ["US State Department", "us-state-dept"],
    ["Foggy Bottom", "us-state-dept"],
    ["State", "us-state-dept"],
    ["the Pentagon", "us-dod"],
    ["Pakistani Foreign Affairs Ministry", "pak-mofa"],
    ["the Pakistani foreign office", "pak-mofa"],
    ["China’s Foreign Ministry", "chn-mofa"],
    ["Islamabad", "pak-govt"],
    ["WHO", "who"],
    ["Country Reports on Terrorism", "doc-country-reports-terrorism"],
  ])("resolves %s", (mention, id) => {
    expect(reg.resolve(mention)?.id).toBe(id);
  });

  it.each([["state"], ["who"], ["Is"], ["the report"], ["Maria Lopez"]])("does not resolve %s", (mention) => {
    expect(reg.resolve(mention)).toBeNull();
  });

  it("a document resolves to its issuer", () => {
    const doc = reg.resolve("Country Report on Terrorism")!;
    expect(reg.speakerOf(doc).name).toBe("U.S. Department of State");
  });

  it("finds the longest alias inside a longer mention", () => {
    const m = reg.findIn("a June 25 statement by the Pakistani Foreign Affairs Ministry");
    expect(m?.entry.id).toBe("pak-mofa");
    expect(m?.atEnd).toBe(true);
  });

  it("takes the app's speakers, which override built-ins with the same id", () => {
    const app = createSpeakerRegistry([
      { id: "us-state-dept", name: "State Dept. (U.S.)", kind: "government", aliases: ["Department"] },
      { id: "zk", name: "Zalmay Khalilzad", kind: "person", aliases: ["Khalilzad", "U.S. envoy"] },
    ]);
    expect(app.resolve("Foggy Bottom")).toBeNull(); // the app entry replaced the built-in aliases
    expect(app.resolve("the Department")?.name).toBe("State Dept. (U.S.)");
    expect(app.resolve("Khalilzad")?.id).toBe("zk");
    expect(app.resolve("the U.S. envoy")?.id).toBe("zk");
  });

  it("can run without the built-in list", () => {
    const bare = createSpeakerRegistry([{ id: "x", name: "Example Org", kind: "organisation", aliases: [] }], { defaults: false });
    expect(bare.resolve("Pentagon")).toBeNull();
    expect(bare.resolve("Example Org")?.id).toBe("x");
  });
});
