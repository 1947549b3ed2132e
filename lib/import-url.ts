import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { runBudgeted } from "./budgeted";
import { fetchArticle } from "./fetch-article";
import { ImportInputError, readPdfArticle, refuseOverBudget, storeImportedText, type ImportedText, type ImportOutcome } from "./import-article";
import { FetchError } from "./safe-fetch";
import { uniqueRecordSlug } from "./record-addresses";
import type { ImportUrlData } from "./validation/import";

/** Largest page or PDF an import fetches. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

/** The host an outlet is known by: lower case, without "www.". */
export function outletDomain(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
}

/**
 * The outlet of a page: the one whose domain (or one of its other domains) is the page's (or a parent of
 * it: news.example.com belongs to example.com), else one of the page's site
 * name without a domain yet (which gets it), else a new outlet named after the
 * site (or the domain).
 */
export async function findOrCreateOutletForDomain(prisma: PrismaClient, domain: string, siteName: string | null): Promise<string> {
  const parents = domain.split(".").map((_, i, parts) => parts.slice(i).join(".")).filter((d) => d.includes("."));
  const byDomain = await prisma.outlet.findMany({
    where: { OR: [{ domain: { in: parents } }, { otherDomains: { hasSome: parents } }] },
    select: { id: true, domain: true, otherDomains: true },
  });
  // The most specific match wins: news.example.com's outlet over example.com's.
  const matched = (o: { domain: string | null; otherDomains: string[] }) => Math.max(...[o.domain, ...o.otherDomains].map((d) => (d && parents.includes(d) ? d.length : 0)));
  if (byDomain.length) return byDomain.sort((a, b) => matched(b) - matched(a))[0].id;
  const name = siteName?.trim() || domain;
  const byName = await prisma.outlet.findFirst({ where: { name: { equals: name, mode: "insensitive" }, domain: null }, select: { id: true } });
  if (byName) {
    await prisma.outlet.update({ where: { id: byName.id }, data: { domain } });
    return byName.id;
  }
  const slug = await uniqueRecordSlug(prisma, "outlet", name);
  try {
    return (await prisma.outlet.create({ data: { name, slug, domain }, select: { id: true } })).id;
  } catch {
    // Another import created it at the same moment.
    const row = await prisma.outlet.findFirst({ where: { domain }, select: { id: true } });
    if (!row) throw new Error(`could not create outlet for ${domain}`);
    return row.id;
  }
}

const validDate = (s: string | null | undefined) => {
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) || d.getTime() > Date.now() + 2 * 86_400_000 ? null : d;
};

/**
 * Imports the article at a URL: fetched with lib/safe-fetch's bounds and
 * address checks, HTML turned into text (its encoding sniffed) or a PDF read
 * page by page, metadata from the page (title, byline, date, canonical URL,
 * site), the outlet found by domain or created, and the page's bytes stored
 * beside the text in the article's transaction. The editor's fields win over
 * the page's. Rejects with ImportInputError (a message for the editor) when
 * the page cannot be fetched or has no text, or when its parsing or analysis
 * runs over a budget (lib/budgeted.ts: they run off the request thread);
 * nothing is stored then.
 */
export async function importFromUrl(
  prisma: PrismaClient,
  input: ImportUrlData,
  actorId: string | null,
  limits: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<ImportOutcome> {
  return refuseOverBudget(() => importFromUrlWithinBudget(prisma, input, actorId, limits), { actorId, url: input.url });
}

async function importFromUrlWithinBudget(
  prisma: PrismaClient,
  input: ImportUrlData,
  actorId: string | null,
  limits: { maxBytes?: number; timeoutMs?: number },
): Promise<ImportOutcome> {
  let page;
  try {
    page = await fetchArticle(input.url, { maxBytes: MAX_PAGE_BYTES, ...limits });
  } catch (error) {
    if (error instanceof FetchError) throw new ImportInputError(error.message);
    throw error;
  }
  const pageUrl = page.capture.finalUrl;

  let text: string;
  let meta: { title: string | null; byline: string | null; publishedAt: string | null; siteName: string | null; canonicalUrl: string | null; language: string | null };
  let rawText: string | null;
  let pageStarts: number[] = [];
  if (page.kind === "html") {
    const extracted = await runBudgeted("htmlToArticle", { html: page.html, url: pageUrl });
    text = extracted.text;
    meta = extracted;
    rawText = page.html;
  } else {
    const pdf = await readPdfArticle(page.bytes);
    text = pdf.text;
    pageStarts = pdf.pageStarts;
    meta = { title: pdf.title, byline: pdf.author, publishedAt: null, siteName: null, canonicalUrl: null, language: null };
    rawText = null;
  }
  if (!text.trim()) throw new ImportInputError("No article text was found on that page.");

  // The page's own canonical URL names it, unless it points at another site.
  const canonical = meta.canonicalUrl && outletDomain(meta.canonicalUrl) === outletDomain(pageUrl) ? meta.canonicalUrl : null;
  const url = canonical ?? pageUrl;
  let outletId: ImportedText["outletId"];
  if (input.outletId) {
    if (!(await prisma.outlet.findUnique({ where: { id: input.outletId }, select: { id: true } }))) {
      throw new ImportInputError("That outlet no longer exists. Choose another or leave it empty to use the site's.");
    }
    outletId = input.outletId;
  } else {
    const siteName = input.newOutletName ?? meta.siteName;
    outletId = () => findOrCreateOutletForDomain(prisma, outletDomain(url), siteName);
  }

  return storeImportedText(
    prisma,
    {
      outletId,
      title: input.title ?? meta.title,
      byline: input.byline ?? meta.byline,
      url,
      publishedAt: input.publishedAt ? new Date(input.publishedAt) : validDate(meta.publishedAt),
      text,
      rawText,
      pageStarts,
      language: meta.language,
      capture: page.capture,
    },
    actorId,
  );
}
