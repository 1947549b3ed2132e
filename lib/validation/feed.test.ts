import { describe, expect, it } from "vitest";
import { alertResolveSchema, feedCreateSchema, feedEditSchema } from "./feed";

const valid = { url: "https://news.example/feed.xml", outletId: "cm123abc", intervalMinutes: 30 };

describe("feedCreateSchema", () => {
  it("accepts an http(s) address, an outlet and an interval", () => {
    expect(feedCreateSchema.parse({ ...valid, url: "  http://news.example/rss  " })).toEqual({ ...valid, url: "http://news.example/rss" });
  });

  it.each([
    ["url", "javascript:alert(1)", /http/],
    ["url", "ftp://news.example/feed", /http/],
    ["url", "https://user:secret@news.example/feed", /password/],
    ["url", "news.example/feed", /http/],
    ["url", "", /address/],
    ["url", `https://news.example/${"a".repeat(2001)}`, /2,000/],
    ["url", "https://news.example/\u0000", /control/],
    ["outletId", "x'; DROP TABLE", /valid id/],
    ["intervalMinutes", 2, /5 minutes/],
    ["intervalMinutes", 2000, /a day/],
    ["intervalMinutes", 7.5, /Whole/],
    ["intervalMinutes", Number.NaN, /minutes/],
  ])("refuses %s = %j with a message", (field, value, message) => {
    const result = feedCreateSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toMatch(message);
  });
});

describe("the outlet", () => {
  it("may be left to the feed's address when a feed is added, never when it is edited", () => {
    expect(feedCreateSchema.parse({ ...valid, outletId: "" }).outletId).toBe("");
    const edit = feedEditSchema.safeParse({ ...valid, outletId: "", id: "f1", version: 1, active: true });
    expect(edit.success).toBe(false);
    expect(edit.error!.issues.find((i) => i.path[0] === "outletId")?.message).toMatch(/Choose the outlet/);
  });
});

describe("alertResolveSchema", () => {
  it("takes confirm or dismiss, nothing else", () => {
    expect(alertResolveSchema.safeParse({ id: "a1", version: 1, decision: "confirm" }).success).toBe(true);
    expect(alertResolveSchema.safeParse({ id: "a1", version: 1, decision: "delete" }).success).toBe(false);
    expect(alertResolveSchema.safeParse({ id: "a1", version: 0, decision: "dismiss" }).success).toBe(false);
  });
});
