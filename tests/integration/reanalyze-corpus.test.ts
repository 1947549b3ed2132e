// `npm run reanalyze` (lib/reanalysis.ts): the analysis runs again over every stored article and
// regroups suggestions across the corpus, and never touches an editor's decision.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ingestArticle } from "@/lib/ingest";
import { reanalyzeStoredArticles } from "@/lib/reanalysis";
import { createOutlet } from "../support/factories";
import { useSeededDatabase } from "../support/seeded-database";

beforeAll(async () => {
  await useSeededDatabase();
});

const ARTICLES = [
  "Varnholt levy row\n\n“The harbour levy will pay for the new sea wall,” Ana Lind, the mayor, said on Monday.\n\n" +
    "“We will not raise ferry fares this year,” Lind added.",
  "Lind defends levy\n\nThe harbour levy “will pay for the new sea wall,” Mayor Ana Lind said.\n\nCritics called the plan “a tax on fishermen.”",
  "Ferry fares frozen\n\n“We will not raise ferry fares this year,” Mayor Ana Lind told reporters on the quay.",
];

async function ingest(body: string, outletId: string) {
  return (await ingestArticle(prisma, { outletId, title: body.split("\n")[0], byline: null, url: null, publishedAt: null, body, rawText: null, actorId: null }))
    .articleId;
}

describe(`npm run reanalyze (${process.env.TEST_DB})`, () => {
  it("splits a chained claim, and leaves every editor decision as it was", async () => {
    const outlet = await createOutlet();
    const ids = [];
    for (const body of ARTICLES) ids.push(await ingest(body, outlet.id));
    const quotes = await prisma.quote.findMany({
      where: { articleId: { in: ids } },
      select: { id: true, exact: true, claimId: true },
      orderBy: [{ articleId: "asc" }, { start: "asc" }],
    });
    const find = (words: string) => quotes.filter((q) => q.exact.includes(words));
    const [seaWallA, seaWallB] = find("sea wall");
    const fares = find("ferry fares");
    const [tax] = find("tax on fishermen");
    expect(fares).toHaveLength(2);

    // What a chaining grouper left behind: both assertions in one suggested claim.
    const chained = seaWallA.claimId!;
    await prisma.quote.updateMany({ where: { id: { in: [seaWallB.id, ...fares.map((q) => q.id)] } }, data: { claimId: chained } });
    // An editor's decisions: a confirmed link, a rejection, a hand-made quote.
    await prisma.quote.update({ where: { id: seaWallB.id }, data: { reviewStatus: "confirmed", version: { increment: 1 } } });
    await prisma.quote.update({ where: { id: tax.id }, data: { reviewStatus: "rejected", version: { increment: 1 } } });
    const body = ARTICLES[2];
    const manual = await prisma.quote.create({
      data: { articleId: ids[2], exact: "on the quay", start: body.indexOf("on the quay"), end: body.indexOf("on the quay") + 11, origin: "editor", reviewStatus: "confirmed", claimId: chained },
    });
    const decisions = () =>
      prisma.quote.findMany({ where: { OR: [{ id: { in: [seaWallB.id, tax.id, manual.id] } }, { reviewStatus: { not: "suggested" } }] }, orderBy: { id: "asc" } });
    const before = await decisions();
    const claimsBefore = await prisma.claim.count();

    const report = await reanalyzeStoredArticles(prisma, { actorId: null });

    expect(await decisions()).toEqual(before);
    const after = new Map((await prisma.quote.findMany({ where: { articleId: { in: ids } }, select: { id: true, claimId: true } })).map((q) => [q.id, q.claimId]));
    // The sea-wall quotes stay in the claim the editor confirmed one of; the fares quotes leave it, together.
    expect(after.get(seaWallA.id)).toBe(chained);
    expect(after.get(fares[0].id)).not.toBe(chained);
    expect(after.get(fares[0].id)).toBe(after.get(fares[1].id));
    expect(report.articles).toBeGreaterThanOrEqual(3 + 5);
    expect(report.quotes.relinked).toBeGreaterThanOrEqual(2);
    expect(report.quotes.kept).toBeGreaterThanOrEqual(3);
    expect(report.claims.created).toBeGreaterThanOrEqual(1);
    expect(await prisma.claim.count()).toBe(claimsBefore + report.claims.created - report.claims.removed);
    const audits = await prisma.auditEvent.count({ where: { entityId: { in: ids }, action: "reanalyse" } });
    expect(audits).toBe(3);

    // Nothing left to change: a second run changes nothing.
    const again = await reanalyzeStoredArticles(prisma, { actorId: null });
    expect(again.quotes).toMatchObject({ relinked: 0, speakersChanged: 0, added: 0, removed: 0 });
    expect(again.claims).toMatchObject({ created: 0, removed: 0 });
    expect(await decisions()).toEqual(before);
  });
});
