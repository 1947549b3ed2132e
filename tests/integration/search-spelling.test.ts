import { beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, prisma } from "@/lib/db";
import { ingestArticles } from "@/lib/ingest";
import { correctSpelling, search } from "@/lib/search";
import { createArticle, createClaim, createOutlet, createQuote } from "../support/factories";

// Spelling correction (lib/search.ts correctSpelling) on a real database: the word list kept by
// triggers (migration search_words), the trigram index, and the rule that only words readers can
// find are offered (lib/visibility.ts).

const PUBLIC_CLAIM = "Pakistan continued to serve as a safe haven for regionally focused terrorist groups.";
// Only in a draft claim (wording and summary): never offered while the claim is unpublished.
const DRAFT_CLAIM = "The ministry denied that any contraband corridor existed near Torkham.";
const DRAFT_SUMMARY = "An embezzlement inquiry was opened.";

let publicSlug: string;
let draftId: string;

const words = async (w: string) => (await prisma.searchWord.findMany({ where: { word: w }, select: { word: true } })).length;
/** What the results show beyond the query the reader typed. */
const shown = ({ correctedQ, claims, quotes, articles }: Awaited<ReturnType<typeof search>>) => JSON.stringify({ correctedQ, claims, quotes, articles }).toLowerCase();

beforeAll(async () => {
  await migrateDatabase();
  const outlet = await createOutlet({ name: "Spelling Test Outlet" });
  const article = await createArticle({
    outletId: outlet.id,
    title: "Pakistan still a safe haven, report says",
    body: `Pakistan still a safe haven, report says\n\nThe report said: “${PUBLIC_CLAIM}” Officials in Islamabad rejected it.`,
  });
  const claim = await createClaim({ status: "published", canonical: PUBLIC_CLAIM });
  publicSlug = claim.slug;
  await createQuote(article.id, PUBLIC_CLAIM, { claimId: claim.id, reviewStatus: "confirmed", fidelity: "verbatim" });
  const draft = await createClaim({ status: "draft", canonical: DRAFT_CLAIM });
  draftId = draft.id;
  await prisma.claim.update({ where: { id: draft.id }, data: { summary: DRAFT_SUMMARY } });
});

describe(`spelling correction (${process.env.TEST_DB})`, () => {
  it("a misspelt query shows the results of the corrected one, highlighted", async () => {
    const results = await search({ q: "safe havn", type: "all", page: 1 });
    expect(results.q).toBe("safe havn");
    expect(results.correctedQ).toBe("safe haven");
    expect(results.claims!.hits.map((h) => h.slug)).toContain(publicSlug);
    const hit = results.claims!.hits.find((h) => h.slug === publicSlug)!;
    expect(hit.canonical.filter((s) => s.mark).map((s) => s.text.toLowerCase()).join(" ")).toContain("haven");
    expect(results.quotes!.total).toBeGreaterThan(0);
  });

  it.each([
    ["dropped letter", "terrorst groups", "terrorist groups"],
    ["doubled letter", "regionnally focused", "regionally focused"],
    ["swapped letters", "Pakistna", "pakistan"],
    ["replaced letter", "Islamabed", "islamabad"],
    ["quotes and operators kept", '"safe havn" -Islamabd', '"safe haven" -islamabad'],
    ["stop words kept as typed", "the safe havn", "the safe haven"],
  ])("%s: %s → %s", async (_name, q, corrected) => {
    expect(await correctSpelling(q)).toBe(corrected);
    const results = await search({ q, type: "all", page: 1 });
    expect(results.correctedQ).toBe(corrected);
  });

  it("a query that finds something is not corrected, and verbatim searches as typed", async () => {
    expect((await search({ q: "safe haven", type: "all", page: 1 })).correctedQ).toBeNull();
    const typed = await search({ q: "safe havn", type: "all", page: 1, verbatim: true });
    expect(typed.correctedQ).toBeNull();
    expect(typed.claims!.total + typed.quotes!.total + typed.articles!.total).toBe(0);
  });

  it("a word only a draft has is never offered; it is once the claim is published, and not after it is withdrawn", async () => {
    // The word list has the draft's words (the trigger does not judge visibility) …
    expect(await words("contraband")).toBeGreaterThan(0);
    expect(await words("embezzlement")).toBeGreaterThan(0);
    // … but search does not offer them, nor anything for them, and the results say nothing of them.
    for (const q of ["contrabnd", "contraband corridr", "embezlement", "embezzlement", "Torkhm"]) {
      const results = await search({ q, type: "all", page: 1 });
      expect(results.correctedQ, q).toBeNull();
      expect(shown(results), q).not.toMatch(/contraband|embezzlement|torkham/);
      expect(await correctSpelling(q), q).toBeNull();
    }

    await prisma.claim.update({ where: { id: draftId }, data: { status: "published", publishedAt: new Date() } });
    expect((await search({ q: "contrabnd", type: "all", page: 1 })).correctedQ).toBe("contraband");
    expect((await search({ q: "embezlement", type: "claims", page: 1 })).correctedQ).toBe("embezzlement");

    await prisma.claim.update({ where: { id: draftId }, data: { status: "draft" } });
    expect((await search({ q: "contrabnd", type: "all", page: 1 })).correctedQ).toBeNull();
  });

  it("words of new and edited text are offered at once (the triggers keep the list)", async () => {
    expect(await correctSpelling("quagmyre")).toBeNull();
    const outlet = await createOutlet();
    const article = await createArticle({ outletId: outlet.id, title: "A new quagmire", body: "A new quagmire\n\nAnalysts called the talks a quagmire." });
    expect(await correctSpelling("quagmyre")).toBe("quagmire");

    await prisma.article.update({ where: { id: article.id }, data: { body: "A new quagmire\n\nAnalysts called the talks a stalemate." } });
    expect(await correctSpelling("stalemte")).toBe("stalemate");

    const claim = await createClaim({ status: "published", canonical: "The talks reached an impasse." });
    expect(await correctSpelling("impase talks")).toBe("impasse talks");
    await prisma.claim.update({ where: { id: claim.id }, data: { summary: "Negotiators were deadlocked." } });
    expect(await correctSpelling("deadlokced")).toBe("deadlocked");
  });

  it("articles stored in one statement (a bulk import) add every word, each once", async () => {
    const outlet = await createOutlet();
    await prisma.article.createMany({
      data: ["marmalade", "tangerine", "marmalade"].map((w, i) => ({
        outletId: outlet.id,
        slug: `bulk-words-${i}`,
        title: `Bulk ${w}`,
        body: `Bulk ${w}\n\nThe ${w} shortage was discussed.`,
        contentHash: `bulk-words-${i}`,
      })),
    });
    expect(await words("marmalade")).toBe(1);
    expect(await words("tangerine")).toBe(1);
    expect(await correctSpelling("tangerne")).toBe("tangerine");
  });

  it("a bulk import adds exactly the words PostgreSQL finds in its texts, each once", async () => {
    // Tokens the parser treats specially: a URL, a host, an e-mail address, hyphenated and
    // digit-bearing words, an apostrophe, accents in NFC and NFD, a non-breaking space, a tab
    // (which of them are letters depends on the database's locale: both paths ask the same parser).
    const bodies = [
      "Zephyrine levels rose.\n\nSee https://zephyrexample.org/quorvath/pages or mail tallow@zephyrexample.org, said the well-known covid19 expert.",
      "Zephyrine levels rose again.\n\nThe café\u00a0owner’s and the cafe\u0301 owner's covid-19 story\tcontinued: “Quintessa will wait.”",
    ];
    const texts = bodies.map((body, i) => `Gristmill report ${i}\n${body}`);
    const outlet = await createOutlet();
    const before = new Set((await prisma.searchWord.findMany({ select: { word: true } })).map((r) => r.word));
    const stored = await ingestArticles(
      prisma,
      texts.map((body, i) => ({ outletId: outlet.id, title: `Gristmill report ${i}`, byline: null, url: null, publishedAt: null, body, rawText: null, actorId: null })),
    );
    expect(stored.every((r) => !(r instanceof Error) && r.created)).toBe(true);
    const added = (await prisma.searchWord.findMany({ select: { word: true } })).map((r) => r.word).filter((w) => !before.has(w));
    // The articles' words, and those of the draft claims the analysis made from their quotes.
    const articleIds = stored.flatMap((r) => (r instanceof Error ? [] : [r.articleId]));
    const claims = await prisma.claim.findMany({ where: { quotes: { some: { articleId: { in: articleIds } } } }, select: { canonical: true } });
    const sources = [...texts.map((t, i) => `Gristmill report ${i} ${t}`), ...claims.map((c) => c.canonical)];
    const parsed = await prisma.$queryRaw<{ w: string }[]>`
      SELECT DISTINCT w FROM unnest(${sources}::text[]) t, unnest(tsvector_to_array(to_tsvector('simple', t))) w
      WHERE claimscope_is_search_word(w)`;
    const expected = parsed.map((r) => r.w).filter((w) => !before.has(w));
    expect(added.sort()).toEqual(expected.sort());
    expect(added).toEqual(expect.arrayContaining(["zephyrine", "gristmill", "quintessa", "covid"]));
    expect(added).not.toContain("zephyrexample");
    expect(added).not.toContain("tallow");
    expect(new Set(added).size).toBe(added.length);
    // An article stored any other way still gets its words from the trigger.
    await createArticle({ outletId: outlet.id, title: "Plain insert", body: "Plain insert\n\nThe farrowing pens were empty." });
    expect(await words("farrowing")).toBe(1);
  });

  it("the trigger's check for a known word reads the btree, not the trigram index (EXPLAIN)", async () => {
    const plan = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT 1 FROM "SearchWord" s WHERE s."word" COLLATE "C" = $1 COLLATE "C"`, ["haven"]);
    });
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("SearchWord_word_idx");
    expect(text).not.toContain("trgm");
  });

  it("bad input gets a clear empty result, never an error, and never a long wait", async () => {
    const odd = [
      "x".repeat(200),
      Array.from({ length: 40 }, (_, i) => `wrd${"abcdefghij"[i % 10]}q`).join(" ").slice(0, 200),
      "((( a.*b ))) \\ [[:alpha:]] $1 %_ '; DROP TABLE \"SearchWord\"; --",
      "!!! ??? ---",
      "zzzzqqqq xxxyyyzzz",
      "ḩåvėn ‘safe’ «haven»",
      "\u200b haven\u202e",
    ];
    for (const q of odd) {
      const started = performance.now();
      const results = await search({ q, type: "all", page: 1 });
      expect(results.claims, q).not.toBeNull();
      expect(performance.now() - started, q).toBeLessThan(10_000);
    }
    expect(await words("haven")).toBeGreaterThan(0);
    expect(await prisma.searchWord.count()).toBeGreaterThan(0);
  });

  it("the word lookup reads the trigram index (EXPLAIN)", async () => {
    const plan = await prisma.$transaction(async (tx) => {
      // The test database is small enough to scan; the plan must still be able to use the index.
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT t.typed, k.word FROM unnest($1::text[]) AS t(typed)
           LEFT JOIN LATERAL (SELECT s.word FROM "SearchWord" s ORDER BY s.word <-> t.typed LIMIT 12) k ON true`,
        ["havn"],
      );
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("SearchWord_word_trgm_idx");
  });
});
