import { beforeAll, describe, expect, it } from "vitest";
import { loadPublishedClaim } from "@/lib/claim-page";
import { migrateDatabase, prisma } from "@/lib/db";
import { createSourceDocument } from "@/lib/source-documents";
import { remeasureClaimQuotes } from "@/lib/stored-fidelity";
import { createArticle, createClaim, createOutlet, createQuote, createSpeaker, createUser } from "../support/factories";

/**
 * Issue 11, "words vs summary": a claim page shows words in quotation marks only
 * when they are the source's words (the linked passage) or a confirmed quote
 * measured verbatim against the source. The editor's summary never is, and a
 * suggestion nobody reviewed never lends its words.
 */
const SENTENCE = "The harbour authority will dredge the outer channel before the autumn storms arrive.";
const ALTERED = "The harbour authority will dredge the channel before the storms.";
const SUMMARY = "Port authority plans dredging work this year";

let actorId: string;
let speakerId: string;
let sourceId: string;

beforeAll(async () => {
  await migrateDatabase();
  actorId = (await createUser()).id;
  speakerId = (await createSpeaker({ name: `Harbour Authority ${Date.now()}` })).id;
  sourceId = (await createSourceDocument(actorId, { title: "Harbour notice", speakerId, format: "text", content: `Harbour notice\n\n${SENTENCE}\n\nBerths stay open.` })).id;
});

/** A published claim with one article quoting `exact`, reviewed as `reviewStatus`; the claim is linked to the source (no passage) when `source`. */
async function claimQuoting(quotes: { exact: string; reviewStatus: "confirmed" | "suggested" }[], { source }: { source: boolean }) {
  const outlet = await createOutlet();
  const claim = await createClaim({ status: "published", speakerId, canonical: `${SUMMARY} ${Date.now()}` });
  for (const { exact, reviewStatus } of quotes) {
    const article = await createArticle({ outletId: outlet.id, body: `Port news.\n\nThe authority said “${exact}” on Monday.` });
    await createQuote(article.id, exact, { claimId: claim.id, speakerId, reviewStatus });
  }
  if (source) {
    await prisma.$transaction(async (tx) => {
      await tx.claim.update({ where: { id: claim.id }, data: { sourceDocumentId: sourceId } });
      await remeasureClaimQuotes(tx, [claim.id]);
    });
  }
  return (await loadPublishedClaim(claim.slug))!;
}

describe(`the words a claim page puts in quotation marks (${process.env.TEST_DB})`, () => {
  it("a confirmed quote measured verbatim against the source lends its words, named by its outlet", async () => {
    const page = await claimQuoting([{ exact: SENTENCE, reviewStatus: "confirmed" }], { source: true });
    expect(page.rows.map((r) => r.fidelity)).toEqual(["verbatim"]);
    expect(page.quotedWords).toEqual({ text: SENTENCE, from: "quote", by: page.rows[0].outlet.name });
  });

  it("nothing is quoted when the only verbatim quote is an unreviewed suggestion and the confirmed one altered the words", async () => {
    const page = await claimQuoting(
      [
        { exact: SENTENCE, reviewStatus: "suggested" },
        { exact: ALTERED, reviewStatus: "confirmed" },
      ],
      { source: true },
    );
    expect(page.rows.map((r) => r.exact)).toEqual([ALTERED]);
    expect(page.rows[0].fidelity).not.toBe("verbatim");
    expect(page.quotedWords).toBeNull();
  });

  it("nothing is quoted with no source on file, even for a confirmed quote: the editor's summary is not words anyone said", async () => {
    const page = await claimQuoting([{ exact: SENTENCE, reviewStatus: "confirmed" }], { source: false });
    expect(page.rows.map((r) => r.fidelity)).toEqual([null]);
    expect(page.quotedWords).toBeNull();
    expect(page.canonical).toContain(SUMMARY);
  });
});
