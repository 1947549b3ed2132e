import { beforeAll, describe, expect, it } from "vitest";
import { getClaimTrend } from "@/lib/claim-trends";
import { migrateDatabase, prisma } from "@/lib/db";
import { createArticle, createClaim, createOutlet, createQuote } from "../support/factories";

/**
 * A claim's repeats per week by outlet, as readers (confirmed quotes only) and
 * editors (unreviewed suggestions too) see them, and its first appearance
 * after the review was published.
 */
beforeAll(async () => {
  await migrateDatabase();
});

async function appearance(outletName: string, claimId: string, publishedAt: string, reviewStatus: "confirmed" | "suggested" | "rejected", title = `${outletName} story`) {
  const outlet = (await prisma.outlet.findFirst({ where: { name: outletName } })) ?? (await createOutlet({ name: outletName }));
  const article = await createArticle({ outletId: outlet.id, title, body: `${title}\n\nThe minister said “the bridge will open in spring,” officials confirmed.` });
  await prisma.article.update({ where: { id: article.id }, data: { publishedAt: new Date(publishedAt) } });
  // Two quotes of the claim in one article are one appearance.
  await createQuote(article.id, "the bridge will open in spring", { claimId, reviewStatus });
  await createQuote(article.id, `${title}`, { claimId, reviewStatus, kind: "title" });
  return article;
}

describe(`claim trends (${process.env.TEST_DB})`, () => {
  it("counts articles per week and outlet; readers see confirmed quotes only; the first repeat after the review is named", async () => {
    const claim = await createClaim({ status: "published", canonical: "The bridge opens in spring." });
    await prisma.claim.update({ where: { id: claim.id }, data: { publishedAt: new Date("2026-11-10T12:00:00Z") } });
    await appearance("Trend Post", claim.id, "2026-11-03T08:00:00Z", "confirmed");
    await appearance("Trend Times", claim.id, "2026-11-04T08:00:00Z", "confirmed");
    await appearance("Trend Post", claim.id, "2026-11-18T08:00:00Z", "suggested", "Trend Post follow-up");
    const after = await appearance("Trend Times", claim.id, "2026-11-19T08:00:00Z", "confirmed", "Trend Times repeats it");
    await appearance("Trend Wire", claim.id, "2026-11-19T09:00:00Z", "rejected");

    const reader = (await getClaimTrend(claim.id, "public"))!;
    expect(reader.weeks).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
    expect(reader.outlets).toEqual(["Trend Times", "Trend Post"]);
    expect(reader.counts).toEqual([
      [1, 1],
      [0, 0],
      [1, 0],
    ]);
    expect(reader.total).toBe(3);
    expect(reader.firstAfterPublication).toEqual({
      outlet: "Trend Times",
      at: new Date("2026-11-19T08:00:00Z"),
      article: { id: after.id, slug: after.slug, title: "Trend Times repeats it" },
    });

    // The claim page passes the dates it has just read (ISO text): the same trend, without reading them again.
    expect(await getClaimTrend(claim.id, "public", { publishedAt: "2026-11-10T12:00:00.000Z", ratingPublishedAt: null })).toEqual(reader);

    // Editors also see the suggestion nobody reviewed yet (it is the first repeat for them); rejected never counts.
    const editor = (await getClaimTrend(claim.id, "editor"))!;
    expect(editor.counts).toEqual([
      [1, 1],
      [0, 0],
      [1, 1],
    ]);
    expect(editor.firstAfterPublication?.article.title).toBe("Trend Post follow-up");
    expect(editor.outlets).not.toContain("Trend Wire");

    expect(await getClaimTrend("no-such-claim", "public")).toBeNull();
  });

  it("an article from a feed, dated the day the review was published, is after it when the feed's time is", async () => {
    const claim = await createClaim({ status: "published", canonical: "The ferry runs at night." });
    await prisma.claim.update({ where: { id: claim.id }, data: { publishedAt: new Date("2026-11-10T12:00:00Z") } });
    const before = await appearance("Same Day Post", claim.id, "2026-11-10T00:00:00Z", "confirmed", "Same Day Post morning");
    const fed = await appearance("Same Day Feed", claim.id, "2026-11-10T00:00:00Z", "confirmed", "Same Day Feed evening");
    const feed = await prisma.feed.create({ data: { url: "https://same-day.example/feed.xml", outletId: fed.outletId!, active: false } });
    await prisma.feedItem.create({ data: { feedId: feed.id, guid: "sd-1", articleId: fed.id, status: "imported", publishedAt: new Date("2026-11-10T18:30:00Z") } });
    const trend = (await getClaimTrend(claim.id, "public"))!;
    // The article dated by its day alone is not known to be after a review published at noon.
    expect(trend.firstAfterPublication?.article.id).toBe(fed.id);
    expect(trend.firstAfterPublication?.at).toEqual(new Date("2026-11-10T18:30:00Z"));
    expect(before.id).not.toBe(fed.id);
    expect(trend.total).toBe(2);
  });
});
