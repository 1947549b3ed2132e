import { beforeAll, describe, expect, it } from "vitest";
import { getPublishedClaim } from "@/lib/claim-page";
import { getClaimTrend } from "@/lib/claim-trends";
import { getClaimFacets, listPublishedClaimsPage } from "@/lib/claims";
import { onQuery, prisma, type QueryEvent } from "@/lib/db";
import { claimReviewsAtom } from "@/lib/exports/atom";
import { allPublicQuotes } from "@/lib/api/read";
import { claimReviewFeedJson, claimReviews, claimsCsvChunks, quotesCsvChunks, webAnnotationExportChunks } from "@/lib/exports/feeds";
import { getOutletProfile } from "@/lib/outlets";
import { search } from "@/lib/search";
import { getSpeakerProfile, listSpeakersPage } from "@/lib/speakers";
import { publicClaimWhere, publicQuoteWhere } from "@/lib/visibility";
import { createArticle, createClaim, createOutlet, createQuote, createSpeaker } from "../support/factories";
import { prepareDatabaseWithEditor, run } from "../support/published-claim";

/**
 * The reader paths' statements, as the database receives them (Prisma's query events,
 * DATABASE_QUERY_EVENTS=1 in vitest.config.ts): the claim page, an outlet's and a speaker's page,
 * /claims with its facets, /speakers, search, and the exports and feeds (ClaimReview, W3C
 * annotations, CSV, Atom).
 *
 * - No statement per row: each path sends as many statements for a record with one quote, claim
 *   or article as for one with many (the ClaimReview feed once loaded every claim on its own).
 * - An index can answer each statement: every one is planned again with sequential scans priced
 *   out (`enable_seqscan = off`, as stored-counts.test.ts does for /claims's filters), and no plan
 *   may still read a whole table that grows with the corpus. The test database is small enough
 *   that the planner would scan anything; at 1M quotes a scan is what makes a page slow.
 */

/** Tables that grow with the corpus: a reader's statement never reads one whole. */
const GROWING = ["Quote", "Claim", "Article", "ClaimOutlet", "ClaimTag", "Rating", "Speaker", "SearchWord", "Annotation", "FeedItem"];

/** The statements `read` sends (reads only: a reader's path writes nothing). */
async function statementsOf(read: () => Promise<unknown>): Promise<QueryEvent[]> {
  const seen: QueryEvent[] = [];
  const stop = onQuery((e) => seen.push(e));
  try {
    await read();
  } finally {
    stop();
  }
  return seen.filter((e) => /^\s*(?:SELECT|WITH)\b/i.test(e.query));
}

/** A parameter as an SQL literal, for EXECUTE (which coerces it to the prepared parameter's type). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return literal(`{${value.map((v) => (v === null ? "NULL" : `"${String(v).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`);
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** `statement`'s plan with sequential scans priced out, for the parameters it was sent with. */
async function planOf(statement: QueryEvent): Promise<string> {
  const params = JSON.parse(statement.params) as unknown[];
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    await tx.$executeRawUnsafe(`PREPARE reader_statement AS ${statement.query}`);
    try {
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN EXECUTE reader_statement${params.length ? `(${params.map(literal).join(", ")})` : ""}`,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    } finally {
      await tx.$executeRawUnsafe("DEALLOCATE reader_statement");
    }
  });
}

async function expectIndexed(statements: QueryEvent[]) {
  expect(statements.length, "the path reads the database").toBeGreaterThan(0);
  for (const statement of statements) {
    const plan = await planOf(statement);
    const scanned = GROWING.filter((table) => new RegExp(`Seq Scan on "?${table}"?\\b`).test(plan));
    expect(scanned, `${statement.query}\n${plan}`).toEqual([]);
  }
}

describe("reader paths: statements per page and their plans", () => {
  let small: { claimSlug: string; claimId: string; outletSlug: string; speakerSlug: string };
  let large: typeof small;

  /** A published claim by a new speaker with `quotes` confirmed quotes, one per article, in `outlets` new outlets. */
  async function claimWith(quotes: number, outlets: number, word: string) {
    const speaker = await createSpeaker({ kind: "person" });
    const claim = await createClaim({ status: "published", speakerId: speaker.id, canonical: `The ${word} reservoir will be full by spring ${run}` });
    const outletRows = await Promise.all(Array.from({ length: outlets }, () => createOutlet()));
    for (let i = 0; i < quotes; i++) {
      const article = await createArticle({ outletId: outletRows[i % outlets].id, body: `Reservoir ${i}\n\nThe ministry said “the ${word} reservoir will be full by spring,” on Monday.` });
      await createQuote(article.id, `the ${word} reservoir will be full by spring,`, { claimId: claim.id, speakerId: speaker.id, reviewStatus: "confirmed", fidelity: "verbatim" });
    }
    const label = await prisma.verdictLabel.findUniqueOrThrow({ where: { slug: "mixed" }, select: { id: true } });
    await prisma.rating.create({ data: { claimId: claim.id, verdictLabelId: label.id, verdictExplanation: "Partly.", fidelityRating: 4, framingRating: 4, publishedAt: new Date() } });
    return { claimSlug: claim.slug, claimId: claim.id, outletSlug: outletRows[0].slug, speakerSlug: speaker.slug };
  }

  beforeAll(async () => {
    await prepareDatabaseWithEditor();
    small = await claimWith(1, 1, "northern");
    large = await claimWith(12, 6, "southern");
  });

  it("the check itself: it sees the statements of a read, and a whole-table read among them", async () => {
    const statements = await statementsOf(() => prisma.$queryRawUnsafe(`SELECT id FROM "Quote" WHERE lower(exact) LIKE $1`, "%reservoir%"));
    expect(statements).toHaveLength(1);
    expect(await planOf(statements[0])).toMatch(/Seq Scan on "?Quote"?/);
  });

  const claimPage = (c: typeof small) => async () => {
    const claim = await getPublishedClaim(c.claimSlug);
    expect(claim).not.toBeNull();
    await getClaimTrend(claim!.id, "public", { publishedAt: claim!.publishedAt, ratingPublishedAt: claim!.rating?.publishedAt ?? null });
  };
  const outletPage = (c: typeof small) => async () => expect(await getOutletProfile(c.outletSlug)).not.toBeNull();
  const speakerPage = (c: typeof small) => async () => expect(await getSpeakerProfile(c.speakerSlug)).not.toBeNull();

  it.each([
    ["the claim page", claimPage],
    ["an outlet's page", outletPage],
    ["a speaker's page", speakerPage],
  ] as const)("%s sends as many statements for one quote as for twelve, and an index answers each", async (_, path) => {
    const few = await statementsOf(path(small));
    const many = await statementsOf(path(large));
    expect(many.length, "statements for twelve quotes in six outlets vs one").toBe(few.length);
    await expectIndexed(many);
  });

  it("/claims, its facets, /speakers, the exports and feeds: as many statements for two claims as for eight, and an index answers each", async () => {
    const list = async () => {
      await listPublishedClaimsPage({}, 1);
      await getClaimFacets();
      await listSpeakersPage(1);
    };
    const exports = async () => {
      for await (const chunk of claimReviewFeedJson()) expect(chunk).toBeTypeOf("string");
      for await (const chunk of webAnnotationExportChunks()) expect(chunk).toBeTypeOf("string");
      for await (const chunk of claimsCsvChunks()) expect(chunk).toBeTypeOf("string");
      for await (const chunk of quotesCsvChunks()) expect(chunk).toBeTypeOf("string");
      expect(await claimReviewsAtom({})).toContain("<feed");
    };
    const few = await statementsOf(list);
    const fewExported = await statementsOf(exports);
    for (let i = 0; i < 6; i++) await claimWith(2, 2, `western${i}`);
    const many = await statementsOf(list);
    expect(many.length).toBe(few.length);
    await expectIndexed(many);
    // The ClaimReview feed, the W3C collection, the CSV files and the Atom feed: batches, never a statement per claim.
    const manyExported = await statementsOf(exports);
    expect(manyExported.length, "export statements for eight claims vs two").toBe(fewExported.length);
    await expectIndexed(manyExported);
  });

  it("the exports across their batches' ends: every record once, in order, and no more statements per batch than for one batch of all", async () => {
    // Small batches over the claims and quotes made above (eight rated claims, 36 quotes).
    const claims = await prisma.claim.findMany({ where: { ...publicClaimWhere, rating: { isNot: null } }, orderBy: { id: "asc" }, select: { slug: true } });
    expect(claims.length).toBeGreaterThan(6);
    const reviewsIn = async (batch: number) => {
      const urls: string[] = [];
      const statements = await statementsOf(async () => {
        for await (const review of claimReviews("https://claims.example", batch)) urls.push(review.url);
      });
      return { urls, statements: statements.length };
    };
    const oneBatch = await reviewsIn(1000);
    const batchesOfThree = await reviewsIn(3);
    expect(batchesOfThree.urls).toEqual(claims.map((c) => `https://claims.example/claims/${c.slug}`));
    expect(oneBatch.urls).toEqual(batchesOfThree.urls);
    // A batch's statements (the claims and their relations, then their quotes' articles; Prisma skips a
    // relation's statement when no row has one) never outnumber those of one batch of all the claims.
    expect(batchesOfThree.statements).toBeLessThanOrEqual(Math.ceil(claims.length / 3) * oneBatch.statements);

    const quotes = await prisma.quote.findMany({ where: publicQuoteWhere, orderBy: { id: "asc" }, select: { id: true } });
    const quotesIn = async (batch: number) => {
      const ids: string[] = [];
      const statements = await statementsOf(async () => {
        for await (const rows of allPublicQuotes({}, "https://claims.example", batch)) ids.push(...rows.map((q) => q.id));
      });
      return { ids, statements: statements.length };
    };
    const allQuotes = await quotesIn(1000);
    const quotesByFive = await quotesIn(5);
    expect(quotesByFive.ids).toEqual(quotes.map((q) => q.id));
    expect(allQuotes.ids).toEqual(quotesByFive.ids);
    expect(quotesByFive.statements).toBeLessThanOrEqual(Math.ceil(quotes.length / 5) * allQuotes.statements);

    const csv: string[] = [];
    for await (const chunk of claimsCsvChunks("https://claims.example", 3)) csv.push(chunk);
    const published = await prisma.claim.count({ where: publicClaimWhere });
    expect(csv.join("").trim().split("\n")).toHaveLength(published + 1);
  });

  it("search (as typed and misspelt) sends as many statements for one match as for twelve, and an index answers each", async () => {
    const found = async (q: string) => {
      const results = await search({ q, type: "all", page: 1 });
      expect(results.quotes?.total ?? 0, q).toBeGreaterThan(0);
    };
    const few = await statementsOf(() => found("northern reservoir"));
    const many = await statementsOf(() => found("southern reservoir"));
    expect(many.length).toBe(few.length);
    await expectIndexed(many);
    // A misspelt word: the spelling lookup and the search again.
    await expectIndexed(await statementsOf(() => found("southren reservoir")));
  });
});
