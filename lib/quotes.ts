import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { describeSpan, textAnchorSelect } from "./anchoring/selectors";
import { paragraphIndexAt, paragraphRanges } from "./anchoring/segments";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import type { Touched } from "./public-cache/keys";
import { ActionError, NotFoundError } from "./errors";
import { deleteEmptyMachineDrafts } from "./machine-drafts";
import { claimSlug } from "./slug";
import { remeasureQuotes } from "./stored-fidelity";
import { uniqueRecordSlug } from "./record-addresses";
import type {
  BulkMoveQuotesInput,
  CreateQuoteInput,
  QuoteToNewClaimInput,
  ReviewQuotesInput,
  UpdateQuoteInput,
} from "./validation/quote";
import { anchorSelection, assertVersion, updateVersioned } from "./versioned-write";

/** The fields of a quote an audit event records (before → after). */
const auditSelect = {
  id: true,
  exact: true,
  start: true,
  end: true,
  speakerId: true,
  claimId: true,
  reviewStatus: true,
  anchorStatus: true,
  version: true,
} satisfies Prisma.QuoteSelect;

/** What an editor reviews of a quote (its quote page and the review queue): what the attribution made of it, where it stands, its version. */
export const quoteReviewSelect = {
  kind: true,
  cue: true,
  origin: true,
  reviewStatus: true,
  anchorStatus: true,
  matchScore: true,
  fidelity: true,
  inHeadline: true,
  version: true,
} satisfies Prisma.QuoteSelect;

export function getQuoteForEditor(id: string) {
  return prisma.quote.findUnique({
    where: { id },
    select: {
      id: true,
      ...textAnchorSelect,
      ...quoteReviewSelect,
      verb: true,
      hedges: true,
      createdAt: true,
      updatedAt: true,
      speakerId: true,
      claimId: true,
      article: { select: { id: true, title: true, slug: true, body: true, outlet: { select: { id: true, name: true } } } },
      speaker: { select: { id: true, name: true } },
      claim: { select: { id: true, slug: true, canonical: true, status: true } },
      tags: { select: { tag: { select: { id: true, name: true, colour: true, kind: true } } } },
    },
  });
}

function paragraphIndexOf(body: string, offset: number): number | null {
  return paragraphIndexAt(paragraphRanges(body), offset);
}

async function claimSlugs(tx: Tx, ids: (string | null | undefined)[]): Promise<string[]> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return [];
  const rows = await tx.claim.findMany({ where: { id: { in: wanted } }, select: { slug: true } });
  return rows.map((r) => r.slug);
}

async function assertClaimExists(tx: Tx, claimId: string | null) {
  if (claimId && !(await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw new NotFoundError("claim");
}

async function assertSpeakerExists(tx: Tx, speakerId: string | null) {
  if (speakerId && !(await tx.speaker.findUnique({ where: { id: speakerId }, select: { id: true } }))) throw new NotFoundError("speaker");
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Confirms, rejects or re-suggests quotes. All or nothing: if any quote was
 * changed by someone else since the editor loaded it, no quote is changed.
 * Rejecting the last live quote of a draft the analysis made deletes that
 * empty draft (lib/machine-drafts.ts); an editor's or published claim stays.
 */
export async function reviewQuotes(actorId: string, input: ReviewQuotesInput): Promise<Touched & { count: number }> {
  return prisma.$transaction(async (tx) => {
    const ids = input.items.map((i) => i.id);
    const before = await tx.quote.findMany({ where: { id: { in: ids } }, select: { ...auditSelect, article: { select: { slug: true } } } });
    const byId = new Map(before.map((q) => [q.id, q]));
    for (const item of input.items) {
      const row = byId.get(item.id);
      if (!row) throw new NotFoundError("quote");
      await updateVersioned(tx, "quote", {
        where: { id: item.id },
        version: item.version,
        data: { reviewStatus: input.decision },
        conflict:
          input.items.length > 1
            ? "One of the selected quotes was changed by someone else since you loaded the queue. Nothing was saved: reload the queue and try again."
            : undefined,
        audit: {
          actorId,
          entityType: "quote",
          entityId: item.id,
          action: input.decision === "suggested" ? "reopen" : input.decision === "confirmed" ? "confirm" : "reject",
          before: { reviewStatus: row.reviewStatus },
          after: { reviewStatus: input.decision },
        },
      });
    }
    const claims = await claimSlugs(tx, before.map((q) => q.claimId));
    if (input.decision === "rejected") await deleteEmptyMachineDrafts(tx, actorId, before.map((q) => q.claimId));
    return { count: input.items.length, claims, articles: [...new Set(before.map((q) => q.article.slug))] };
  });
}

/**
 * An editor's quote from a selection. The selection's offsets were computed on
 * the page the editor loaded: if the article text changed since, the text at
 * those offsets must still be what they selected, else nothing is stored.
 */
export async function createEditorQuote(actorId: string, input: CreateQuoteInput) {
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: input.articleId }, select: { id: true, slug: true, body: true, version: true } });
    if (!article) throw new NotFoundError("article");
    const anchor = anchorSelection(article.body, input);
    await assertClaimExists(tx, input.claimId);
    await assertSpeakerExists(tx, input.speakerId);
    let quote;
    try {
      quote = await tx.quote.create({
        data: {
          articleId: article.id,
          ...anchor,
          origin: "editor",
          reviewStatus: "confirmed",
          claimId: input.claimId,
          speakerId: input.speakerId,
          paragraphIndex: paragraphIndexOf(article.body, anchor.start),
        },
        select: auditSelect,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ActionError("That exact span is already a quote. Open it from the side panel instead.", "invalid");
      throw error;
    }
    await recordAudit(tx, { actorId, entityType: "quote", entityId: quote.id, action: "create", after: quote });
    return { id: quote.id, claims: await claimSlugs(tx, [input.claimId]), articles: [article.slug] } satisfies Touched & { id: string };
  });
}

/** Adjusts a quote's span, speaker, claim or review status. */
export async function updateQuote(actorId: string, input: UpdateQuoteInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.quote.findUnique({ where: { id: input.id }, select: { ...auditSelect, article: { select: { body: true, slug: true } } } });
    if (!before) throw new NotFoundError("quote");
    assertVersion(before, input.version);
    const spanChanged = before.start !== input.start || before.end !== input.end;
    const anchor = spanChanged ? describeSpan(before.article.body, input.start, input.end) : null;
    if (spanChanged && !anchor) throw new ActionError("That span is empty or outside the article.", "invalid", { start: ["Choose a span inside the article."] });
    await assertClaimExists(tx, input.claimId);
    await assertSpeakerExists(tx, input.speakerId);
    const claimChanged = before.claimId !== input.claimId;
    const { article, ...beforeFields } = before;
    let after;
    try {
      after = await updateVersioned(tx, "quote", {
        where: { id: input.id },
        version: input.version,
        data: {
          ...(anchor
            ? { ...anchor, anchorStatus: "anchored" as const, paragraphIndex: paragraphIndexOf(before.article.body, anchor.start) }
            : {}),
          speakerId: input.speakerId,
          claimId: input.claimId,
          // An editor's link is not a machine guess: no match score.
          ...(claimChanged ? { matchScore: null } : {}),
          reviewStatus: input.reviewStatus,
        },
        audit: { actorId, entityType: "quote", entityId: input.id, action: "update", before: beforeFields, after: () => tx.quote.findUniqueOrThrow({ where: { id: input.id }, select: auditSelect }) },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ActionError("Another quote already has exactly that span.", "invalid", { start: ["Another quote already has exactly that span."] });
      throw error;
    }
    // Another span or another claim (so another source): its stored fidelity is measured again.
    if (spanChanged || claimChanged) await remeasureQuotes(tx, { id: input.id });
    const claims = await claimSlugs(tx, [before.claimId, input.claimId]);
    if (claimChanged || input.reviewStatus === "rejected") await deleteEmptyMachineDrafts(tx, actorId, [before.claimId]);
    return { version: after.version, claims, articles: [article.slug] } satisfies Touched & { version: number };
  });
}

type AuditRow = Prisma.QuoteGetPayload<{ select: typeof auditSelect }>;

/** Moves one quote (as the editor loaded it: `version`) to a claim or to none, and confirms it: the editor decided. */
function moveQuote(tx: Tx, actorId: string, quote: Pick<AuditRow, "id" | "claimId" | "reviewStatus">, version: number, claimId: string | null, conflict?: string) {
  return updateVersioned(tx, "quote", {
    where: { id: quote.id },
    version,
    data: { claimId, matchScore: null, reviewStatus: "confirmed" },
    conflict,
    audit: {
      actorId,
      entityType: "quote",
      entityId: quote.id,
      action: "move",
      before: { claimId: quote.claimId, reviewStatus: quote.reviewStatus },
      after: { claimId, reviewStatus: "confirmed" },
    },
  });
}

/** Moves quotes to a claim (or to none), confirming them: the editor decided. */
export async function moveQuotes(actorId: string, input: BulkMoveQuotesInput): Promise<Touched & { count: number }> {
  return prisma.$transaction((tx) => moveQuotesIn(tx, actorId, input));
}

/** moveQuotes in the caller's transaction (an alert confirmed moves its quotes and closes in one). */
export async function moveQuotesIn(tx: Tx, actorId: string, input: BulkMoveQuotesInput): Promise<Touched & { count: number }> {
  await assertClaimExists(tx, input.claimId);
  const before = await tx.quote.findMany({ where: { id: { in: input.items.map((i) => i.id) } }, select: { ...auditSelect, article: { select: { slug: true } } } });
  for (const item of input.items) {
    const row = before.find((q) => q.id === item.id);
    if (!row) throw new NotFoundError("quote");
    await moveQuote(tx, actorId, row, item.version, input.claimId, "A selected quote was changed by someone else since you loaded the page. Nothing was saved: reload and try again.");
  }
  // Measured now against the source of the claim they joined (none: unchecked).
  await remeasureQuotes(tx, { id: { in: input.items.map((i) => i.id) } });
  const claims = await claimSlugs(tx, [...before.map((q) => q.claimId), input.claimId]);
  await deleteEmptyMachineDrafts(tx, actorId, before.map((q) => q.claimId).filter((id) => id !== input.claimId));
  return { count: input.items.length, claims, articles: [...new Set(before.map((q) => q.article.slug))] };
}

/** Starts a new draft claim from a quote: its words, its speaker. */
export async function createClaimFromQuote(actorId: string, input: QuoteToNewClaimInput) {
  return prisma.$transaction(async (tx) => {
    const quote = await tx.quote.findUnique({ where: { id: input.id }, select: { ...auditSelect, article: { select: { slug: true } } } });
    if (!quote) throw new NotFoundError("quote");
    const slug = await uniqueRecordSlug(tx, "claim", claimSlug(input.canonical));
    const claim = await tx.claim.create({
      data: { slug, canonical: input.canonical, speakerId: quote.speakerId, status: "draft" },
      select: { id: true, slug: true, canonical: true, speakerId: true, status: true },
    });
    await recordAudit(tx, { actorId, entityType: "claim", entityId: claim.id, action: "create", after: { ...claim, fromQuoteId: quote.id } });
    await moveQuote(tx, actorId, quote, input.version, claim.id);
    // The new claim has no source yet: the quote is unchecked until it gets one.
    await remeasureQuotes(tx, { id: quote.id });
    const claims = await claimSlugs(tx, [quote.claimId, claim.id]);
    await deleteEmptyMachineDrafts(tx, actorId, [quote.claimId]);
    return { claimId: claim.id, claims, articles: [quote.article.slug] };
  });
}

export function listSpeakerOptions() {
  return prisma.speaker.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
