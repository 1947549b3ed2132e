/**
 * The field cases in tests/fixtures/cases/claimreview (copied from the shared
 * evaluation set): import the article, confirm its quotes, rate the claim and
 * publish it as an editor would, then read the claim page's ClaimReview and the
 * feed's, and hold them to the case's expected.json.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { claimReviewProblems, buildClaimReview, type ClaimReviewJson } from "@/lib/claim-review-jsonld";
import { setClaimStatus } from "@/lib/claim-edits";
import { getPublishedClaim } from "@/lib/claim-page";
import { migrateDatabase, prisma } from "@/lib/db";
import { claimReviews } from "@/lib/exports/feeds";
import { importArticle } from "@/lib/import-article";
import { createClaimFromQuote, reviewQuotes } from "@/lib/quotes";
import { saveRating } from "@/lib/ratings";
import { seedReferenceData } from "@/prisma/seed";
import { createUser } from "../support/factories";

const CASES = path.join(process.cwd(), "tests/fixtures/cases/claimreview");
const meta = JSON.parse(readFileSync(path.join(CASES, "article/water-board-rise.json"), "utf8")) as { title: string; outlet: string; url: string; published: string };
const text = readFileSync(path.join(CASES, "article/water-board-rise.txt"), "utf8");
const expected = (name: string) => JSON.parse(readFileSync(path.join(CASES, name, "expected.json"), "utf8")) as Record<string, unknown>;

let editorId: string;

beforeAll(async () => {
  await migrateDatabase();
  await seedReferenceData(prisma);
  editorId = (await createUser()).id;
});

/**
 * The editor's path: import, confirm every quote, take the claim of the quote
 * with `words` (asking for one if the analysis made none), rate it with
 * `verdict`, publish it. Returns the claim page's and the feed's ClaimReview.
 */
async function publishCase(words: string, verdict: string): Promise<{ page: ClaimReviewJson; feed: ClaimReviewJson }> {
  // The article is imported once: a second case on the same claim reads the same reviews.
  const key = `${words}\u0000${verdict}`;
  let done = published.get(key);
  if (!done) published.set(key, (done = publishOnce(words, verdict)));
  return done;
}

const published = new Map<string, Promise<{ page: ClaimReviewJson; feed: ClaimReviewJson }>>();

async function publishOnce(words: string, verdict: string): Promise<{ page: ClaimReviewJson; feed: ClaimReviewJson }> {
  const imported = await importArticle(
    prisma,
    { outletId: null, newOutletName: meta.outlet, title: meta.title, byline: null, publishedAt: meta.published, url: meta.url, format: "text", content: text, stripBoilerplate: true },
    editorId,
  );
  const quotes = await prisma.quote.findMany({ where: { articleId: imported.articleId, kind: { not: "title" } }, select: { id: true, version: true, exact: true } });
  expect(quotes.length).toBeGreaterThan(0);
  await reviewQuotes(editorId, { decision: "confirmed", items: quotes.map((q) => ({ id: q.id, version: q.version })) });
  let quote = await prisma.quote.findFirstOrThrow({ where: { articleId: imported.articleId, exact: { contains: words } }, select: { id: true, version: true, exact: true, claimId: true } });
  if (!quote.claimId) {
    await createClaimFromQuote(editorId, { id: quote.id, version: quote.version, canonical: quote.exact });
    quote = await prisma.quote.findUniqueOrThrow({ where: { id: quote.id }, select: { id: true, version: true, exact: true, claimId: true } });
  }
  const label = await prisma.verdictLabel.findUniqueOrThrow({ where: { slug: verdict }, select: { id: true } });
  await saveRating(editorId, {
    claimId: quote.claimId!,
    version: null,
    verdictLabelId: label.id,
    verdictExplanation: "The board's own figures are not public.",
    fidelityRating: 5,
    fidelityExplanation: "Quoted word for word by the paper.",
    framingRating: 4,
    framingExplanation: "The paper gives the board's reason.",
  });
  const claim = await prisma.claim.findUniqueOrThrow({ where: { id: quote.claimId! }, select: { id: true, slug: true, version: true } });
  await setClaimStatus(editorId, { id: claim.id, version: claim.version, status: "published" });

  const detail = await getPublishedClaim(claim.slug);
  expect(detail, "the claim page").not.toBeNull();
  const base = "https://claims.example";
  const page = buildClaimReview(detail!, base)!;
  expect(claimReviewProblems(page)).toEqual([]);
  let feed: ClaimReviewJson | undefined;
  for await (const review of claimReviews(base)) if (review.url === page.url) feed = review;
  expect(feed, "the feed carries the claim").toBeDefined();
  return { page, feed: feed! };
}

describe(`ClaimReview field cases (${process.env.TEST_DB})`, () => {
  it("d01: a verdict that is not a degree of truth (Unverifiable) has no ratingValue, only its name", async () => {
    const want = expected("d01-claimreview-unverifiable-rating").reviewRating as Record<string, unknown>;
    const { page, feed } = await publishCase("a third of the old town", "unverifiable");
    for (const review of [page, feed]) {
      expect(review.reviewRating["@type"]).toBe(want["@type"]);
      expect(review.reviewRating.alternateName).toBe(want.alternateName);
      // "absent": not 3 (Mixed), not any number on the 1..5 truth scale.
      expect(review.reviewRating).not.toHaveProperty("ratingValue");
      expect(review.reviewRating).not.toHaveProperty("bestRating");
      expect(review.reviewRating).not.toHaveProperty("worstRating");
    }
  });

  it("a verdict on the truth scale keeps its number, nearer bestRating meaning more true", async () => {
    const labels = await prisma.verdictLabel.findMany({ where: { ratingValue: { not: null } }, orderBy: { ratingValue: "desc" }, select: { slug: true, ratingValue: true } });
    expect(labels.map((l) => l.slug)).toEqual(["accurate", "mostly-accurate", "mixed", "misleading", "inaccurate"]);
    expect(labels.map((l) => l.ratingValue)).toEqual([5, 4, 3, 2, 1]);
    const { page } = await publishCase("We lose one litre in four", "inaccurate");
    expect(page.reviewRating).toEqual({ "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "Inaccurate" });
  });

  it("d02: a claim an organisation made is reviewed with an Organization as itemReviewed.author, by the analysis's own kind", async () => {
    const want = (expected("d02-claimreview-org-author-typed-person").itemReviewed as { author: { "@type": string; name: string } }).author;
    const { page, feed } = await publishCase("a third of the old town", "unverifiable");
    for (const review of [page, feed]) {
      expect(review.itemReviewed.author).toEqual(want);
    }
    // The speaker was stored with the kind the analysis found, not as a person.
    const speaker = await prisma.speaker.findFirstOrThrow({ where: { name: want.name }, select: { kind: true } });
    expect(speaker.kind).not.toBe("person");
  });
});
