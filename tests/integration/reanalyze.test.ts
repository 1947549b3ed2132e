import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ingestArticle, reanalyzeArticle } from "@/lib/ingest";
import { createOutlet } from "../support/factories";
import { useSeededDatabase } from "../support/seeded-database";

beforeAll(async () => {
  await useSeededDatabase();
});

describe(`re-analysis (${process.env.TEST_DB})`, () => {
  it("refreshes suggestions but never an editor's decision", async () => {
    const outlet = await createOutlet();
    const body =
      "Minister defends budget\n\nThe finance minister said the budget “protects the poorest households,” in a statement on Monday.\n\n" +
      "“We have made hard choices,” she said. “They were necessary.”\n\nCritics called it “a missed opportunity.”";
    const { articleId } = await ingestArticle(prisma, { outletId: outlet.id, title: "Minister defends budget", byline: null, url: null, publishedAt: null, body, rawText: null, actorId: null });
    const quotes = await prisma.quote.findMany({ where: { articleId }, orderBy: { start: "asc" }, select: { id: true, exact: true } });
    expect(quotes.length).toBeGreaterThanOrEqual(3);
    const [confirmed, rejected] = quotes;
    await prisma.quote.update({ where: { id: confirmed.id }, data: { reviewStatus: "confirmed", speakerId: null, version: { increment: 1 } } });
    await prisma.quote.update({ where: { id: rejected.id }, data: { reviewStatus: "rejected", version: { increment: 1 } } });
    const manual = await prisma.quote.create({
      data: { articleId, exact: "hard choices", start: body.indexOf("hard choices"), end: body.indexOf("hard choices") + 12, origin: "editor", reviewStatus: "confirmed" },
    });
    const snapshot = async () =>
      prisma.quote.findMany({ where: { id: { in: [confirmed.id, rejected.id, manual.id] } }, orderBy: { id: "asc" } });
    const before = await snapshot();

    const result = await reanalyzeArticle(prisma, articleId, null);
    expect(result.kept).toBe(3);
    expect(await snapshot()).toEqual(before);
    expect(await prisma.quote.count({ where: { articleId } })).toBe(quotes.length + 1);

    const again = await reanalyzeArticle(prisma, articleId, null);
    expect(again.added).toBe(0);
    expect(again.removed).toBe(0);
    const events = await prisma.auditEvent.count({ where: { entityId: articleId, action: "reanalyse" } });
    expect(events).toBe(2);
  });
});
