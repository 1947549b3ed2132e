import { beforeAll, describe, expect, it } from "vitest";
import { isClaimStatement } from "@/lib/analysis/claim-statement";
import { tagPieces } from "@/lib/analysis/nlp";
import { editClaim } from "@/lib/claim-edits";
import { prisma } from "@/lib/db";
import { ingestArticle } from "@/lib/ingest";
import { MACHINE_DRAFT_ACTION } from "@/lib/machine-drafts";
import { createClaimFromQuote, moveQuotes, reviewQuotes } from "@/lib/quotes";
import { createOutlet, createUser } from "../support/factories";
import { useSeededDatabase } from "../support/seeded-database";

// Which quotes become claims (lib/analysis/claim-statement.ts), and what rejecting one leaves.
let actorId: string;

beforeAll(async () => {
  await useSeededDatabase();
  actorId = (await createUser()).id;
});

/** Draft claims the analysis made (each has its creation event). */
async function machineDrafts() {
  const made = await prisma.auditEvent.findMany({ where: { entityType: "claim", action: MACHINE_DRAFT_ACTION }, select: { entityId: true } });
  return prisma.claim.findMany({
    where: { id: { in: made.map((e) => e.entityId) } },
    select: { id: true, canonical: true, status: true, quotes: { select: { exact: true, kind: true } } },
  });
}

const words = (s: string) => s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];

describe(`quote fragments are not claims (${process.env.TEST_DB})`, () => {
  it("the seed corpus makes draft claims only of statements: every one has a verb, no fragment has a claim of its own", async () => {
    const drafts = await machineDrafts();
    // 52 before the rule: one per fragment ("Affiliated", "Terror groups", "Safe haven" …).
    expect(drafts.length).toBe(EXPECTED_SEED_DRAFTS);
    for (const d of drafts) {
      expect(isClaimStatement({ exact: d.canonical }), d.canonical).toBe(true);
      expect(words(d.canonical).length, d.canonical).toBeGreaterThanOrEqual(3);
      expect(tagPieces(words(d.canonical)).some((t) => t.pos === "VERB" || t.pos === "AUX"), d.canonical).toBe(true);
    }
    const canon = new Set(drafts.map((d) => d.canonical.toLowerCase().replace(/[.,]$/, "")));
    for (const fragment of ["affiliated", "terror groups", "safe haven", "modest steps", "rural", "india-focused"]) expect(canon.has(fragment), fragment).toBe(false);

    // The fragments are still quotes, for the editor to review and attach.
    const terror = await prisma.quote.findFirst({ where: { exact: "terror groups" }, select: { claimId: true, reviewStatus: true } });
    expect(terror).toEqual({ claimId: null, reviewStatus: "suggested" });
    // A fragment may join a claim the claim index links it to, but every draft has a statement among its quotes.
    for (const d of drafts) expect(d.quotes.some((q) => isClaimStatement(q)), d.canonical).toBe(true);
  });

  it("a new article's fragment joins an existing claim, and on its own founds none", async () => {
    const outlet = await createOutlet();
    const body =
      "Report criticised\n\nThe agency called the groups “affiliated” in its report, and said that the ministry “ignored repeated warnings about the flood defences,” according to the text.";
    const before = (await machineDrafts()).length;
    const { articleId } = await ingestArticle(prisma, { outletId: outlet.id, title: "Report criticised", byline: null, url: null, publishedAt: null, body, rawText: null, actorId });
    const quotes = await prisma.quote.findMany({ where: { articleId }, orderBy: { start: "asc" }, select: { exact: true, claimId: true } });
    expect(quotes.map((q) => q.exact)).toEqual(["affiliated", "ignored repeated warnings about the flood defences,"]);
    expect(quotes[0].claimId).toBeNull();
    expect(quotes[1].claimId).not.toBeNull();
    expect((await machineDrafts()).length).toBe(before + 1);
  });
});

describe(`rejecting a quote leaves no empty claim (${process.env.TEST_DB})`, () => {
  async function importStatement(sentence: string) {
    const outlet = await createOutlet();
    const body = `Headline here\n\nThe minister said “${sentence}” on Monday.`;
    const { articleId } = await ingestArticle(prisma, { outletId: outlet.id, title: "Headline here", byline: null, url: null, publishedAt: null, body, rawText: null, actorId: null });
    const quote = await prisma.quote.findFirstOrThrow({ where: { articleId }, select: { id: true, version: true, claimId: true } });
    expect(quote.claimId).not.toBeNull();
    return { ...quote, claimId: quote.claimId! };
  }

  it("rejecting a machine draft's last quote deletes the draft, with a history event; the quote stays rejected", async () => {
    const q = await importStatement("the harbour tunnel will open to traffic in the spring of next year");
    await reviewQuotes(actorId, { items: [{ id: q.id, version: q.version }], decision: "rejected" });
    expect(await prisma.claim.findUnique({ where: { id: q.claimId } })).toBeNull();
    expect(await prisma.quote.findUnique({ where: { id: q.id }, select: { reviewStatus: true, claimId: true } })).toEqual({ reviewStatus: "rejected", claimId: null });
    const events = await prisma.auditEvent.findMany({ where: { entityType: "claim", entityId: q.claimId }, select: { action: true, actorId: true } });
    expect(events.map((e) => e.action).sort()).toEqual(["create-from-analysis", "delete-empty-suggestion"]);
    expect(events.find((e) => e.action === "delete-empty-suggestion")?.actorId).toBe(actorId);
  });

  it("a draft with another live quote stays until that one goes too", async () => {
    const sentence = "the new bridge carried twelve thousand cars on its first day of service";
    const q1 = await importStatement(sentence);
    const q2 = await prisma.quote.create({
      data: { articleId: (await prisma.quote.findUniqueOrThrow({ where: { id: q1.id } })).articleId, exact: "Headline", start: 0, end: 8, claimId: q1.claimId, origin: "extracted", reviewStatus: "suggested" },
    });
    await reviewQuotes(actorId, { items: [{ id: q1.id, version: q1.version }], decision: "rejected" });
    expect(await prisma.claim.count({ where: { id: q1.claimId } })).toBe(1);
    await moveQuotes(actorId, { items: [{ id: q2.id, version: q2.version }], claimId: null });
    expect(await prisma.claim.count({ where: { id: q1.claimId } })).toBe(0);
  });

  it("never deletes an edited, a published or an editor's own claim", async () => {
    const edited = await importStatement("the old mill will be turned into forty flats for local families");
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: edited.claimId } });
    await editClaim(actorId, { id: claim.id, version: claim.version, canonical: "The old mill becomes forty flats.", summary: null, speakerId: claim.speakerId, sourceDocumentId: null, rebutsId: null });
    await reviewQuotes(actorId, { items: [{ id: edited.id, version: edited.version }], decision: "rejected" });
    expect(await prisma.claim.count({ where: { id: edited.claimId } })).toBe(1);

    const published = await importStatement("the council has cut the waiting list for school places by half this year");
    // Published as it stands (version 1): the status alone protects it.
    await prisma.claim.update({ where: { id: published.claimId }, data: { status: "published", publishedAt: new Date() } });
    await reviewQuotes(actorId, { items: [{ id: published.id, version: published.version }], decision: "rejected" });
    expect(await prisma.claim.findUnique({ where: { id: published.claimId }, select: { status: true } })).toEqual({ status: "published" });

    const own = await importStatement("the ferry service will run every hour from the first of May");
    const made = await createClaimFromQuote(actorId, { id: own.id, version: own.version, canonical: "The ferry runs hourly from May." });
    // Moving the quote to the editor's new claim emptied the machine draft: it went.
    expect(await prisma.claim.count({ where: { id: own.claimId } })).toBe(0);
    const moved = await prisma.quote.findUniqueOrThrow({ where: { id: own.id }, select: { version: true } });
    await reviewQuotes(actorId, { items: [{ id: own.id, version: moved.version }], decision: "rejected" });
    expect(await prisma.claim.count({ where: { id: made.claimId } })).toBe(1);
  });
});

// Draft claims the analysis leaves on the seed corpus once the seed's editorial decisions ran (51 when every quote founded one).
const EXPECTED_SEED_DRAFTS = 31;
