import { beforeAll, describe, expect, it } from "vitest";
import { listPublicQuotes } from "@/lib/api/read";
import { buildClaimReview, claimReviewProblems } from "@/lib/claim-review-jsonld";
import { getPublishedClaim, loadPublishedClaim } from "@/lib/claim-page";
import { listPublishedClaimsPage } from "@/lib/claims";
import { migrateDatabase, prisma } from "@/lib/db";
import { claimReviewFeedJson, claimsCsv, quotesCsv, quotesCsvChunks, webAnnotationExport } from "@/lib/exports/feeds";
import { getOutletProfile, listOutletsWithStats } from "@/lib/outlets";
import { search } from "@/lib/search";
import { publicQuoteWhere } from "@/lib/visibility";
import { createArticle, createClaim, createOutlet, createQuote, createSpeaker } from "../support/factories";

const SOURCE = "Overview: Pakistan continued to serve as a safe haven for certain regionally focused terrorist groups. It allowed groups to operate.";
const PASSAGE = "Pakistan continued to serve as a safe haven for certain regionally focused terrorist groups.";

let slug: string;
let draftSlug: string;
let rejectedQuoteId: string;
let suggestedQuoteId: string;
const UNREVIEWED = "offered quiet sanctuary beyond the mountains";

beforeAll(async () => {
  await migrateDatabase();
  const speaker = await createSpeaker({ name: "State Department Test" });
  const minister = await createSpeaker({ name: "Foreign Office Test" });
  const doc = await prisma.sourceDocument.create({
    data: { title: "Report 2019", slug: `report-${Date.now()}`, speakerId: speaker.id, text: SOURCE, url: "https://example.org/report", publishedAt: new Date("2020-06-24") },
  });
  const claim = await createClaim({ status: "published", speakerId: speaker.id, canonical: PASSAGE });
  slug = claim.slug;
  const start = SOURCE.indexOf(PASSAGE);
  await prisma.claim.update({ where: { id: claim.id }, data: { sourceDocumentId: doc.id, sourceStart: start, sourceEnd: start + PASSAGE.length } });
  const label = await prisma.verdictLabel.create({ data: { slug: `accurate-${Date.now()}`, name: "Accurate", ratingValue: 5 } });
  await prisma.rating.create({
    data: { claimId: claim.id, verdictLabelId: label.id, fidelityRating: 3, framingRating: 2, verdictExplanation: "Says so.", publishedAt: new Date("2020-07-01") },
  });
  const counter = await createClaim({ status: "draft", speakerId: minister.id, canonical: "We reject any insinuation about any safe haven." });
  await prisma.claim.update({ where: { id: counter.id }, data: { rebutsId: claim.id } });
  const framing = await prisma.tag.create({ data: { name: "Scare quotes", slug: `scare-${Date.now()}`, kind: "framing" } });

  const outlets = await Promise.all(["Long War Test", "Gandhara Test", "Raha Test"].map((name) => createOutlet({ name })));
  const a1 = await createArticle({
    outletId: outlets[0].id,
    title: "Pakistan a ‘safe haven’",
    body: `Pakistan a ‘safe haven’\n\nIntro paragraph.\n\n“${PASSAGE}” State notes.\n\nEnd.`,
  });
  const a2 = await createArticle({
    outletId: outlets[1].id,
    title: "Still seen as safe haven",
    body: "Still seen as safe haven\n\nPakistan remained a safe harbor for other regionally focused terrorist groups, the report noted.\n\n“We reject any insinuation about any safe haven,” the foreign office said.",
  });
  const a3 = await createArticle({ outletId: outlets[2].id, title: "Safe harbor", body: "Safe harbor\n\nThe Department said Pakistan remained a safe harbor for terrorist groups." });
  await prisma.article.update({ where: { id: a1.id }, data: { publishedAt: new Date("2020-06-25") } });
  await prisma.article.update({ where: { id: a2.id }, data: { publishedAt: new Date("2020-06-26") } });
  await prisma.article.update({ where: { id: a3.id }, data: { publishedAt: new Date("2020-06-27") } });

  const q1 = await createQuote(a1.id, PASSAGE.slice(0, -1), { claimId: claim.id, reviewStatus: "confirmed", verb: "notes", fidelity: "verbatim", paragraphIndex: 2 });
  await prisma.quoteTag.create({ data: { quoteId: q1.id, tagId: framing.id } });
  await createQuote(a2.id, "Pakistan remained a safe harbor for other regionally focused terrorist groups", {
    claimId: claim.id,
    reviewStatus: "confirmed",
    verb: "noted",
    fidelity: "altered",
    hedges: ["still", "seen as"],
    fidelityDiff: [
      { op: "equal", text: "Pakistan " },
      { op: "delete", text: "continued to serve as" },
      { op: "insert", text: "remained" },
      { op: "equal", text: " a safe " },
    ],
  });
  await createQuote(a2.id, "We reject any insinuation about any safe haven", { claimId: counter.id, reviewStatus: "confirmed", paragraphIndex: 2 });
  await createQuote(a3.id, "Pakistan remained a safe harbor for terrorist groups", { claimId: claim.id, reviewStatus: "confirmed", verb: "said", fidelity: "altered" });
  const rejected = await createQuote(a3.id, "The Department said", { claimId: claim.id, reviewStatus: "rejected" });
  rejectedQuoteId = rejected.id;
  // A machine suggestion nobody reviewed, on the published claim, from an outlet with no other quote.
  const unreviewedOutlet = await createOutlet({ name: "Unreviewed Test" });
  const a4 = await createArticle({ outletId: unreviewedOutlet.id, title: "Harbour talk", body: `Harbour talk\n\nOfficials said Pakistan ${UNREVIEWED} for the groups.` });
  const suggestion = await createQuote(a4.id, `Pakistan ${UNREVIEWED}`, { claimId: claim.id, reviewStatus: "suggested", verb: "whispered", fidelity: "verbatim" });
  suggestedQuoteId = suggestion.id;

  const draft = await createClaim({ status: "draft", canonical: "An unpublished claim about a safe haven nobody reviewed." });
  draftSlug = draft.slug;
});

describe(`claim page read model (${process.env.TEST_DB})`, () => {
  it("shows one framing row per visible quote, with diffs, verbs, hedges, positions and the counter-claim", async () => {
    const claim = await getPublishedClaim(slug);
    expect(claim).not.toBeNull();
    expect(claim!.source?.passage?.text).toBe(PASSAGE);
    expect(claim!.rows.map((r) => r.outlet.name)).toEqual(["Long War Test", "Gandhara Test", "Raha Test"]);
    expect(claim!.rows.some((r) => r.quoteId === rejectedQuoteId)).toBe(false);

    const [lwj, gandhara, raha] = claim!.rows;
    expect(lwj.verb).toBe("notes");
    expect(lwj.paragraph).toBe(2);
    expect(lwj.paragraphCount).toBe(3);
    expect(lwj.framingTags.map((t) => t.name)).toEqual(["Scare quotes"]);
    // Measured against the source passage on normalised words: dropping the final full stop changes no word.
    expect(lwj.fidelity).toBe("verbatim");
    expect(lwj.diff).toEqual([{ op: "equal", text: PASSAGE.slice(0, -1) }]);
    // The diff is measured against the source, never taken from a stored diff, and drawn on the quote as printed.
    expect(gandhara.fidelity).toBe("altered");
    expect(gandhara.diff.filter((p) => p.op === "insert").map((p) => p.text.trim())).toEqual(["remained", "harbor", "other"]);
    expect(gandhara.diff.filter((p) => p.op !== "delete").map((p) => p.text).join("")).toBe(gandhara.exact);
    expect(gandhara.hedges).toEqual(["still", "seen as"]);
    // Paragraph from the offsets when the analysis did not record it.
    expect(gandhara.paragraph).toBe(1);
    expect(gandhara.counter).toMatchObject({ paragraph: 2, exact: "We reject any insinuation about any safe haven", claim: null });
    expect(raha.counter).toBeNull();
    expect(raha.diff.some((p) => p.op === "delete" && p.text.includes("continued"))).toBe(true);
  });

  it("follows the wording from the source through each pick-up, and counts coverage by outlet", async () => {
    const claim = (await loadPublishedClaim(slug))!;
    expect(claim.timeline.map((s) => s.kind)).toEqual(["source", "article", "article", "article"]);
    expect(claim.timeline.map((s) => s.by)).toEqual(["State Department Test", "Long War Test", "Gandhara Test", "Raha Test"]);
    // Raha is compared with Gandhara's wording, not the source's: "other regionally focused" was dropped.
    const raha = claim.timeline[3];
    expect(raha.diff.filter((p) => p.op === "delete").map((p) => p.text).join(" ")).toContain("other regionally focused");
    expect(claim.coverage.map((c) => [c.outlet, c.quotes, c.altered])).toEqual([
      ["Gandhara Test", 1, 1],
      ["Long War Test", 1, 0],
      ["Raha Test", 1, 1],
    ]);
  });

  it("builds a valid ClaimReview with every required and recommended field", async () => {
    const claim = (await getPublishedClaim(slug))!;
    const review = buildClaimReview(claim, "https://claimscope.example");
    expect(claimReviewProblems(review)).toEqual([]);
    expect(review).toMatchObject({
      claimReviewed: PASSAGE,
      url: `https://claimscope.example/claims/${slug}`,
      reviewRating: { alternateName: "Accurate", ratingValue: 5 },
      itemReviewed: { "@type": "Claim", author: { name: "State Department Test" }, firstAppearance: { url: "https://example.org/report" } },
    });
    expect(review!.itemReviewed.appearance).toHaveLength(3);
    expect(claimReviewProblems({ ...review, reviewRating: { "@type": "Rating", ratingValue: 5 } })).toContain("reviewRating.alternateName is required");
  });

  it("the ClaimReview feed, read in batches, gives every rated published claim exactly what its page's ClaimReview says", async () => {
    const base = "https://claimscope.example";
    let text = "";
    for await (const chunk of claimReviewFeedJson(base)) text += chunk;
    const feed = JSON.parse(text);
    expect(feed).toMatchObject({ "@type": "DataFeed" });
    const item = feed.dataFeedElement.find((e: { url: string }) => e.url === `${base}/claims/${slug}`);
    const { ["@context"]: context, ...fromPage } = buildClaimReview((await loadPublishedClaim(slug))!, base)!;
    expect(context).toBe("https://schema.org");
    expect(item).toEqual(fromPage);
    expect(feed.dataFeedElement.map((e: { url: string }) => e.url)).not.toContain(`${base}/claims/${draftSlug}`);
  });

  it("keeps unpublished claims out of pages, lists, the API, search and exports", async () => {
    expect(await getPublishedClaim(draftSlug)).toBeNull();
    expect(await getPublishedClaim("no-such-claim")).toBeNull();
    const list = await listPublishedClaimsPage({}, 1, 100);
    expect(list.items.map((c) => c.slug)).toContain(slug);
    expect(list.items.map((c) => c.slug)).not.toContain(draftSlug);
    const results = await search({ q: "unpublished claim", type: "claims", page: 1 });
    expect(results.claims!.hits.map((h) => h.slug)).not.toContain(draftSlug);
    expect(await claimsCsv()).not.toContain(draftSlug);
    const quotes = await listPublicQuotes({}, 1, 100, "https://claimscope.example");
    expect(quotes.data.map((q) => q.id)).not.toContain(rejectedQuoteId);
    // The counter-claim is a draft: its quote is public text, but it names no claim.
    const counterQuote = quotes.data.find((q) => q.exact.startsWith("We reject"));
    expect(counterQuote?.claim).toBeNull();
  });

  it("filters claims by outlet, tag-less speaker and verdict", async () => {
    const claim = (await getPublishedClaim(slug))!;
    const byOutlet = await listPublishedClaimsPage({ outlet: (await prisma.outlet.findFirstOrThrow({ where: { name: "Raha Test" } })).slug }, 1, 20);
    expect(byOutlet.items.map((c) => c.slug)).toEqual([slug]);
    const speaker = await prisma.speaker.findFirstOrThrow({ where: { name: "State Department Test" } });
    expect((await listPublishedClaimsPage({ speaker: speaker.slug }, 1, 20)).items.map((c) => c.slug)).toEqual([slug]);
    expect((await listPublishedClaimsPage({ verdict: "no-such-verdict" }, 1, 20)).total).toBe(0);
    expect(claim.rating?.verdict.name).toBe("Accurate");
  });

  it("profiles an outlet: verbs, hedges and its share of faithful quotes", async () => {
    const outlet = await prisma.outlet.findFirstOrThrow({ where: { name: "Gandhara Test" } });
    const profile = (await getOutletProfile(outlet.slug))!;
    expect(profile.framing.quotes).toBe(1);
    expect(profile.framing.verbs).toEqual([{ verb: "noted", count: 1 }]);
    expect(profile.framing.hedges.map((h) => h.hedge)).toEqual(["seen as", "still"]);
    expect(profile.framing.faithful).toBe(0);
    expect(profile.claims.map((c) => c.slug)).toEqual([slug]);
  });
});

describe(`the review gate (${process.env.TEST_DB})`, () => {
  it("a machine suggestion nobody reviewed reaches no reader: page, ClaimReview, feed, read API, exports, outlet statistics, search", async () => {
    const claim = (await getPublishedClaim(slug))!;
    expect(claim.rows.some((r) => r.quoteId === suggestedQuoteId)).toBe(false);
    expect(claim.timeline.some((s) => s.key === suggestedQuoteId)).toBe(false);
    expect(claim.coverage.map((c) => c.outlet)).not.toContain("Unreviewed Test");
    const base = "https://claimscope.example";
    expect(JSON.stringify(buildClaimReview(claim, base))).not.toContain("quiet sanctuary");
    let feed = "";
    for await (const chunk of claimReviewFeedJson(base)) feed += chunk;
    let csv = "";
    for await (const chunk of quotesCsvChunks({}, base)) csv += chunk;
    const annotations = await webAnnotationExport({}, base);
    const api = await listPublicQuotes({}, 1, 100, base);
    for (const [name, text] of [["feed", feed], ["quotes CSV", csv], ["W3C export", JSON.stringify(annotations)], ["read API", JSON.stringify(api)]] as const) {
      expect(text, name).not.toContain("quiet sanctuary");
    }
    const outlet = await prisma.outlet.findFirstOrThrow({ where: { name: "Unreviewed Test" } });
    const profile = (await getOutletProfile(outlet.slug))!;
    expect(profile.framing.quotes).toBe(0);
    expect(profile.framing.verbs).toEqual([]);
    expect(profile.claims).toEqual([]);
    const found = await search({ q: "quiet sanctuary", type: "quotes", page: 1 });
    expect(found.quotes!.total).toBe(0);
  });
});

describe(`search (${process.env.TEST_DB})`, () => {
  it("ranks full-text matches and highlights them", async () => {
    const results = await search({ q: "safe haven", type: "all", page: 1 });
    expect(results.correctedQ).toBeNull();
    expect(results.claims!.hits[0].slug).toBe(slug);
    expect(results.claims!.hits[0].canonical.filter((s) => s.mark).map((s) => s.text.toLowerCase())).toContain("safe haven");
    expect(results.quotes!.total).toBeGreaterThan(0);
    expect(results.articles!.hits.length).toBeGreaterThan(0);
  });

  it("counts every match whichever page is asked for, a page past the last included", async () => {
    const q = "safe haven";
    const quotes = await prisma.quote.count({ where: { ...publicQuoteWhere, exact: { contains: "safe haven", mode: "insensitive" } } });
    expect(quotes).toBeGreaterThan(1);
    const first = await search({ q, type: "quotes", page: 1 });
    expect(first.quotes!.total, "the count, taken with the page").toBeGreaterThanOrEqual(quotes);
    expect(first.quotes!.hits.length).toBe(Math.min(first.quotes!.total, 20));
    const past = await search({ q, type: "quotes", page: 50 });
    expect(past.quotes!.hits).toEqual([]);
    expect(past.quotes!.total, "past the last page: counted apart").toBe(first.quotes!.total);
    const claims = await search({ q, type: "claims", page: 1 });
    expect(claims.claims!.total).toBe(claims.claims!.hits.length);
  });

  it("corrects misspellings to the words readers can find (more in search-spelling.test.ts)", async () => {
    const results = await search({ q: "safe havn", type: "all", page: 1 });
    expect(results.correctedQ).toBe("safe haven");
    expect(results.claims!.hits.map((h) => h.slug)).toContain(slug);
  });

  it("returns nothing, not an error, for a query of stop words or symbols", async () => {
    for (const q of ["the of", "!!! ???", "'; DROP TABLE \"Claim\"; --"]) {
      const results = await search({ q, type: "all", page: 1 });
      expect(results.claims!.total).toBe(0);
    }
    expect(await prisma.claim.count()).toBeGreaterThan(0);
  });
});

describe(`exports (${process.env.TEST_DB})`, () => {
  it("exports quotes as W3C Web Annotations with TextQuote and TextPosition selectors", async () => {
    const collection = await webAnnotationExport({ claim: slug }, "https://claimscope.example");
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    const items = collection.first.items as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.type).toBe("Annotation");
      expect(String(item.id)).toMatch(/^https:\/\//);
      const target = item.target as { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] };
      expect(target.selector.map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
      const article = await prisma.article.findUniqueOrThrow({ where: { slug: target.source.split("/articles/")[1] } });
      const [quote, position] = target.selector;
      // W3C positions count code points, not UTF-16 units.
      expect([...article.body].slice(position.start, position.end).join("")).toBe(quote.exact);
    }
  });

  it("counts TextPosition selectors in code points after emoji, while stored offsets stay UTF-16", async () => {
    const body = "Flood 🚨 warning 🌧️\n\nResidents 📸 said “the water is higher than ever” on Sunday.";
    const article = await createArticle({ title: "Flood 🚨 warning 🌧️", body });
    const claim = (await prisma.claim.findUniqueOrThrow({ where: { slug } })).id;
    const quote = await createQuote(article.id, "the water is higher than ever", { claimId: claim, reviewStatus: "confirmed" });
    expect(quote.start).toBe(body.indexOf("the water"));
    const collection = await webAnnotationExport({ claim: slug }, "https://claimscope.example");
    const item = (collection.first.items as { id: string; target: { selector: { type: string; start?: number; end?: number }[] } }[]).find((i) => i.id.endsWith(`#quote-${quote.id}`))!;
    const position = item.target.selector[1];
    const astralBefore = 3; // 🚨, 🌧 and 📸 are one code point and two UTF-16 units each
    expect(position).toEqual({ type: "TextPositionSelector", start: quote.start - astralBefore, end: quote.end - astralBefore });
    await prisma.quote.delete({ where: { id: quote.id } });
  });

  it("writes CSV with formula cells neutralised", async () => {
    const outlet = await createOutlet({ name: "=cmd|' /C calc'!A0" });
    const article = await createArticle({ outletId: outlet.id, title: "Formula", body: "Formula\n\n=SUM(A1) said the minister." });
    const claim = (await prisma.claim.findUniqueOrThrow({ where: { slug } })).id;
    await createQuote(article.id, "=SUM(A1)", { claimId: claim, reviewStatus: "confirmed" });
    const csv = await quotesCsv({ claim: slug });
    expect(csv).toContain("'=SUM(A1)");
    expect(csv).toContain("'=cmd|' /C calc'!A0");
    expect(csv.split("\r\n")[0]).toMatch(/^id,claim,outlet,/);
  });
});

describe(`the outlets directory's figures (${process.env.TEST_DB})`, () => {
  it("counts reviewed quotes of published claims only, and '% faithful' over those checked against a source", async () => {
    const outlet = await createOutlet({ name: `Directory Herald ${Date.now()}` });
    const published = await createClaim({ status: "published" });
    const draft = await createClaim({ status: "draft" });
    const article = await createArticle({
      outletId: outlet.id,
      body: "Figures\n\nOne said “verbatim words here”, two said “altered words here”, three said “unchecked words here”, four said “suggested words here” and five said “draft words here”.",
    });
    await createQuote(article.id, "verbatim words here", { claimId: published.id, reviewStatus: "confirmed", fidelity: "verbatim" });
    await createQuote(article.id, "altered words here", { claimId: published.id, reviewStatus: "confirmed", fidelity: "altered" });
    await createQuote(article.id, "unchecked words here", { claimId: published.id, reviewStatus: "confirmed", fidelity: null });
    await createQuote(article.id, "suggested words here", { claimId: published.id, reviewStatus: "suggested", fidelity: "verbatim" });
    await createQuote(article.id, "draft words here", { claimId: draft.id, reviewStatus: "confirmed", fidelity: "verbatim" });
    const row = (await listOutletsWithStats()).find((o) => o.id === outlet.id);
    // Three reviewed quotes of the published claim; two checked against a source, one of them faithful.
    expect(row).toMatchObject({ articleCount: 1, quotes: 3, checked: 2, faithful: 1 });
  });
});
