import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { getClaimFacets, linkedClaimsSql, listPublishedClaimsPage, SPEAKER_FACET_SIZE } from "@/lib/claims";
import { migrateDatabase, prisma } from "@/lib/db";
import { reviewQuotes } from "@/lib/quotes";
import { getOutletProfile } from "@/lib/outlets";
import { listSpeakersPage } from "@/lib/speakers";
import { publicClaimWhere, publicQuoteWhere } from "@/lib/visibility";
import { createArticle, createClaim, createOutlet, createQuote, createSpeaker, createUser } from "../support/factories";

/**
 * The stored reader counts (ClaimOutlet, with its framing counts since migration claim_outlet_framing;
 * OutletTotal, their sums per outlet, migration outlet_total; SpeakerCount; PublicClaimTotal; migration stored_reader_counts) are kept
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
    // Each claim–outlet row: its public quotes, by fidelity, in headlines, their verbs and hedges.
    const live = await prisma.quote.findMany({
      where: { ...publicQuoteWhere, claimId: { in: ids } },
      select: { claimId: true, fidelity: true, inHeadline: true, verb: true, hedges: true, article: { select: { outletId: true } } },
    });
    const expected = new Map<string, { quotes: number; verbatim: number; trimmed: number; altered: number; notFound: number; inHeadline: number; verbs: Record<string, number>; hedges: Record<string, number> }>();
    const tally = (counts: Record<string, number>, word: string) => (counts[word.toLowerCase()] = (counts[word.toLowerCase()] ?? 0) + 1);
    for (const q of live) {
      const key = `${q.claimId} ${q.article.outletId}`;
      const row = expected.get(key) ?? { quotes: 0, verbatim: 0, trimmed: 0, altered: 0, notFound: 0, inHeadline: 0, verbs: {}, hedges: {} };
      row.quotes++;
      if (q.fidelity === "verbatim") row.verbatim++;
      if (q.fidelity === "trimmed") row.trimmed++;
      if (q.fidelity === "altered") row.altered++;
      if (q.fidelity === "not_found") row.notFound++;
      if (q.inHeadline) row.inHeadline++;
      if (q.verb) tally(row.verbs, q.verb);
      for (const h of q.hedges) tally(row.hedges, h);
      expected.set(key, row);
    }
    const stored = await prisma.claimOutlet.findMany({
      where: { claimId: { in: ids } },
      select: { claimId: true, outletId: true, quotes: true, verbatim: true, trimmed: true, altered: true, notFound: true, inHeadline: true, verbs: true, hedges: true },
    });
    expect(new Map(stored.map(({ claimId, outletId, ...row }) => [`${claimId} ${outletId}`, row])), "claim–outlet counts").toEqual(expected);
    for (const speaker of speakers) {
      const [claimCount, quoteCount, row] = await Promise.all([
        prisma.claim.count({ where: { ...publicClaimWhere, speakerId: speaker.id } }),
        prisma.quote.count({ where: { ...publicQuoteWhere, speakerId: speaker.id } }),
        prisma.speakerCount.findUnique({ where: { speakerId: speaker.id } }),
      ]);
      expect({ claims: row?.claims ?? 0, quotes: row?.quotes ?? 0 }, `counts of ${speaker.slug}`).toEqual({ claims: claimCount, quotes: quoteCount });
    }
    // Each outlet's total (migration outlet_total): the sums of its claim–outlet rows whose claim is public.
    for (const outlet of outlets) {
      const rows = await prisma.claimOutlet.findMany({ where: { outletId: outlet.id, claimPublic: true } });
      const sum = (column: "quotes" | "verbatim" | "trimmed" | "altered" | "notFound" | "inHeadline") => rows.reduce((n, r) => n + r[column], 0);
      const words = (column: "verbs" | "hedges") => {
        const counts: Record<string, number> = {};
        for (const r of rows) for (const [w, n] of Object.entries(r[column] as Record<string, number>)) counts[w] = (counts[w] ?? 0) + n;
        return counts;
      };
      const stored = await prisma.outletTotal.findUnique({ where: { outletId: outlet.id }, omit: { outletId: true } });
      expect(stored ?? { quotes: 0, verbatim: 0, trimmed: 0, altered: 0, notFound: 0, inHeadline: 0, verbs: {}, hedges: {} }, `total of ${outlet.slug}`).toEqual({
        quotes: sum("quotes"), verbatim: sum("verbatim"), trimmed: sum("trimmed"), altered: sum("altered"), notFound: sum("notFound"), inHeadline: sum("inHeadline"),
        verbs: words("verbs"), hedges: words("hedges"),
      });
    }
    // The total of published claims (migration public_claim_total): the unfiltered /claims list's count.
    const total = (await prisma.publicClaimTotal.findUnique({ where: { id: 1 } }))?.claims ?? 0;
    const published = await prisma.claim.count({ where: publicClaimWhere });
    expect(total, "stored total of published claims").toBe(published);
    expect((await listPublishedClaimsPage({}, 1, 1)).total, "/claims says how many are published").toBe(published);
    // The claims' list keys (migration claim_list_keys): each tag, outlet and verdict row of a claim
    // carries whether lib/visibility.ts makes the claim public, and its publication date.
    const truth = new Map(
      (await prisma.claim.findMany({ where: { id: { in: ids } }, select: { id: true, publishedAt: true } })).map((c) => [c.id, { public: false, publishedAt: c.publishedAt }]),
    );
    for (const c of await prisma.claim.findMany({ where: { ...publicClaimWhere, id: { in: ids } }, select: { id: true } })) truth.get(c.id)!.public = true;
    const links = [
      ...(await prisma.claimTag.findMany({ where: { claimId: { in: ids } } })),
      ...(await prisma.claimOutlet.findMany({ where: { claimId: { in: ids } } })),
      ...(await prisma.rating.findMany({ where: { claimId: { in: ids } } })),
    ];
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect({ public: l.claimPublic, publishedAt: l.claimPublishedAt }, `list keys of a row of ${l.claimId}`).toEqual(truth.get(l.claimId));
    }
  }

  const listedFor = async (outlet: { slug: string }) => (await listPublishedClaimsPage({ outlet: outlet.slug }, 1, 100)).items.map((c) => c.slug).sort();
  let topic: { id: string; slug: string };
  let verdict: { id: string; slug: string };

  beforeAll(async () => {
    await migrateDatabase();
    editorId = (await createUser()).id;
    outlets = await Promise.all([0, 1, 2].map((i) => createOutlet({ name: `Tribune ${i} ${tag}` })));
    speakers = await Promise.all([0, 1].map((i) => createSpeaker({ name: `Senator ${i} ${tag}` })));
    claims = [];
    for (let i = 0; i < 3; i++) claims.push(await createClaim({ status: i < 2 ? "published" : "draft", speakerId: speakers[i % 2].id, canonical: `Claim ${i} about the harbour ${tag}.` }));
    // Every claim tagged and rated, so that the tag and verdict rows' list keys are followed too.
    topic = await prisma.tag.create({ data: { name: `Harbours ${tag}`, slug: `harbours-${tag}` } });
    verdict = await prisma.verdictLabel.create({ data: { name: `Mostly ${tag}`, slug: `mostly-${tag}`, ratingValue: 4 } });
    for (const claim of claims) {
      await prisma.claimTag.create({ data: { claimId: claim.id, tagId: topic.id } });
      await prisma.rating.create({ data: { claimId: claim.id, verdictLabelId: verdict.id, fidelityRating: 3, framingRating: 3 } });
    }
    articles = [];
    quotes = [];
    for (let i = 0; i < 6; i++) {
      const text = `The harbour will reopen ${i} ${tag}`;
      const article = await createArticle({ outletId: outlets[i % 3].id, body: `Story\n\n“${text},” said the senator.` });
      articles.push(article);
      quotes.push(
        await createQuote(article.id, text, {
          claimId: claims[i === 5 ? 1 : i % 3].id,
          speakerId: speakers[i % 2].id,
          reviewStatus: i < 4 ? "confirmed" : "suggested",
          // What an outlet's framing counts: fidelity, headline, verb, hedges (a hedge twice counts twice).
          fidelity: (["verbatim", "trimmed", "altered", "not_found", null, "verbatim"] as const)[i],
          inHeadline: i % 2 === 0,
          verb: ["said", "Said", "claimed", null, "warned", "said"][i],
          hedges: [["reportedly"], [], ["allegedly", "Reportedly"], ["reportedly", "reportedly"], [], ["allegedly"]][i],
        }),
      );
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

    // A quote's fidelity, headline, verb and hedges edited (as a re-analysis or an editor does).
    await prisma.quote.update({ where: { id: quotes[2].id }, data: { fidelity: "verbatim", inHeadline: false, verb: "insisted", hedges: ["apparently"] } });
    await prisma.quote.update({ where: { id: quotes[4].id }, data: { fidelity: null, verb: null, hedges: [] } });
    await expectStoredEqualsLive();

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
    // Several claims in one statement, as a bulk action or a restore writes them, and back.
    await prisma.claim.updateMany({ where: { id: { in: claims.map((c) => c.id) } }, data: { status: "draft" } });
    await expectStoredEqualsLive();
    await prisma.claim.updateMany({ where: { id: { in: [claims[1].id, claims[2].id] } }, data: { status: "published" } });
    await expectStoredEqualsLive();
    expect(await listedFor(outlets[2]), "claim 2, published, is listed under the outlet that quoted it").toEqual([claims[2].slug]);
    const byTag = await listPublishedClaimsPage({ tag: topic.slug }, 1, 100);
    expect(byTag.items.map((c) => c.slug).sort(), "the tag lists the public claims").toEqual([claims[1].slug, claims[2].slug].sort());
    expect(byTag.total).toBe(2);
    expect((await listPublishedClaimsPage({ verdict: verdict.slug }, 1, 1)).total).toBe(2);
    // Re-dated: the newest first, in the tag's and the verdict's lists alike.
    await prisma.claim.update({ where: { id: claims[1].id }, data: { publishedAt: new Date(Date.now() + 60_000) } });
    await expectStoredEqualsLive();
    expect((await listPublishedClaimsPage({ tag: topic.slug }, 1, 100)).items.map((c) => c.slug)).toEqual([claims[1].slug, claims[2].slug]);
    expect((await listPublishedClaimsPage({ verdict: verdict.slug }, 2, 1)).items.map((c) => c.slug)).toEqual([claims[2].slug]);
    // A tag row moved to another claim (as a merge moves them) takes that claim's keys.
    await prisma.claimTag.delete({ where: { claimId_tagId: { claimId: claims[1].id, tagId: topic.id } } });
    await prisma.claimTag.update({ where: { claimId_tagId: { claimId: claims[0].id, tagId: topic.id } }, data: { claimId: claims[1].id } });
    await expectStoredEqualsLive();
    expect((await listPublishedClaimsPage({ tag: topic.slug }, 1, 100)).items.map((c) => c.slug)).toEqual([claims[1].slug, claims[2].slug]);
    await prisma.claim.delete({ where: { id: claims[2].id } });
    claims = claims.slice(0, 2);
    await expectStoredEqualsLive();

    // The readers: the outlet facet and the speakers directory say what the quotes say.
    const facets = await getClaimFacets();
    for (const outlet of outlets) {
      const quoted = await prisma.quote.count({ where: { ...publicQuoteWhere, article: { outletId: outlet.id }, claim: publicClaimWhere } });
      expect(facets.outlets.some((o) => o.slug === outlet.slug), `facet offers ${outlet.slug} iff it quoted a public claim`).toBe(quoted > 0);
    }
    // An outlet's framing: its public quotes of public claims, by fidelity, verb and hedge.
    let framed = 0;
    for (const outlet of outlets) {
      const framing = (await getOutletProfile(outlet.slug))!.framing;
      const mine = await prisma.quote.findMany({
        where: { ...publicQuoteWhere, article: { outletId: outlet.id }, claim: publicClaimWhere },
        select: { fidelity: true, inHeadline: true, verb: true, hedges: true },
      });
      const count = (words: string[]) => {
        const counts = new Map<string, number>();
        for (const w of words) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
        return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      };
      const by = (f: string | null) => mine.filter((q) => q.fidelity === f).length;
      expect(framing, `framing of ${outlet.slug}`).toMatchObject({
        quotes: mine.length,
        fidelity: { verbatim: by("verbatim"), trimmed: by("trimmed"), altered: by("altered"), not_found: by("not_found"), unrated: by(null) },
        inHeadline: mine.filter((q) => q.inHeadline).length,
      });
      expect(framing.verbs.map((v) => [v.verb, v.count])).toEqual(count(mine.flatMap((q) => (q.verb ? [q.verb] : []))));
      expect(framing.hedges.map((h) => [h.hedge, h.count])).toEqual(count(mine.flatMap((q) => q.hedges)));
      framed += framing.verbs.length + framing.hedges.length;
    }
    expect(framed, "some outlet has verbs and hedges to show").toBeGreaterThan(0);
    const directory = (await listSpeakersPage(1, 100_000)).speakers;
    for (const speaker of speakers) {
      const row = directory.find((s) => s.slug === speaker.slug)!;
      expect(row.claims).toBe(await prisma.claim.count({ where: { ...publicClaimWhere, speakerId: speaker.id } }));
      expect(row.quotes).toBe(await prisma.quote.count({ where: { ...publicQuoteWhere, speakerId: speaker.id } }));
    }
  });

  // The test database is small enough to scan and sort whole tables: each plan is taken with
  // sequential scans and sorts priced out, to show which index can answer the query at scale (a
  // Sort still shows when no index gives the order).
  const explain = (sql: Prisma.Sql) =>
    prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      return (await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${sql}`)).map((r) => r["QUERY PLAN"]).join("\n");
    });

  it.each([
    ["outlet", "ClaimOutlet_outletId_claimPublic_claimPublishedAt_claimId_idx"],
    ["tag", "ClaimTag_tagId_claimPublic_claimPublishedAt_claimId_idx"],
    ["verdict", "Rating_verdictLabelId_claimPublic_claimPublishedAt_claimId_idx"],
  ] as const)("/claims?%s= counts and pages from one index of the stored keys: no claim, no quote, no sort (EXPLAIN)", async (filter, index) => {
    const sql = linkedClaimsSql(filter, filter === "outlet" ? outlets[0].slug : filter === "tag" ? topic.slug : verdict.slug);
    for (const plan of [await explain(sql.count), await explain(sql.page(20, 40))]) {
      expect(plan).toContain(index);
      expect(plan, "no claim is read").not.toMatch(/on "Claim"/);
      expect(plan, "no quote is read").not.toMatch(/"?Quote"?\b/);
      expect(plan, "the index gives the order").not.toMatch(/\bSort\b/);
    }
  });

  it(`the speaker filter offers the ${SPEAKER_FACET_SIZE} speakers with the most published claims, by name, and the one chosen`, async () => {
    // One more speaker than the filter offers, each with one published claim; the stored counts
    // order them, and the first two speakers of this file (two and one claims) are among them.
    const many = [];
    for (let i = 0; i < SPEAKER_FACET_SIZE; i++) {
      const speaker = await createSpeaker({ name: `Councillor ${String(i).padStart(3, "0")} ${tag}` });
      await createClaim({ status: "published", speakerId: speaker.id });
      many.push(speaker);
    }
    await prisma.claim.create({ data: { slug: `claim-extra-${tag}`, canonical: `One more ${tag}.`, status: "published", publishedAt: new Date(), speakerId: many[7].id } });
    const counts = await prisma.speakerCount.findMany({ where: { claims: { gt: 0 } }, select: { claims: true, speaker: { select: { name: true, slug: true } } } });
    expect(counts.length).toBeGreaterThan(SPEAKER_FACET_SIZE);
    const facets = await getClaimFacets();
    expect(facets.moreSpeakers, "the filter says some speakers are left out").toBe(true);
    expect(facets.speakers).toHaveLength(SPEAKER_FACET_SIZE);
    expect(facets.speakers.map((s) => s.name), "by name").toEqual([...facets.speakers.map((s) => s.name)].sort((a, b) => a.localeCompare(b)));
    const offered = new Set(facets.speakers.map((s) => s.slug));
    const least = Math.min(...counts.filter((c) => offered.has(c.speaker.slug)).map((c) => c.claims));
    for (const c of counts) if (c.claims > least) expect(offered.has(c.speaker.slug), `${c.speaker.slug} (${c.claims} claims) is offered`).toBe(true);
    expect(offered.has(many[7].slug), "the speaker with two claims").toBe(true);
    const left = counts.find((c) => !offered.has(c.speaker.slug))!;
    const chosen = await getClaimFacets(left.speaker.slug);
    expect(chosen.speakers.map((s) => s.slug), "the chosen speaker is offered too").toContain(left.speaker.slug);
    expect(chosen.speakers).toHaveLength(SPEAKER_FACET_SIZE + 1);
    // That speaker's list: newest first, counted.
    const two = await listPublishedClaimsPage({ speaker: many[7].slug }, 1, 20);
    expect(two.total).toBe(2);
    expect(two.items.map((c) => c.slug)[0], "the newest first").toBe(`claim-extra-${tag}`);
    expect((await listPublishedClaimsPage({ speaker: many[7].slug }, 2, 1)).items).toHaveLength(1);
    expect((await listPublishedClaimsPage({ speaker: "nobody-at-all" }, 1, 20)).total).toBe(0);
    await expectStoredEqualsLive();
  });

  it("an unfiltered page skips the pages before it in the claims' index alone (EXPLAIN)", async () => {
    const plan = await explain(
      Prisma.sql`SELECT c.id FROM "Claim" c WHERE ${Prisma.raw(`c.status IN ('published')`)} ORDER BY c."publishedAt" DESC, c.id LIMIT 20 OFFSET 4000`,
    );
    expect(plan).toMatch(/Index Only Scan using "Claim_status_publishedAt_id_idx"/);
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it("the facets read the stored keys, not the claims (EXPLAIN)", async () => {
    for (const sql of [
      Prisma.sql`SELECT t.slug FROM "Tag" t WHERE EXISTS (SELECT 1 FROM "ClaimTag" l WHERE l."tagId" = t.id AND l."claimPublic")`,
      Prisma.sql`SELECT o.slug FROM "Outlet" o WHERE EXISTS (SELECT 1 FROM "ClaimOutlet" l WHERE l."outletId" = o.id AND l."claimPublic")`,
      Prisma.sql`SELECT v.slug FROM "VerdictLabel" v WHERE EXISTS (SELECT 1 FROM "Rating" l WHERE l."verdictLabelId" = v.id AND l."claimPublic")`,
      Prisma.sql`SELECT s.slug FROM "Speaker" s JOIN "SpeakerCount" n ON n."speakerId" = s.id WHERE n.claims > 0`,
    ]) {
      expect(await explain(sql), "no claim is read").not.toMatch(/on "Claim"/);
    }
    const top = await explain(Prisma.sql`SELECT n."speakerId" FROM "SpeakerCount" n WHERE n.claims > 0 ORDER BY n.claims DESC, n."speakerId" LIMIT 101`);
    expect(top, "the speaker filter reads the counts' index in order").toMatch(/Index (Only )?Scan using "SpeakerCount_claims_speakerId_idx"/);
    expect(top).not.toMatch(/\bSort\b/);
    const bySpeaker = await explain(
      Prisma.sql`SELECT c.id FROM "Claim" c WHERE c."speakerId" = (SELECT s.id FROM "Speaker" s WHERE s.slug = ${speakers[0].slug}) AND ${Prisma.raw(`c.status IN ('published')`)} ORDER BY c."publishedAt" DESC, c.id LIMIT 20 OFFSET 20`,
    );
    // In order from an index, never sorted. Which index is the planner's to choose on a table this
    // small; at 1M quotes it reads "Claim_speakerId_status_publishedAt_id_idx" (README, issue 13).
    expect(bySpeaker, "a speaker's claims in order from an index").toMatch(/Index (Only )?Scan using "Claim_/);
    expect(bySpeaker).not.toMatch(/\bSort\b/);
  });
});
