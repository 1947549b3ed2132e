import { beforeAll, describe, expect, it } from "vitest";
import { getPublishedClaim } from "@/lib/claim-page";
import { editClaim } from "@/lib/claim-edits";
import { getClaimFacets, listPublishedClaimsPage } from "@/lib/claims";
import { migrateDatabase, prisma } from "@/lib/db";
import { getOutletProfile } from "@/lib/outlets";
import { PublicCache } from "@/lib/public-cache/cache";
import { LocalCoordinator } from "@/lib/public-cache/coordinator";
import { keyCollector } from "@/lib/public-cache/keys";
import { CACHE_SLOT, purgeAfterWrite } from "@/lib/public-cache/purge";
import { saveRating } from "@/lib/ratings";
import { search } from "@/lib/search";
import { getSpeakerProfile } from "@/lib/speakers";
import { createArticle, createClaim, createOutlet, createQuote, createSpeaker, createUser } from "../support/factories";

/**
 * Precise purges (lib/public-cache/keys.ts): the real public cache class, the
 * real reader reads recording their surrogate keys as server.ts renders them,
 * and the real writes followed by the purge their server action runs. A write
 * purges the pages showing what it changed, and only those: a rating edit on
 * claim A leaves claim B's page and a search not showing A cached, while every
 * page showing A is rendered afresh, with the new verdict, at the next request.
 */
describe("precise purges after an editorial write", () => {
  const cache = new PublicCache({ coordinator: new LocalCoordinator() });
  const tag = Date.now().toString(36);
  const wordA = `quokkafen${tag}`;
  const wordB = `marmotvale${tag}`;
  let editorId: string;
  let claimA: { id: string; slug: string };
  let claimB: { id: string; slug: string };
  let speakerA: { slug: string };
  let outletA: { slug: string };
  let oldVerdict: { id: string; slug: string; name: string };
  let newVerdict: { id: string; slug: string; name: string };

  /** A cached "page": served from the cache when current, else rendered inside a key collector and stored under its keys. */
  async function request(name: string, read: () => Promise<unknown>): Promise<{ hit: boolean; body: string }> {
    const cached = await cache.get(name);
    if (cached) return { hit: true, body: cached.body.toString() };
    const rendered = (await cache.begin())!;
    const keys = new Set<string>();
    const body = JSON.stringify(await keyCollector().run(keys, read));
    await cache.set(name, { status: 200, headers: {}, body: Buffer.from(body) }, [...keys], rendered);
    return { hit: false, body };
  }

  const rating = (claimId: string, verdictLabelId: string, version: number | null) => ({
    claimId,
    version,
    verdictLabelId,
    verdictExplanation: "The record says otherwise.",
    fidelityRating: 3,
    fidelityExplanation: "Quoted with some trimming.",
    framingRating: 3,
    framingExplanation: "Framed as settled fact.",
    correctionNote: "The verdict was revised after review.",
  });

  beforeAll(async () => {
    await migrateDatabase();
    (globalThis as unknown as Record<symbol, PublicCache>)[CACHE_SLOT] = cache;
    editorId = (await createUser()).id;
    oldVerdict = await prisma.verdictLabel.create({ data: { slug: `mostly-true-${tag}`, name: `Mostly true ${tag}`, ratingValue: 4 } });
    newVerdict = await prisma.verdictLabel.create({ data: { slug: `misleading-${tag}`, name: `Misleading ${tag}`, ratingValue: 2 } });
    const speakers = await Promise.all([createSpeaker({ name: `Minister ${tag}` }), createSpeaker({ name: `Governor ${tag}` })]);
    speakerA = speakers[0];
    const outlets = await Promise.all([createOutlet({ name: `Herald ${tag}` }), createOutlet({ name: `Courier ${tag}` })]);
    outletA = outlets[0];
    const made = [];
    for (const [i, word] of [wordA, wordB].entries()) {
      const claim = await createClaim({ status: "published", speakerId: speakers[i].id, canonical: `The dam on the river ${word} will be finished next year.` });
      const article = await createArticle({ outletId: outlets[i].id, body: `Report\n\n“The dam on the river ${word} will be finished next year,” the office said.` });
      await createQuote(article.id, `The dam on the river ${word} will be finished next year`, { claimId: claim.id, reviewStatus: "confirmed" });
      await prisma.rating.create({ data: { claimId: claim.id, verdictLabelId: oldVerdict.id, fidelityRating: 3, framingRating: 3, publishedAt: new Date() } });
      made.push(claim);
    }
    [claimA, claimB] = made;
    // The cross-file process-wide cache must not leak: remove it after the file.
    return () => {
      delete (globalThis as unknown as Record<symbol, PublicCache | undefined>)[CACHE_SLOT];
    };
  });

  it("a rating edit on claim A keeps claim B's page and a search not showing A cached; every page showing A is fresh", async () => {
    const others = {
      "claim B": () => getPublishedClaim(claimB.slug),
      "search for B": () => search({ q: wordB, type: "all", page: 1 }),
    };
    const showingA = {
      "claim A": () => getPublishedClaim(claimA.slug),
      "search for A": () => search({ q: wordA, type: "all", page: 1 }),
      "A's speaker's claims": () => listPublishedClaimsPage({ speaker: speakerA.slug }),
      "speaker A": () => getSpeakerProfile(speakerA.slug),
      "outlet A": () => getOutletProfile(outletA.slug),
    };
    // Pages that do not show A yet and will: the new verdict's filter and the verdict facet.
    const gainingA = {
      "claims rated with the new verdict": () => listPublishedClaimsPage({ verdict: newVerdict.slug }),
      "browse facets": () => getClaimFacets(),
    };
    const all = { ...others, ...showingA, ...gainingA };
    for (const [name, read] of Object.entries(all)) {
      const first = await request(name, read);
      expect(first.hit, `${name}: first request renders`).toBe(false);
      expect((await request(name, read)).hit, `${name}: second request is a hit`).toBe(true);
      if (name in showingA) expect(first.body, `${name} shows A's verdict`).toContain(oldVerdict.name);
      if (name in gainingA) expect(first.body, `${name} does not show A's new verdict yet`).not.toContain(claimA.slug);
    }
    expect((await request("search for B", others["search for B"])).body).not.toContain(claimA.slug);

    const version = (await prisma.rating.findUniqueOrThrow({ where: { claimId: claimA.id }, select: { version: true } })).version;
    const { claims, reach } = await saveRating(editorId, rating(claimA.id, newVerdict.id, version));
    const touched = { claims, reach };
    await purgeAfterWrite(touched);

    for (const [name, read] of Object.entries(others)) {
      const res = await request(name, read);
      expect(res.hit, `${name} is still a hit`).toBe(true);
    }
    for (const [name, read] of Object.entries(showingA)) {
      const res = await request(name, read);
      expect(res.hit, `${name} is rendered afresh`).toBe(false);
      expect(res.body, `${name} shows A's new verdict`).toContain(newVerdict.name);
    }
    const filtered = await request("claims rated with the new verdict", gainingA["claims rated with the new verdict"]);
    expect(filtered.hit).toBe(false);
    expect(filtered.body, "the new verdict's filter lists A").toContain(claimA.slug);
    const facets = await request("browse facets", gainingA["browse facets"]);
    expect(facets.hit).toBe(false);
    expect(facets.body, "the verdict facet offers the new verdict").toContain(newVerdict.slug);
  });

  it("a wording edit on claim A purges searches but leaves lists not showing A and claim B's page cached", async () => {
    const bPage = () => getPublishedClaim(claimB.slug);
    const bSpeaker = async () => listPublishedClaimsPage({ verdict: oldVerdict.slug });
    const newWord = `wombatridge${tag}`;
    const searchNew = () => search({ q: newWord, type: "all", page: 1 });
    for (const [name, read] of [["claim B", bPage], ["old verdict's list", bSpeaker], ["search for the new word", searchNew]] as const) {
      await request(name, read);
      expect((await request(name, read)).hit, `${name} is cached`).toBe(true);
    }
    expect((await request("search for the new word", searchNew)).body).not.toContain(claimA.slug);
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: claimA.id } });
    const { claims, reach } = await editClaim(editorId, {
      id: row.id,
      version: row.version,
      canonical: `${row.canonical} ${newWord}`,
      summary: row.summary,
      speakerId: row.speakerId,
      sourceDocumentId: row.sourceDocumentId,
      rebutsId: row.rebutsId,
    });
    expect(reach, "a wording edit reaches only the claim's rows and searches").toBe("text");
    const touched = { claims, reach };
    await purgeAfterWrite(touched);
    expect((await request("claim B", bPage)).hit, "claim B's page is still a hit").toBe(true);
    // A is rated with the new verdict now: the old verdict's list shows only B, and keeps its hit.
    expect((await request("old verdict's list", bSpeaker)).hit, "a list not showing A is still a hit").toBe(true);
    const found = await request("search for the new word", searchNew);
    expect(found.hit, "searches are purged by a wording change").toBe(false);
    expect(found.body, "the search finds A by its new word").toContain(claimA.slug);
    const page = await request("claim A", () => getPublishedClaim(claimA.slug));
    expect(page.hit).toBe(false);
    expect(page.body).toContain(newWord);
  });
});
