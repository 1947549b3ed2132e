import "server-only";
import { ActionError, NotFoundError } from "./errors";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import type { Touched } from "./public-cache/keys";
import { BudgetExceededError, runBudgeted } from "./budgeted";
import { ImportInputError, refuseOverBudget } from "./import-article";
import { uniqueSlug } from "./slug";
import { remeasureClaimQuotes } from "./stored-fidelity";
import {
  createSourceDocumentSchema,
  editSourceDocumentSchema,
  linkClaimSourceSchema,
  MAX_PDF_BYTES,
  MAX_SOURCE_CHARS,
  type EditSourceDocumentInput,
  type LinkClaimSourceInput,
  type SourceDocumentInput,
} from "./validation/source-document";
import { assertSelectionCurrent, bumpVersions, updateVersioned } from "./versioned-write";

/**
 * Primary sources (reports, statements, transcripts) as editors keep them, and
 * the fidelity of the quotes measured against them. A source's text is what
 * quotes are aligned with (lib/quote-fidelity.ts); a claim names its source and
 * the passage stating it (offsets into that text). Adding or correcting a source,
 * or linking a claim to a passage, measures the affected quotes again.
 */

export interface SourceText {
  text: string;
  format: "text" | "html" | "pdf";
  /** Where each page starts in `text` (a PDF's pages), for "p. 12" citations. */
  pageStarts: number[];
}

/**
 * The stored text of an entered source: pasted text as it is, HTML reduced to text, a PDF's
 * text with its pages (lib/pdf-to-text.ts). HTML and PDF are read in a worker thread with
 * the imports' budgets (lib/budgeted.ts), never on the request thread.
 * @throws ActionError "invalid" for a file that cannot be read or is over a budget (recorded as a security event).
 */
export async function readSourceText(format: "text" | "html" | "pdf", content: string): Promise<SourceText> {
  try {
    return await refuseOverBudget(() => readSourceTextOffThread(format, content), { format, chars: content.length, what: "source document" });
  } catch (error) {
    if (error instanceof ImportInputError) throw new ActionError(error.message, "invalid", { content: [error.message] });
    throw error;
  }
}

async function readSourceTextOffThread(format: "text" | "html" | "pdf", content: string): Promise<SourceText> {
  if (format === "pdf") {
    const bytes = Buffer.from(content, "base64");
    if (bytes.length > MAX_PDF_BYTES) throw new ActionError("That PDF is too large.", "invalid", { content: ["That PDF is too large."] });
    const unreadable = (message: string) => new ActionError(message, "invalid", { content: [message] });
    if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw unreadable("That file is not a PDF.");
    let pdf;
    try {
      pdf = await runBudgeted("pdfToText", { bytes: new Uint8Array(bytes) });
    } catch (error) {
      if (error instanceof BudgetExceededError) throw error;
      throw unreadable("That PDF could not be read: it may be damaged or password-protected.");
    }
    if (!pdf.text.trim()) throw unreadable("That PDF has no text layer (it may be a scan). Upload a PDF with text, or paste the text.");
    return { text: pdf.text, format, pageStarts: pdf.pages.map((p) => p.start) };
  }
  const text = format === "html" ? (await runBudgeted("htmlToArticle", { html: content, url: null })).text : content.replace(/\r\n?/g, "\n");
  if (!text.trim()) throw new ActionError("The source has no text.", "invalid", { content: ["The source has no text."] });
  if (text.length > MAX_SOURCE_CHARS) throw new ActionError("The source's text is too long.", "invalid", { content: ["The source's text is too long."] });
  return { text, format, pageStarts: [] };
}

const auditSelect = { id: true, title: true, slug: true, speakerId: true, publishedAt: true, url: true, format: true, fileName: true, version: true } as const;

export function listSourceDocumentsForEditor() {
  return prisma.sourceDocument.findMany({
    orderBy: [{ publishedAt: "desc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      publishedAt: true,
      format: true,
      pageStarts: true,
      speaker: { select: { name: true } },
      _count: { select: { claims: true } },
    },
  });
}

export function getSourceDocumentForEditor(id: string) {
  return prisma.sourceDocument.findUnique({
    where: { id },
    select: {
      ...auditSelect,
      text: true,
      pageStarts: true,
      updatedAt: true,
      speaker: { select: { id: true, name: true } },
      claims: { orderBy: { canonical: "asc" }, select: { id: true, canonical: true, status: true, sourceStart: true, sourceEnd: true } },
    },
  });
}

async function freeSlug(tx: Tx, title: string, id?: string) {
  return uniqueSlug(title, async (s) => Boolean(await tx.sourceDocument.findFirst({ where: { slug: s, ...(id ? { id: { not: id } } : {}) }, select: { id: true } })));
}

const date = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

export async function createSourceDocument(actorId: string, raw: SourceDocumentInput) {
  const input = createSourceDocumentSchema.parse(raw);
  const source = await readSourceText(input.format, input.content);
  return prisma.$transaction(async (tx) => {
    const created = await tx.sourceDocument.create({
      data: {
        slug: await freeSlug(tx, input.title),
        title: input.title,
        speakerId: input.speakerId,
        publishedAt: date(input.publishedAt),
        url: input.url,
        text: source.text,
        format: source.format,
        fileName: input.fileName,
        pageStarts: source.pageStarts,
      },
      select: auditSelect,
    });
    await recordAudit(tx, { actorId, entityType: "source", entityId: created.id, action: "create", after: { ...created, characters: source.text.length, pages: source.pageStarts.length } });
    return { id: created.id, claims: [] as string[] } satisfies Touched & { id: string };
  });
}

/** Where a passage went in a corrected text: the same words nearest the old place, or null (the editor links it again). */
function relocate(oldText: string, newText: string, start: number | null, end: number | null): { start: number; end: number } | null {
  if (start === null || end === null || end <= start || end > oldText.length) return null;
  const passage = oldText.slice(start, end);
  let best = -1;
  for (let at = newText.indexOf(passage); at >= 0; at = newText.indexOf(passage, at + 1)) {
    if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best < 0 ? null : { start: best, end: best + passage.length };
}

/**
 * Edits a source's details, and its text unless `keepText`. A corrected text
 * moves each linked claim's passage to where its words now are (or clears it
 * when they are gone) and measures the claims' quotes again.
 */
export async function editSourceDocument(actorId: string, raw: EditSourceDocumentInput) {
  const input = editSourceDocumentSchema.parse(raw);
  const source = input.keepText ? null : await readSourceText(input.format, input.content);
  return prisma.$transaction(async (tx) => {
    const before = await tx.sourceDocument.findUnique({ where: { id: input.id }, select: { ...auditSelect, text: true } });
    if (!before) throw new NotFoundError("source document");
    await updateVersioned(tx, "sourceDocument", {
      where: { id: input.id },
      version: input.version,
      // Recorded below, with what the text correction moved.
      audit: null,
      data: {
        title: input.title,
        slug: input.title === before.title ? undefined : await freeSlug(tx, input.title, input.id),
        speakerId: input.speakerId,
        publishedAt: date(input.publishedAt),
        url: input.url,
        ...(source ? { text: source.text, format: source.format, fileName: input.fileName, pageStarts: source.pageStarts } : {}),
      },
    });
    const claims = await tx.claim.findMany({ where: { sourceDocumentId: input.id }, select: { id: true, slug: true, sourceStart: true, sourceEnd: true } });
    let remeasured = 0;
    let passagesLost = 0;
    const textChanged = source !== null && source.text !== before.text;
    if (textChanged) {
      for (const c of claims) {
        const moved = relocate(before.text ?? "", source.text, c.sourceStart, c.sourceEnd);
        if (!moved && c.sourceStart !== null) passagesLost++;
        await tx.claim.update({ where: { id: c.id }, data: { sourceStart: moved?.start ?? null, sourceEnd: moved?.end ?? null } });
      }
      remeasured = await remeasureClaimQuotes(tx, claims.map((c) => c.id));
    }
    const { text: _oldText, ...beforeFields } = before;
    void _oldText;
    const after = await tx.sourceDocument.findUniqueOrThrow({ where: { id: input.id }, select: auditSelect });
    await recordAudit(tx, {
      actorId,
      entityType: "source",
      entityId: input.id,
      action: textChanged ? "correct-text" : "edit",
      before: beforeFields,
      after: { ...after, ...(textChanged ? { characters: source.text.length, pages: source.pageStarts.length, quotesReclassified: remeasured, passagesLost } : {}) },
    });
    return { version: after.version, passagesLost, claims: claims.map((c) => c.slug) } satisfies Touched & { version: number; passagesLost: number };
  });
}

/**
 * Links a claim to the passage an editor selected in a source (the sentence
 * that states it), and measures its quotes against that source. The selection
 * must still be the source's text at those offsets.
 */
export async function linkClaimToSource(actorId: string, raw: LinkClaimSourceInput) {
  const input = linkClaimSourceSchema.parse(raw);
  return prisma.$transaction(async (tx) => {
    const source = await tx.sourceDocument.findUnique({ where: { id: input.sourceDocumentId }, select: { id: true, version: true, text: true } });
    if (!source) throw new NotFoundError("source document");
    assertSelectionCurrent(
      source.version === input.sourceVersion && source.text?.slice(input.start, input.end) === input.exact,
      "The source's text changed since you opened it, so the selection no longer matches. Reload and select the sentence again.",
    );
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true, slug: true, sourceDocumentId: true, sourceStart: true, sourceEnd: true } });
    if (!claim) throw new NotFoundError("claim");
    await bumpVersions(tx, "claim", { id: claim.id }, { sourceDocumentId: source.id, sourceStart: input.start, sourceEnd: input.end });
    const reclassified = await remeasureClaimQuotes(tx, [claim.id]);
    await recordAudit(tx, {
      actorId,
      entityType: "claim",
      entityId: claim.id,
      action: "link-source",
      before: { sourceDocumentId: claim.sourceDocumentId, sourceStart: claim.sourceStart, sourceEnd: claim.sourceEnd },
      after: { sourceDocumentId: source.id, sourceStart: input.start, sourceEnd: input.end, passage: input.exact, quotesReclassified: reclassified },
    });
    return { claims: [claim.slug] } satisfies Touched;
  });
}
