import { beforeAll, describe, expect, it } from "vitest";
import { getClaimFacets, listPublishedClaimsPage } from "@/lib/claims";
import { migrateDatabase, prisma } from "@/lib/db";
import { reviewQuotes } from "@/lib/quotes";
import { listSpeakers } from "@/lib/speakers";
import { publicClaimWhere, publicQuoteWhere } from "@/lib/visibility";
import { createArticle, createClaim, createOutlet, createQuote, createSpeaker, createUser } from "../support/factories";

/**
 * The stored reader counts (ClaimOutlet, SpeakerCount; migration stored_reader_counts) are kept
 * by triggers in the writes' own transactions. After writes of every kind — a quote confirmed
 * through the editor's review, rejected, moved to another claim, its article moved to another
 * outlet or deleted, a claim published, unpublished, given another speaker or deleted — they
 * equal the counts computed from the quotes through lib/visibility.ts, and the readers that use
 * them (/claims?outlet=, the outlet facet, /speakers) show what the quotes say.
 */
describe("stored reader counts", () => {
  const tag = Date.now().toString(36);
  let editorId: string;
  let outlets: { id: string; slug: string }[];
  let speakers: { id: string; slug: string }[];
  let claims: { id: string; slug: string }[];
  let quotes: { id: string }[];
  let articles: { id: string }[];

  async function expectStoredEqualsLive() {
    const ids = claims.map((c) => c.id);
    const live = await prisma.quote.groupBy({
      by: ["claimId", "articleId"],
      where: { ...publicQuoteWhere, claimId: { in: ids } },
      _count: true,
    });
    const outletOf = new Map((await prisma.article.findMany({ where: { id: { in: live.map((l) => l.articleId) } }, select: { id: true, outletId: true } })).map((a) => [a.id, a.outletId]));
    const expected = new Map<string, number>();
    for (const row of live) {
      const key = `${row.claimId} ${outletOf.get(row.articleId)}`;
      expected.set(key, (expected.get(key) ?? 0) + row._count);
    }
    const stored = await prisma.claimOutlet.findMany({ where: { claimId: { in: ids } } });
    expect(new Map(stored.map((s) => [`${s.claimId} ${s.outletId}`, s.quotes])), "claim–outlet counts").toEqual(expected);
    for (const speaker of speakers) {
      const [claimCount, quoteCount, row] = await Promise.all([
        prisma.claim.count({ where: { ...publicClaimWhere, speakerId: speaker.id } }),
        prisma.quote.count({ where: { ...publicQuoteWhere, speakerId: speaker.id } }),
        prisma.speakerCount.findUnique({ where: { speakerId: speaker.id } }),
      ]);
      expect({ claims: row?.claims ?? 0, quotes: row?.quotes ?? 0 }, `counts of ${speaker.slug}`).toEqual({ claims: claimCount, quotes: quoteCount });
    }
  }

  const listedFor = async (outlet: { slug: string }) => (await listPublishedClaimsPage({ outlet: outlet.slug }, 1, 100)).items.map((c) => c.slug).sort();

  beforeAll(async () => {
    await migrateDatabase();
    editorId = (await createUser()).id;
    outlets = await Promise.all([0, 1, 2].map((i) => createOutlet({ name: `Tribune ${i} ${tag}` })));
    speakers = await Promise.all([0, 1].map((i) => createSpeaker({ name: `Senator ${i} ${tag}` })));
    claims = [];
    for (let i = 0; i < 3; i++) claims.push(await createClaim({ status: i < 2 ? "published" : "draft", speakerId: speakers[i % 2].id, canonical: `Claim ${i} about the harbour ${tag}.` }));
    articles = [];
    quotes = [];
    for (let i = 0; i < 6; i++) {
      const text = `The harbour will reopen ${i} ${tag}`;
      const article = await createArticle({ outletId: outlets[i % 3].id, body: `Story\n\n“${text},” said the senator.` });
      articles.push(article);
      quotes.push(await createQuote(article.id, text, { claimId: claims[i === 5 ? 1 : i % 3].id, speakerId: speakers[i % 2].id, reviewStatus: i < 4 ? "confirmed" : "suggested" }));
    }
  });

  it("equal the counts from the quotes after writes of every kind, and the readers show them", async () => {
    await expectStoredEqualsLive();
    // Confirmed: claim 0 quoted by outlet 0 (twice), claim 1 by outlet 1, the draft claim 2 by outlet 2.
    expect(await listedFor(outlets[0])).toEqual([claims[0].slug]);
    expect(await listedFor(outlets[2]), "a draft claim is not listed").toEqual([]);

    // An editor confirms the suggested quotes: claim 1 is now in outlet 2 too.
    const pending = await prisma.quote.findMany({ where: { id: { in: quotes.slice(4).map((q) => q.id) } }, select: { id: true, version: true } });
    await reviewQuotes(editorId, { items: pending, decision: "confirmed" });
    await expectStoredEqualsLive();
    expect(await listedFor(outlets[2])).toEqual([claims[1].slug]);

    // Outlet 0's quotes of claim 0: one rejected, the other moved to claim 1.
    await prisma.quote.update({ where: { id: quotes[0].id }, data: { reviewStatus: "rejected" } });
    await prisma.quote.update({ where: { id: quotes[3].id }, data: { claimId: claims[1].id } });
    await expectStoredEqualsLive();
    expect(await listedFor(outlets[0])).toEqual([claims[1].slug]);

    // An article moves to another outlet; another is deleted with its quotes.
    await prisma.article.update({ where: { id: articles[1].id }, data: { outletId: outlets[0].id } });
    await expectStoredEqualsLive();
    expect(await listedFor(outlets[0])).toEqual([claims[1].slug]);
    await prisma.article.delete({ where: { id: articles[5].id } });
    await expectStoredEqualsLive();

    // Claims published, unpublished, given another speaker, deleted.
    await prisma.claim.update({ where: { id: claims[2].id }, data: { status: "published", publishedAt: new Date() } });
    await prisma.claim.update({ where: { id: claims[0].id }, data: { status: "draft" } });
    await prisma.claim.update({ where: { id: claims[1].id }, data: { speakerId: speakers[0].id } });
    await expectStoredEqualsLive();
    expect(await listedFor(outlets[2]), "claim 2, published, is listed under the outlet that quoted it").toEqual([claims[2].slug]);
    await prisma.claim.delete({ where: { id: claims[2].id } });
    claims = claims.slice(0, 2);
    await expectStoredEqualsLive();

    // The readers: the outlet facet and the speakers directory say what the quotes say.
    const facets = await getClaimFacets();
    for (const outlet of outlets) {
      const quoted = await prisma.quote.count({ where: { ...publicQuoteWhere, article: { outletId: outlet.id }, claim: publicClaimWhere } });
      expect(facets.outlets.some((o) => o.slug === outlet.slug), `facet offers ${outlet.slug} iff it quoted a public claim`).toBe(quoted > 0);
    }
    const directory = await listSpeakers();
    for (const speaker of speakers) {
      const row = directory.find((s) => s.slug === speaker.slug)!;
      expect(row.claims).toBe(await prisma.claim.count({ where: { ...publicClaimWhere, speakerId: speaker.id } }));
      expect(row.quotes).toBe(await prisma.quote.count({ where: { ...publicQuoteWhere, speakerId: speaker.id } }));
    }
  });

  it("an outlet's claim list reads the stored counts, not the quotes (EXPLAIN)", async () => {
    const plan = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT count(*) FROM "Claim" c WHERE c.status = 'published'
         AND EXISTS (SELECT 1 FROM "ClaimOutlet" co JOIN "Outlet" o ON o.id = co."outletId" WHERE co."claimId" = c.id AND o.slug = $1)`,
      outlets[0].slug,
    );
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("ClaimOutlet");
    expect(text, "no quote is read").not.toMatch(/"?Quote"?\b/);
  });
});
