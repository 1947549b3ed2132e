import { describe, expect, it } from "vitest";
import { alertResolveSchema, feedCreateSchema } from "./feed";

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
    ["outletId", "", /outlet/],
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

describe("alertResolveSchema", () => {
  it("takes confirm or dismiss, nothing else", () => {
    expect(alertResolveSchema.safeParse({ id: "a1", version: 1, decision: "confirm" }).success).toBe(true);
    expect(alertResolveSchema.safeParse({ id: "a1", version: 1, decision: "delete" }).success).toBe(false);
    expect(alertResolveSchema.safeParse({ id: "a1", version: 0, decision: "dismiss" }).success).toBe(false);
  });
});
