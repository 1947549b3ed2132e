import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { BudgetExceededError, runBudgeted } from "./budgeted";
import { contentHash } from "./content-hash";
import type { CaptureData } from "./fetch-article";
import { ingestArticle, ingestArticles, type IngestInput, type IngestResult } from "./ingest";
import { uniqueRecordSlug } from "./record-addresses";
import { recordSecurityEvent } from "./security-events";
import { MAX_ARTICLE_CHARS, type ImportArticleData } from "./validation/import";

export interface ImportOutcome extends IngestResult {
  title: string;
  /**
   * Set when the URL was already imported and its text has changed since: the
   * new text, and the stored article's version to correct it from.
   */
  correction: { version: number; body: string } | null;
}

/** Finds an outlet by name (case-insensitive) or creates it. */
export async function findOrCreateOutlet(prisma: PrismaClient, name: string): Promise<string> {
  const existing = await prisma.outlet.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true } });
  if (existing) return existing.id;
  const slug = await uniqueRecordSlug(prisma, "outlet", name);
  try {
    return (await prisma.outlet.create({ data: { name, slug }, select: { id: true } })).id;
  } catch {
    // Another import created it at the same moment.
    const row = await prisma.outlet.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true } });
    if (!row) throw new Error(`could not create outlet ${name}`);
    return row.id;
  }
}

export class ImportInputError extends Error {}

/**
 * Runs an import whose parsing and analysis run in a worker with time, memory,
 * size and depth budgets (lib/budgeted.ts). An input over a budget rejects with
 * ImportInputError (the budget's message for the editor; nothing was stored)
 * and is recorded as a security event; other errors pass through.
 */
export async function refuseOverBudget<T>(work: () => Promise<T>, detail: Record<string, unknown>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof BudgetExceededError)) throw error;
    await recordSecurityEvent({
      kind: "budget-exceeded",
      message: `An import was stopped: ${error.message}`,
      detail: { ...error.detail, ...detail, budget: error.kind },
    });
    throw new ImportInputError(`${error.message} Nothing was saved.`);
  }
}

/**
 * Text or HTML as received → the stored snapshot → ingest. The headline is
 * always the snapshot's first line: a given title that differs from the text's
 * first line is put in front of it. HTML parsing, pasted-text cleaning and the
 * analysis run off the request thread, within budgets (refuseOverBudget). A new
 * outlet is created only once the article is analysed.
 */
export async function importArticle(prisma: PrismaClient, input: ImportArticleData, actorId: string | null): Promise<ImportOutcome> {
  return refuseOverBudget(async () => ingestPrepared(prisma, await prepareArticle(prisma, input, actorId, new Map())), budgetDetail(input, actorId));
}

function budgetDetail(input: ImportArticleData, actorId: string | null) {
  return { actorId, format: input.format, chars: input.content.length };
}

/**
 * importArticle for many articles (a bulk import's batch), with the same
 * outcome for each: analysed at once and written in few transactions
 * (lib/ingest.ts ingestArticles); an article whose transaction failed is
 * stored again on its own, so that one bad article fails alone. Returns, in order, each article's outcome or the error
 * its import threw (an ImportInputError for input that will never import).
 * The batch's new outlets are created before its transaction (a batch whose
 * every article is refused by its analysis budget leaves its new outlet).
 */
export async function importArticles(prisma: PrismaClient, inputs: ImportArticleData[], actorId: string | null): Promise<(ImportOutcome | Error)[]> {
  const outlets = new Map<string, () => Promise<string>>();
  const prepared: (Prepared | Error)[] = [];
  for (const input of inputs) prepared.push(await refuseOverBudget(() => prepareArticle(prisma, input, actorId, outlets), budgetDetail(input, actorId)).catch(asError));
  // A URL given twice in the batch: the second is imported after the first is stored (it is then a duplicate or a correction).
  const urls = new Set<string>();
  const later: number[] = [];
  const ready = prepared.flatMap((p, i) => {
    if (p instanceof Error || "done" in p) return [];
    const url = p.ingest.url ? sameUrlKey(p.ingest.url) : null;
    if (url && urls.has(url)) return (later.push(i), []);
    if (url) urls.add(url);
    return [i];
  });
  const outcomes: (ImportOutcome | Error)[] = prepared.map((p) => (p instanceof Error ? p : "done" in p ? p.done : new Error("not stored")));
  const stored = await ingestArticles(prisma, ready.map((i) => (prepared[i] as ToIngest).ingest)).catch(asError);
  for (const [k, i] of ready.entries()) {
    const p = prepared[i] as ToIngest;
    const result = stored instanceof Error ? stored : stored[k];
    // Refused by a budget: the editor's message and the security event. Failed with its
    // transaction's other articles: on its own, so that one bad article fails alone.
    outcomes[i] =
      result instanceof BudgetExceededError
        ? await refuseOverBudget(() => Promise.reject(result), budgetDetail(inputs[i], actorId)).catch(asError)
        : result instanceof Error
          ? await refuseOverBudget(() => ingestPrepared(prisma, p), budgetDetail(inputs[i], actorId)).catch(asError)
          : await finishImport(prisma, p, result).catch(asError);
  }
  for (const i of later) outcomes[i] = await importArticle(prisma, inputs[i], actorId).catch(asError);
  return outcomes;
}

/** What urlVariants considers the same page: no fragment, no trailing slash. */
function sameUrlKey(raw: string): string {
  return urlVariants(raw).reduce((a, b) => (b.length < a.length ? b : a));
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** An import ready to be ingested, or one already settled (the URL was imported before with other text). */
type ToIngest = { ingest: IngestInput; title: string };
type Prepared = { done: ImportOutcome } | ToIngest;

async function ingestPrepared(prisma: PrismaClient, p: Prepared): Promise<ImportOutcome> {
  return "done" in p ? p.done : finishImport(prisma, p, await ingestArticle(prisma, p.ingest));
}

async function finishImport(prisma: PrismaClient, p: ToIngest, result: IngestResult): Promise<ImportOutcome> {
  return { ...result, title: result.created ? p.title : (await prisma.article.findUniqueOrThrow({ where: { id: result.articleId }, select: { title: true } })).title, correction: null };
}

/** The text from the HTML or the paste, the outlet (`outlets`: found or created once per lower-cased name in a batch), then prepareText. */
async function prepareArticle(prisma: PrismaClient, input: ImportArticleData, actorId: string | null, outlets: Map<string, () => Promise<string>>): Promise<Prepared> {
  let text: string;
  let title = input.title;
  let byline = input.byline;
  let publishedAt = input.publishedAt ? new Date(input.publishedAt) : null;
  let rawText: string | null = input.content;
  let pageStarts: number[] = [];
  if (input.format === "pdf") {
    const pdf = await readPdfArticle(new Uint8Array(Buffer.from(input.content, "base64")));
    text = pdf.text;
    pageStarts = pdf.pageStarts;
    title ??= pdf.title;
    byline ??= pdf.author;
    rawText = null; // the file is not text; its text is the article's
  } else if (input.format === "html") {
    const extracted = await runBudgeted("htmlToArticle", { html: input.content, url: input.url ?? null });
    text = extracted.text;
    title ??= extracted.title;
    byline ??= extracted.byline;
    if (!publishedAt && extracted.publishedAt) {
      const parsed = new Date(extracted.publishedAt);
      if (!Number.isNaN(parsed.getTime())) publishedAt = parsed;
    }
  } else if (input.stripBoilerplate) {
    // The same cleaner the import page previews: unwrap, then page furniture.
    text = (await runBudgeted("cleanPastedText", { text: input.content, options: { removeFurniture: true, headlineFirst: !input.title } })).text;
  } else {
    text = input.content.replace(/\r\n?/g, "\n");
  }

  let outletId: ImportedText["outletId"];
  if (input.outletId) {
    const outlet = await prisma.outlet.findUnique({ where: { id: input.outletId }, select: { id: true } });
    if (!outlet) throw new ImportInputError("That outlet no longer exists. Choose another or name a new one.");
    outletId = outlet.id;
  } else {
    const name = input.newOutletName!;
    let found: Promise<string> | null = null;
    const once = outlets.get(name.toLowerCase()) ?? (() => (found ??= findOrCreateOutlet(prisma, name)));
    outlets.set(name.toLowerCase(), once);
    outletId = once;
  }
  return prepareText(prisma, { outletId, title, byline, url: input.url, publishedAt, text, pageStarts, rawText, language: null, capture: null }, actorId);
}

/**
 * A PDF article's text in reading order, the offset where each of its pages begins, and its title
 * and author from the file's metadata (lib/pdf-to-text.ts, in a worker thread within the budgets).
 * NUL characters, which a PDF's broken font maps can give and PostgreSQL cannot store, are dropped.
 * @throws ImportInputError for a damaged or encrypted file, or one with no text layer (a scan);
 *   BudgetExceededError over a budget.
 */
export async function readPdfArticle(bytes: Uint8Array): Promise<{ text: string; pageStarts: number[]; title: string | null; author: string | null }> {
  let pdf;
  try {
    pdf = await runBudgeted("pdfToText", { bytes });
  } catch (error) {
    if (error instanceof BudgetExceededError) throw error;
    throw new ImportInputError("That PDF could not be read (it may be damaged or encrypted).");
  }
  // Dropped NULs shift the offsets after them: each page start moves back by those before it.
  const nuls: number[] = [];
  for (let i = pdf.text.indexOf("\u0000"); i >= 0; i = pdf.text.indexOf("\u0000", i + 1)) nuls.push(i);
  const text = nuls.length ? pdf.text.replaceAll("\u0000", "") : pdf.text;
  if (!text.trim()) throw new ImportInputError("That PDF has no text (it may be scanned images).");
  const pageStarts = pdf.pages.map((p) => p.start - nuls.filter((at) => at < p.start).length);
  return { text, pageStarts, title: pdf.title, author: pdf.author };
}

export interface ImportedText {
  /** The outlet, or a function that finds or creates it once the article is analysed (lib/ingest.ts). */
  outletId: string | (() => Promise<string>);
  /** The headline; null: the text's first line. */
  title: string | null;
  byline: string | null;
  url: string | null;
  publishedAt: Date | null;
  /** The article text, headline first or not. */
  text: string;
  /** For a PDF: the offset in `text` where each page begins (page 1 first). */
  pageStarts?: number[];
  /** What was received (pasted text or page HTML), kept for re-extraction. */
  rawText: string | null;
  language: string | null;
  /** The fetched page, for an import by URL. */
  capture: CaptureData | null;
}

/**
 * The stored snapshot of an imported text → ingest (one transaction). The
 * headline is always the snapshot's first line: a given title that differs
 * from the text's first line is put in front of it. When the URL is already
 * an article's with different text, nothing is created: the new text comes
 * back as `correction`, to be offered to the editor as a text correction.
 */
export async function storeImportedText(prisma: PrismaClient, input: ImportedText, actorId: string | null): Promise<ImportOutcome> {
  return ingestPrepared(prisma, await prepareText(prisma, input, actorId));
}

async function prepareText(prisma: PrismaClient, input: ImportedText, actorId: string | null): Promise<Prepared> {
  let text = input.text.trim();
  if (!text) throw new ImportInputError("No article text was found in what you gave.");
  // Page starts follow the text: back by the whitespace trimmed before it, on by a headline put in front.
  let shift = -(input.text.length - input.text.trimStart().length);
  const firstLine = text.split("\n", 1)[0].trim();
  let title = input.title;
  if (!title) title = firstLine;
  else if (firstLine !== title) {
    text = `${title}\n\n${text}`;
    shift += title.length + 2;
  }
  const pageStarts = (input.pageStarts ?? []).map((start) => Math.min(text.length, Math.max(0, start + shift)));
  if (title.length > 300) title = `${title.slice(0, 297)}…`;
  if (text.length > MAX_ARTICLE_CHARS) throw new ImportInputError(`The article text is too long (at most ${MAX_ARTICLE_CHARS.toLocaleString("en")} characters).`);

  const sameUrl = input.url ? await findArticleByUrl(prisma, input.url) : null;
  if (sameUrl && sameUrl.contentHash !== contentHash(text)) {
    if (input.capture) await prisma.articleCapture.create({ data: { articleId: sameUrl.id, ...input.capture } });
    return {
      done: {
        created: false,
        articleId: sameUrl.id,
        slug: sameUrl.slug,
        quotes: sameUrl.quotes,
        title: sameUrl.title,
        correction: { version: sameUrl.version, body: text },
      },
    };
  }

  // The slug is the title's, made unique in the writing transaction (lib/ingest-write.ts uniqueSlugs).
  const ingest: IngestInput = {
    outletId: input.outletId,
    title,
    byline: input.byline,
    url: input.url,
    publishedAt: input.publishedAt,
    body: text,
    pageStarts,
    rawText: input.rawText,
    language: input.language,
    capture: input.capture,
    actorId,
  };
  return { ingest, title };
}

/** URL variants that name the same page: with and without the trailing slash, without the fragment. */
function urlVariants(raw: string): string[] {
  try {
    const url = new URL(raw);
    url.hash = "";
    const href = url.href;
    return [...new Set([raw, href, href.endsWith("/") ? href.slice(0, -1) : `${href}/`])];
  } catch {
    return [raw];
  }
}

async function findArticleByUrl(prisma: PrismaClient, url: string) {
  const article = await prisma.article.findFirst({
    where: { url: { in: urlVariants(url) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, title: true, version: true, contentHash: true },
  });
  // Its own quotes, counted on their own: a relation `_count` would count every article's (lib/quote-counts.ts).
  return article && { ...article, quotes: await prisma.quote.count({ where: { articleId: article.id } }) };
}
