import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { htmlToArticle } from "./html-to-text";
import { ingestArticle, type IngestResult } from "./ingest";
import { cleanPastedText } from "./paste-cleaner";
import { uniqueSlug } from "./slug";
import type { ImportArticleData } from "./validation/import";

export interface ImportOutcome extends IngestResult {
  title: string;
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
  text = text.trim();
  if (!text) throw new ImportInputError("No article text was found in what you gave.");
  const firstLine = text.split("\n", 1)[0].trim();
  if (!title) title = firstLine;
  else if (firstLine !== title) text = `${title}\n\n${text}`;
  if (title.length > 300) title = `${title.slice(0, 297)}…`;

  const slug = await uniqueSlug(title, async (s) => Boolean(await prisma.article.findUnique({ where: { slug: s }, select: { id: true } })));
  const result = await ingestArticle(prisma, {
    outletId,
    slug,
    title,
    byline,
    url: input.url,
    publishedAt,
    body: text,
    rawText: input.content,
    actorId,
  });
  return { ...result, title };
}
