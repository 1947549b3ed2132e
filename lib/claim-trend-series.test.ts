import { describe, expect, it } from "vitest";
import { weekOf, weeklyTrend, type Appearance } from "./claim-trend-series";

const at = (outlet: string, iso: string, slug = `${outlet}-${iso}`): Appearance => ({ outlet, at: new Date(iso), article: { id: slug, slug, title: slug } });

describe("weekOf", () => {
  it.each([
    ["2026-11-30T10:00:00Z", "2026-11-30"], // a Monday
    ["2026-12-06T23:59:59Z", "2026-11-30"], // its Sunday
    ["2026-12-07T00:00:00Z", "2026-12-07"],
    ["2027-01-01T12:00:00Z", "2026-12-28"], // across the year
  ])("%s is in the week of %s", (iso, week) => expect(weekOf(new Date(iso))).toBe(week));
});

describe("weeklyTrend", () => {
  it("counts per week and outlet, with empty weeks between, outlets by appearances", () => {
    const trend = weeklyTrend(
      [at("B", "2026-11-03T08:00:00Z"), at("A", "2026-11-04T08:00:00Z"), at("A", "2026-11-20T08:00:00Z"), at("A", "2026-11-21T08:00:00Z", "x")],
      new Date("2026-11-10T00:00:00Z"),
    );
    expect(trend.weeks).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
    expect(trend.outlets).toEqual(["A", "B"]);
    expect(trend.counts).toEqual([
      [1, 1],
      [0, 0],
      [2, 0],
    ]);
    expect(trend.total).toBe(4);
    expect(trend.gapsOmitted).toBe(false);
    expect(trend.firstAfterPublication).toMatchObject({ outlet: "A", at: new Date("2026-11-20T08:00:00Z") });
  });

  it("no appearance after the review, or no review: no first appearance after publication", () => {
    expect(weeklyTrend([at("A", "2026-11-04T08:00:00Z")], new Date("2026-11-05T00:00:00Z")).firstAfterPublication).toBeNull();
    expect(weeklyTrend([at("A", "2026-11-04T08:00:00Z")], null).firstAfterPublication).toBeNull();
    expect(weeklyTrend([], null)).toMatchObject({ weeks: [], outlets: [], counts: [], total: 0 });
  });

  it("past the longest span, only weeks with appearances are listed, and it says so", () => {
    const trend = weeklyTrend([at("A", "2019-06-05T08:00:00Z"), at("B", "2026-11-04T08:00:00Z")], null, 104);
    expect(trend.weeks).toEqual(["2019-06-03", "2026-11-02"]);
    expect(trend.counts).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(trend.gapsOmitted).toBe(true);
  });
});
