import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { contentHash } from "./content-hash";
import type { CaptureData } from "./fetch-article";
import { htmlToArticle } from "./html-to-text";
import { ingestArticle, type IngestResult } from "./ingest";
import { cleanPastedText } from "./paste-cleaner";
import { uniqueSlug } from "./slug";
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
  const slug = await uniqueSlug(name, async (s) => Boolean(await prisma.outlet.findUnique({ where: { slug: s }, select: { id: true } })));
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
 * Text or HTML as received → the stored snapshot → ingest. The headline is
 * always the snapshot's first line: a given title that differs from the text's
 * first line is put in front of it.
 */
export async function importArticle(
  prisma: PrismaClient,
  input: ImportArticleData,
  actorId: string | null,
): Promise<ImportOutcome> {
  let outletId = input.outletId;
  if (outletId) {
    const outlet = await prisma.outlet.findUnique({ where: { id: outletId }, select: { id: true } });
    if (!outlet) throw new ImportInputError("That outlet no longer exists. Choose another or name a new one.");
  } else {
    outletId = await findOrCreateOutlet(prisma, input.newOutletName!);
  }

  let text: string;
  let title = input.title;
  let byline = input.byline;
  let publishedAt = input.publishedAt ? new Date(input.publishedAt) : null;
  if (input.format === "html") {
    const extracted = htmlToArticle(input.content, input.url);
    text = extracted.text;
    title ??= extracted.title;
    byline ??= extracted.byline;
    if (!publishedAt && extracted.publishedAt) {
      const parsed = new Date(extracted.publishedAt);
      if (!Number.isNaN(parsed.getTime())) publishedAt = parsed;
    }
  } else {
    // The same cleaner the import page previews: unwrap, then page furniture.
    text = input.stripBoilerplate ? cleanPastedText(input.content, { removeFurniture: true, headlineFirst: !input.title }).text : input.content.replace(/\r\n?/g, "\n");
  }
  return storeImportedText(prisma, { outletId, title, byline, url: input.url, publishedAt, text, rawText: input.content, language: null, capture: null }, actorId);
}

export interface ImportedText {
  outletId: string;
  /** The headline; null: the text's first line. */
  title: string | null;
  byline: string | null;
  url: string | null;
  publishedAt: Date | null;
  /** The article text, headline first or not. */
  text: string;
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
  let text = input.text.trim();
  if (!text) throw new ImportInputError("No article text was found in what you gave.");
  const firstLine = text.split("\n", 1)[0].trim();
  let title = input.title;
  if (!title) title = firstLine;
  else if (firstLine !== title) text = `${title}\n\n${text}`;
  if (title.length > 300) title = `${title.slice(0, 297)}…`;
  if (text.length > MAX_ARTICLE_CHARS) throw new ImportInputError(`The article text is too long (at most ${MAX_ARTICLE_CHARS.toLocaleString("en")} characters).`);

  const sameUrl = input.url ? await findArticleByUrl(prisma, input.url) : null;
  if (sameUrl && sameUrl.contentHash !== contentHash(text)) {
    if (input.capture) await prisma.articleCapture.create({ data: { articleId: sameUrl.id, ...input.capture } });
    return {
      created: false,
      articleId: sameUrl.id,
      slug: sameUrl.slug,
      quotes: sameUrl._count.quotes,
      title: sameUrl.title,
      correction: { version: sameUrl.version, body: text },
    };
  }

  const slug = await uniqueSlug(title, async (s) => Boolean(await prisma.article.findUnique({ where: { slug: s }, select: { id: true } })));
  const result = await ingestArticle(prisma, {
    outletId: input.outletId,
    slug,
    title,
    byline: input.byline,
    url: input.url,
    publishedAt: input.publishedAt,
    body: text,
    rawText: input.rawText,
    language: input.language,
    capture: input.capture,
    actorId,
  });
  return { ...result, title: result.created ? title : (await prisma.article.findUniqueOrThrow({ where: { id: result.articleId }, select: { title: true } })).title, correction: null };
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
  return prisma.article.findFirst({
    where: { url: { in: urlVariants(url) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, title: true, version: true, contentHash: true, _count: { select: { quotes: true } } },
  });
}
