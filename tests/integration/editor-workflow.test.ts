import { beforeAll, describe, expect, it } from "vitest";
import { ActionError, ConflictError } from "@/lib/errors";
import { correctArticle } from "@/lib/article-corrections";
import { createAnnotation } from "@/lib/annotations";
import { editClaim, mergeClaims, setClaimStatus, splitClaim } from "@/lib/claim-edits";
import { migrateDatabase, prisma } from "@/lib/db";
import { getClaimHistory } from "@/lib/audit";
import { createClaimFromQuote, createEditorQuote, moveQuotes, reviewQuotes, updateQuote } from "@/lib/quotes";
import { saveRating } from "@/lib/ratings";
import { createTag, deleteTag, getTagUsage, mergeTags, setTag, editTag } from "@/lib/tags";
import { VERDICT_LABELS } from "@/prisma/seed";
import { createArticle, createClaim, createQuote, createSpeaker, createUser } from "../support/factories";

const BODY =
  "Pakistan still safe harbor\n\n" +
  "The State Department said Pakistan “continued to serve as a safe haven” for regionally focused terrorist groups.\n\n" +
  "Islamabad rejected the report. It said Pakistan had taken “modest steps” against militants.";

let actorId: string;
let labelId: string;

beforeAll(async () => {
  await migrateDatabase();
  actorId = (await createUser()).id;
  const label = VERDICT_LABELS[0];
  labelId = (await prisma.verdictLabel.upsert({ where: { slug: label.slug }, create: label, update: {} })).id;
});

async function expectRefused(promise: Promise<unknown>, kind: typeof ActionError = ActionError) {
  await expect(promise).rejects.toBeInstanceOf(kind);
}

const rating = (claimId: string, version: number | null) => ({
  claimId,
  version,
  verdictLabelId: labelId,
  verdictExplanation: "The report says exactly this.",
  fidelityRating: 4,
  fidelityExplanation: "Most outlets quote it word for word.",
  framingRating: 3,
  framingExplanation: "Headlines lean on the harshest words.",
});

describe(`review queue decisions (${process.env.TEST_DB})`, () => {
  it("confirms and rejects in bulk, and a stale version changes nothing at all", async () => {
    const article = await createArticle({ body: BODY });
    const a = await createQuote(article.id, "continued to serve as a safe haven");
    const b = await createQuote(article.id, "modest steps");
    const result = await reviewQuotes(actorId, { items: [{ id: a.id, version: a.version }, { id: b.id, version: b.version }], decision: "confirmed" });
    expect(result.count).toBe(2);
    expect((await prisma.quote.findUniqueOrThrow({ where: { id: a.id } })).reviewStatus).toBe("confirmed");

    // b is now version 2; a second editor still holds version 1 of both.
    await expectRefused(
      reviewQuotes(actorId, { items: [{ id: a.id, version: a.version + 1 }, { id: b.id, version: b.version }], decision: "rejected" }),
      ConflictError,
    );
    const after = await prisma.quote.findMany({ where: { id: { in: [a.id, b.id] } }, select: { reviewStatus: true } });
    expect(after.map((q) => q.reviewStatus)).toEqual(["confirmed", "confirmed"]);
    const events = await prisma.auditEvent.count({ where: { entityType: "quote", entityId: { in: [a.id, b.id] } } });
    expect(events).toBe(2);
  });
});

describe(`quotes from selections (${process.env.TEST_DB})`, () => {
  it("creates a confirmed editor quote with W3C selectors, refuses a stale or duplicate selection", async () => {
    const article = await createArticle({ body: BODY });
    const exact = "regionally focused terrorist groups.";
    const start = BODY.indexOf(exact);
    const end = start + exact.length;
    // A mouse selection often takes the line break after a paragraph: it is trimmed.
    const { id } = await createEditorQuote(actorId, { articleId: article.id, articleVersion: 1, start, end: end + 1, exact: exact + "\n", speakerId: null, claimId: null });
    const quote = await prisma.quote.findUniqueOrThrow({ where: { id } });
    expect(quote).toMatchObject({ exact, start, end, origin: "editor", reviewStatus: "confirmed", suffix: "\n\nIslamabad rejected the report." });
    expect(quote.prefix).toBe(BODY.slice(start - 32, start));

    await expectRefused(createEditorQuote(actorId, { articleId: article.id, articleVersion: 1, start, end: start + exact.length, exact, speakerId: null, claimId: null }));
    await expectRefused(createEditorQuote(actorId, { articleId: article.id, articleVersion: 1, start: start + 1, end: start + 9, exact: "not what is there", speakerId: null, claimId: null }), ConflictError);
    expect(await prisma.quote.count({ where: { articleId: article.id } })).toBe(1);
  });

  it("adjusts a span, changes the speaker, and starts a new claim from a quote", async () => {
    const article = await createArticle({ body: BODY });
    const speaker = await createSpeaker();
    const quote = await createQuote(article.id, "a safe haven");
    const start = BODY.indexOf("continued to serve as a safe haven");
    const { version } = await updateQuote(actorId, { id: quote.id, version: quote.version, start, end: start + "continued to serve as a safe haven".length, speakerId: speaker.id, claimId: null, reviewStatus: "confirmed" });
    const updated = await prisma.quote.findUniqueOrThrow({ where: { id: quote.id } });
    expect(updated).toMatchObject({ exact: "continued to serve as a safe haven", speakerId: speaker.id, version });
    await expectRefused(updateQuote(actorId, { id: quote.id, version: quote.version, start, end: start + 5, speakerId: null, claimId: null, reviewStatus: "rejected" }), ConflictError);

    const { claimId } = await createClaimFromQuote(actorId, { id: quote.id, version, canonical: "Pakistan is a safe haven for terrorist groups." });
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: claimId }, include: { quotes: true } });
    expect(claim).toMatchObject({ status: "draft", speakerId: speaker.id });
    expect(claim.quotes.map((q) => q.id)).toEqual([quote.id]);
  });
});

describe(`claims (${process.env.TEST_DB})`, () => {
  it("refuses the later of two conflicting saves and keeps the first", async () => {
    const claim = await createClaim();
    const base = { id: claim.id, version: claim.version, summary: "", speakerId: null, sourceDocumentId: null, rebutsId: null };
    await editClaim(actorId, { ...base, canonical: "First editor's wording." });
    await expectRefused(editClaim(actorId, { ...base, canonical: "Second editor's wording." }), ConflictError);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).canonical).toBe("First editor's wording.");
  });

  it("merges two claims: quotes, tags, annotations, rating and history follow", async () => {
    const article = await createArticle({ body: BODY });
    const survivor = await createClaim({ canonical: "Pakistan is a safe haven." });
    const absorbed = await createClaim({ canonical: "Pakistan shelters militants." });
    await createQuote(article.id, "continued to serve as a safe haven", { claimId: survivor.id });
    const moved = await createQuote(article.id, "modest steps", { claimId: absorbed.id });
    const tag = await createTag(actorId, { name: `Havens ${absorbed.id}`, colour: "#1d4ed8", kind: "topic" });
    await setTag(actorId, { tagId: tag.id, target: "claim", targetId: absorbed.id, attached: true });
    const start = BODY.indexOf("rejected the report");
    const note = await createAnnotation(actorId, { articleId: article.id, articleVersion: 1, start, end: start + 19, exact: "rejected the report", body: "Denial.", motivation: "commenting", claimId: absorbed.id });
    await saveRating(actorId, rating(absorbed.id, null));
    await editClaim(actorId, { id: absorbed.id, version: absorbed.version, canonical: "Pakistan shelters militant groups.", summary: "", speakerId: null, sourceDocumentId: null, rebutsId: null });

    await mergeClaims(actorId, { survivorId: survivor.id, survivorVersion: survivor.version, absorbedId: absorbed.id });

    expect(await prisma.claim.findUnique({ where: { id: absorbed.id } })).toBeNull();
    const merged = await prisma.claim.findUniqueOrThrow({ where: { id: survivor.id }, include: { quotes: true, tags: true, annotations: true, rating: true } });
    expect(merged.quotes.map((q) => q.id)).toContain(moved.id);
    expect(merged.tags.map((t) => t.tagId)).toEqual([tag.id]);
    expect(merged.annotations.map((a) => a.id)).toEqual([note.id]);
    expect(merged.rating).not.toBeNull();
    const history = await getClaimHistory(survivor.id);
    const actions = history.map((e) => `${e.entityType}:${e.action}:${e.entityId === survivor.id ? "survivor" : "absorbed"}`);
    expect(actions).toEqual(expect.arrayContaining(["claim:merge:survivor", "claim:edit:absorbed", "rating:rate:absorbed", "claim:tag:absorbed"]));
  });

  it("splits quotes off into a new claim", async () => {
    const article = await createArticle({ body: BODY });
    const claim = await createClaim();
    const keep = await createQuote(article.id, "continued to serve as a safe haven", { claimId: claim.id });
    const split = await createQuote(article.id, "modest steps", { claimId: claim.id });
    const { id } = await splitClaim(actorId, { id: claim.id, version: claim.version, quoteIds: [split.id], canonical: "Pakistan took modest steps." });
    expect((await prisma.quote.findUniqueOrThrow({ where: { id: split.id } })).claimId).toBe(id);
    expect((await prisma.quote.findUniqueOrThrow({ where: { id: keep.id } })).claimId).toBe(claim.id);
  });

  it("rates, publishes only when rated and quoted, unpublishes, and records each step", async () => {
    const article = await createArticle({ body: BODY });
    const claim = await createClaim();
    const quote = await createQuote(article.id, "modest steps", { claimId: claim.id });
    await expectRefused(setClaimStatus(actorId, { id: claim.id, version: 1, status: "published" }));
    const { version: ratingVersion } = await saveRating(actorId, rating(claim.id, null));
    await expectRefused(saveRating(actorId, rating(claim.id, null)), ConflictError);
    await expectRefused(setClaimStatus(actorId, { id: claim.id, version: 1, status: "published" }));
    await reviewQuotes(actorId, { items: [{ id: quote.id, version: quote.version }], decision: "confirmed" });
    const { version } = await setClaimStatus(actorId, { id: claim.id, version: 1, status: "published" });
    const published = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, include: { rating: true } });
    expect(published.status).toBe("published");
    expect(published.rating?.publishedAt).not.toBeNull();
    // A published rating that changes is a public correction: it needs the reason readers will see.
    await expectRefused(saveRating(actorId, { ...rating(claim.id, ratingVersion), framingRating: 2 }));
    await saveRating(actorId, { ...rating(claim.id, ratingVersion), framingRating: 2, correctionNote: "Headlines were re-read: the framing is loaded." });
    await setClaimStatus(actorId, { id: claim.id, version, status: "draft" });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).publishedAt).toBeNull();
    const actions = (await getClaimHistory(claim.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["rate", "correct", "publish", "unpublish"]));
  });
});

describe(`tags (${process.env.TEST_DB})`, () => {
  it("creates, renames, merges and deletes, showing usage first", async () => {
    const article = await createArticle({ body: BODY });
    const claim = await createClaim();
    const quote = await createQuote(article.id, "modest steps");
    const a = await createTag(actorId, { name: `Safe haven ${claim.id}`, colour: "#b42318", kind: "framing" });
    const b = await createTag(actorId, { name: `Sanctuary ${claim.id}`, colour: "#067647", kind: "framing" });
    await expectRefused(createTag(actorId, { name: `safe HAVEN ${claim.id}`, colour: "#000000", kind: "topic" }));
    await setTag(actorId, { tagId: a.id, target: "claim", targetId: claim.id, attached: true });
    await setTag(actorId, { tagId: a.id, target: "quote", targetId: quote.id, attached: true });
    const renamed = await editTag(actorId, { id: a.id, version: 1, name: `Havens ${claim.id}`, colour: "#b42318", kind: "framing" });
    expect((await prisma.tag.findUniqueOrThrow({ where: { id: a.id } })).slug).toMatch(/^havens-/);
    const usage = await getTagUsage(a.id);
    expect(usage?._count).toEqual({ claims: 1, quotes: 1 });
    await mergeTags(actorId, { sourceId: a.id, sourceVersion: renamed.version, targetId: b.id });
    expect(await prisma.tag.findUnique({ where: { id: a.id } })).toBeNull();
    expect(await prisma.claimTag.count({ where: { tagId: b.id } })).toBe(1);
    expect(await prisma.quoteTag.count({ where: { tagId: b.id } })).toBe(1);
    const current = await prisma.tag.findUniqueOrThrow({ where: { id: b.id } });
    await expectRefused(deleteTag(actorId, { id: b.id, version: current.version - 1 }), ConflictError);
    await deleteTag(actorId, { id: b.id, version: current.version });
    expect(await prisma.claimTag.count({ where: { claimId: claim.id } })).toBe(0);
  });
});

describe(`bulk move (${process.env.TEST_DB})`, () => {
  it("moves quotes to another claim and confirms them", async () => {
    const article = await createArticle({ body: BODY });
    const claim = await createClaim();
    const q = await createQuote(article.id, "modest steps");
    await moveQuotes(actorId, { items: [{ id: q.id, version: q.version }], claimId: claim.id });
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({ claimId: claim.id, reviewStatus: "confirmed", matchScore: null });
  });
});

describe(`article corrections (${process.env.TEST_DB})`, () => {
  it("re-anchors by position, then fuzzily with a score, else orphans — never moves an orphan", async () => {
    const article = await createArticle({ body: BODY });
    const same = await createQuote(article.id, "Islamabad rejected the report");
    const typo = await createQuote(article.id, "continued to serve as a safe haven");
    const gone = await createQuote(article.id, "modest steps");
    const start = BODY.indexOf("regionally focused");
    const note = await createAnnotation(actorId, { articleId: article.id, articleVersion: 1, start, end: start + 18, exact: "regionally focused", body: "Which groups?", motivation: "questioning", claimId: null });

    const corrected = BODY.replace("safe harbor", "safe harbour")
      .replace("continued to serve as a safe haven", "continued to serve as safe haven")
      .replace(" It said Pakistan had taken “modest steps” against militants.", "");
    const { summary } = await correctArticle(actorId, { id: article.id, version: 1, body: corrected, note: "Fix headline spelling" });
    expect(summary).toEqual({ anchored: 2, fuzzy: 1, orphaned: 1 });

    const rows = await prisma.quote.findMany({ where: { articleId: article.id } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(same.id)).toMatchObject({ anchorStatus: "anchored", exact: "Islamabad rejected the report" });
    expect(corrected.slice(byId.get(same.id)!.start, byId.get(same.id)!.end)).toBe("Islamabad rejected the report");
    expect(byId.get(typo.id)).toMatchObject({ anchorStatus: "fuzzy", exact: "continued to serve as safe haven" });
    expect(byId.get(gone.id)).toMatchObject({ anchorStatus: "orphaned", exact: "modest steps" });
    expect(byId.get(gone.id)!.start).toBeLessThan(0);
    const annotation = await prisma.annotation.findUniqueOrThrow({ where: { id: note.id } });
    expect(corrected.slice(annotation.start, annotation.end)).toBe("regionally focused");

    await expectRefused(correctArticle(actorId, { id: article.id, version: 1, body: corrected + " more" }), ConflictError);
  });
});
