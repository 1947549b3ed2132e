import { beforeAll, describe, expect, it } from "vitest";
import { editClaim, mergeClaims } from "@/lib/claim-edits";
import { ActionError, ConflictError } from "@/lib/errors";
import { getPublishedClaim } from "@/lib/claim-page";
import { migrateDatabase, prisma } from "@/lib/db";
import { ingestArticle } from "@/lib/ingest";
import { createSourceDocument, editSourceDocument, getSourceDocumentForEditor, linkClaimToSource } from "@/lib/source-documents";
import { moveQuotes } from "@/lib/quotes";
import { pageCitation } from "@/lib/source-pages";
import { makeReportPdf } from "../support/test-pdf";
import { createArticle, createClaim, createOutlet, createQuote, createSpeaker, createUser } from "../support/factories";

const CANAL = "The agency will reopen the eastern canal to boats once the dredging of its locks ends.";
const SENTENCE = "The ministry will close the northern reservoir to anglers until the spring survey is done.";
const REPORT = [
  "Water report 2031",
  "The ministry reviewed every reservoir in the region during the dry season.",
  SENTENCE,
  "Fishing licences issued before the closure remain valid elsewhere in the region.",
];

let actorId: string;
let speakerId: string;

beforeAll(async () => {
  await migrateDatabase();
  actorId = (await createUser()).id;
  speakerId = (await createSpeaker({ name: `Water Ministry ${Date.now()}` })).id;
});

describe(`primary sources (${process.env.TEST_DB})`, () => {
  it("stores a pasted source, refuses bad input with a clear error and stores nothing", async () => {
    const { id } = await createSourceDocument(actorId, { title: "Water report (pasted)", speakerId, publishedAt: "2031-03-01", url: "https://example.org/water", format: "text", content: REPORT.join("\n\n") });
    const stored = await getSourceDocumentForEditor(id);
    expect(stored).toMatchObject({ title: "Water report (pasted)", format: "text", url: "https://example.org/water", pageStarts: [] });
    expect(stored!.text).toContain(SENTENCE);
    const before = await prisma.sourceDocument.count();
    await expect(createSourceDocument(actorId, { title: "Broken", format: "pdf", content: Buffer.from("not a pdf").toString("base64") })).rejects.toThrow(ActionError);
    await expect(createSourceDocument(actorId, { title: "", format: "text", content: "x" })).rejects.toThrow();
    // HTML is read in a worker with the imports' budgets: a page nested past them is refused, clearly.
    const nested = `<html><body>${"<div>".repeat(5_000)}${SENTENCE}${"</div>".repeat(5_000)}</body></html>`;
    await expect(createSourceDocument(actorId, { title: "Nested", format: "html", content: nested })).rejects.toThrow(/nests its elements \d+ deep/);
    expect(await prisma.sourceDocument.count()).toBe(before);
  });

  it("reads a PDF's text with its pages, and an HTML page's text", async () => {
    const pdf = await makeReportPdf({ header: "Water report 2031 — Ministry of Water", paragraphs: REPORT.slice(1).concat(REPORT.slice(1)), width: 45, linesPerPage: 6 });
    const { id } = await createSourceDocument(actorId, { title: "Water report (PDF)", speakerId, format: "pdf", fileName: "water.pdf", content: Buffer.from(pdf).toString("base64") });
    const stored = (await getSourceDocumentForEditor(id))!;
    expect(stored.format).toBe("pdf");
    expect(stored.pageStarts.length).toBeGreaterThan(1);
    expect(stored.text).toContain(SENTENCE);
    expect(stored.text).not.toContain("Ministry of Water");
    const at = stored.text!.lastIndexOf(SENTENCE);
    expect(pageCitation(stored.pageStarts, at, at + SENTENCE.length)).toMatch(/^pp?\. \d/);

    const html = await createSourceDocument(actorId, { title: "Water report (HTML)", format: "html", content: `<html><body><article><h1>Water report</h1><p>${SENTENCE}</p></article></body></html>` });
    expect((await getSourceDocumentForEditor(html.id))!.text).toContain(SENTENCE);
  });

  it("with no source on file a new story's quotes are unchecked; linking the claim to the source sentence measures them", async () => {
    const outlet = await createOutlet();
    const ingested = await ingestArticle(prisma, {
      outletId: outlet.id,
      title: "Reservoir closed",
      byline: null,
      url: null,
      publishedAt: null,
      body: `Canal to reopen ${Date.now()}\n\nThe agency said it “will reopen the eastern canal to boats once the dredging of its locks ends,” a spokesman told reporters.\n\nBoat owners said the closure “came without any warning at all.”`,
      rawText: null,
      actorId,
    });
    const quotes = await prisma.quote.findMany({ where: { articleId: ingested.articleId }, select: { exact: true, fidelity: true, claimId: true } });
    expect(quotes.length).toBeGreaterThan(0);
    // No source on file for these claims: unchecked, never "not found".
    expect(quotes.map((q) => q.fidelity)).toEqual(quotes.map(() => null));

    const { id: sourceId } = await createSourceDocument(actorId, { title: "Canal notice", speakerId, format: "text", content: `Canal notice\n\n${CANAL}\n\nMoorings stay closed.` });
    const source = (await getSourceDocumentForEditor(sourceId))!;
    const quote = quotes.find((q) => q.exact.includes("eastern canal"))!;
    const start = source.text!.indexOf(CANAL);
    // A stale selection is refused.
    await expect(linkClaimToSource(actorId, { claimId: quote.claimId!, sourceDocumentId: sourceId, sourceVersion: source.version, start, end: start + 10, exact: "something else" })).rejects.toThrow(ConflictError);
    await linkClaimToSource(actorId, { claimId: quote.claimId!, sourceDocumentId: sourceId, sourceVersion: source.version, start, end: start + CANAL.length, exact: CANAL });
    const measured = await prisma.quote.findFirstOrThrow({ where: { articleId: ingested.articleId, exact: quote.exact }, select: { fidelity: true } });
    expect(measured.fidelity).toBe("trimmed");
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: quote.claimId! }, select: { sourceDocumentId: true, sourceStart: true, sourceEnd: true } });
    expect(claim).toEqual({ sourceDocumentId: sourceId, sourceStart: start, sourceEnd: start + CANAL.length });
  });

  it("correcting a source's text moves linked passages and measures the quotes again; a stale version is refused", async () => {
    const { id } = await createSourceDocument(actorId, { title: "Water report (correct)", speakerId, format: "text", content: REPORT.join("\n\n") });
    const source = (await getSourceDocumentForEditor(id))!;
    const claim = await createClaim({ status: "published", speakerId, canonical: "The northern reservoir closes to anglers until the survey" });
    const article = await createArticle({ body: `Closure\n\nThe ministry said it “will shut the northern reservoir to anglers until the spring survey is done.”` });
    await createQuote(article.id, "will shut the northern reservoir to anglers until the spring survey is done.", { claimId: claim.id, reviewStatus: "confirmed" });
    const start = source.text!.indexOf(SENTENCE);
    await linkClaimToSource(actorId, { claimId: claim.id, sourceDocumentId: id, sourceVersion: source.version, start, end: start + SENTENCE.length, exact: SENTENCE });
    expect((await prisma.quote.findFirstOrThrow({ where: { claimId: claim.id }, select: { fidelity: true } })).fidelity).toBe("altered");

    // The report is corrected: a paragraph added before, and the sentence now says "shut".
    const corrected = ["Preface added later.", ...REPORT.map((p) => p.replace("will close", "will shut"))].join("\n\n");
    const saved = await editSourceDocument(actorId, { id, version: source.version, title: source.title, speakerId, format: "text", content: corrected });
    expect(saved.passagesLost).toBe(1);
    expect((await prisma.quote.findFirstOrThrow({ where: { claimId: claim.id }, select: { fidelity: true } })).fidelity).toBe("trimmed");
    await expect(editSourceDocument(actorId, { id, version: source.version, title: "Stale", format: "text", content: "x", keepText: true })).rejects.toThrow(ConflictError);

    // The reader page measures against the corrected source: badge and diff agree.
    const page = await getPublishedClaim((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { slug: true } })).slug);
    expect(page!.rows[0].fidelity).toBe("trimmed");
    expect(page!.rows[0].diff.every((p) => p.op === "equal")).toBe(true);
  });

  it("the stored fidelity (statistics, API, exports) follows a claim's source set in its form, quotes moved between claims, and a merge", async () => {
    const { id: sourceId } = await createSourceDocument(actorId, { title: "Water report (stored)", speakerId, format: "text", content: REPORT.join("\n\n") });
    const article = await createArticle({
      body: `Closure\n\nThe ministry said it “will shut the northern reservoir to anglers until the spring survey is done.”\n\nIt “will close the northern reservoir to anglers until the spring survey is done,” it said.`,
    });
    const withSource = await createClaim({ speakerId, canonical: "The northern reservoir closes to anglers (stored)" });
    const without = await createClaim({ speakerId, canonical: "The reservoir closure, reported (stored)" });
    const altered = await createQuote(article.id, "will shut the northern reservoir to anglers until the spring survey is done.", { claimId: withSource.id, reviewStatus: "confirmed" });
    const trimmed = await createQuote(article.id, "will close the northern reservoir to anglers until the spring survey is done", { claimId: without.id, reviewStatus: "confirmed" });
    const stored = async (id: string) => prisma.quote.findUniqueOrThrow({ where: { id }, select: { fidelity: true, fidelityDiff: true, version: true } });
    const edit = async (claimId: string, sourceDocumentId: string | null) => {
      const c = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
      await editClaim(actorId, { id: c.id, version: c.version, canonical: c.canonical, summary: null, speakerId: c.speakerId, sourceDocumentId, rebutsId: null });
    };

    // The source chosen in the claim's form: its quote is measured against it; taken away: unchecked.
    await edit(withSource.id, sourceId);
    expect(await stored(altered.id)).toMatchObject({ fidelity: "altered", fidelityDiff: expect.arrayContaining([expect.objectContaining({ op: "insert" })]) });
    await edit(withSource.id, null);
    expect(await stored(altered.id)).toMatchObject({ fidelity: null, fidelityDiff: null });
    await edit(withSource.id, sourceId);

    // A quote moved onto the claim with the source is measured; moved back, unchecked again.
    await moveQuotes(actorId, { items: [{ id: trimmed.id, version: (await stored(trimmed.id)).version }], claimId: withSource.id });
    expect((await stored(trimmed.id)).fidelity).toBe("trimmed");
    await moveQuotes(actorId, { items: [{ id: trimmed.id, version: (await stored(trimmed.id)).version }], claimId: without.id });
    expect((await stored(trimmed.id)).fidelity).toBe(null);

    // Merged into the claim with no source, which takes the absorbed claim's: both quotes measured against it.
    const survivor = await prisma.claim.findUniqueOrThrow({ where: { id: without.id } });
    await mergeClaims(actorId, { survivorId: survivor.id, survivorVersion: survivor.version, absorbedId: withSource.id });
    expect((await stored(altered.id)).fidelity).toBe("altered");
    expect((await stored(trimmed.id)).fidelity).toBe("trimmed");
  });
});
