import "server-only";
import { prisma } from "./db";
import { listKeys, recordKeys } from "./public-cache/keys";
import { siteUrl } from "./site-url";
import { publicClaimWhere } from "./visibility";

/**
 * The public sitemap (sitemaps.org protocol 0.9): every published claim, article,
 * outlet and speaker page with its `lastmod`. One file holds at most 50,000 URLs
 * (the protocol's limit, https://www.sitemaps.org/protocol.html); past that
 * /sitemap.xml is a sitemap index of /sitemap/N.xml files. Claims are filtered by
 * lib/visibility.ts; articles, outlets and speakers are public pages whatever
 * their claims' status.
 */
export const SITEMAP_MAX_URLS = 50_000;

const KINDS = [
  { kind: "claims", path: "claims", count: () => prisma.claim.count({ where: publicClaimWhere }), page: (skip: number, take: number) => prisma.claim.findMany({ where: publicClaimWhere, orderBy: { id: "asc" }, skip, take, select: { slug: true, updatedAt: true } }) },
  { kind: "articles", path: "articles", count: () => prisma.article.count(), page: (skip: number, take: number) => prisma.article.findMany({ orderBy: { id: "asc" }, skip, take, select: { slug: true, updatedAt: true } }) },
  { kind: "outlets", path: "outlets", count: () => prisma.outlet.count(), page: (skip: number, take: number) => prisma.outlet.findMany({ orderBy: { id: "asc" }, skip, take, select: { slug: true, updatedAt: true } }) },
  { kind: "speakers", path: "speakers", count: () => prisma.speaker.count(), page: (skip: number, take: number) => prisma.speaker.findMany({ orderBy: { id: "asc" }, skip, take, select: { slug: true, updatedAt: true } }) },
] as const;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

function xmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

async function counts(): Promise<number[]> {
  return Promise.all(KINDS.map((k) => k.count()));
}

/** Number of sitemap files: 1 when everything fits in one, else the files the index lists. */
async function fileCount(perFile: number): Promise<{ total: number; files: number; perKind: number[] }> {
  const perKind = await counts();
  const total = perKind.reduce((a, b) => a + b, 0);
  return { total, perKind, files: Math.max(1, Math.ceil(total / perFile)) };
}

/** The URL entries of file `n` (0-based) of the whole list, claims then articles, outlets, speakers, each by id. */
async function* entries(n: number, perFile: number, perKind: number[], base: string): AsyncGenerator<string> {
  let skip = n * perFile;
  let left = perFile;
  for (const [i, k] of KINDS.entries()) {
    if (left <= 0) break;
    if (skip >= perKind[i]) {
      skip -= perKind[i];
      continue;
    }
    // In batches, so memory stays one batch whatever the corpus.
    for (let offset = skip, end = Math.min(perKind[i], skip + left); offset < end; ) {
      const rows = await k.page(offset, Math.min(5000, end - offset));
      if (!rows.length) break;
      yield rows.map((r) => `<url><loc>${xmlText(`${base}/${k.path}/${encodeURIComponent(r.slug)}`)}</loc><lastmod>${r.updatedAt.toISOString()}</lastmod></url>\n`).join("");
      offset += rows.length;
      left -= rows.length;
    }
    skip = 0;
  }
}

/**
 * /sitemap.xml: a `urlset` when every URL fits in one file, else a
 * `sitemapindex` of /sitemap/1.xml … /sitemap/N.xml (with the newest `lastmod`
 * of all). `perFile` is for tests; the protocol's limit otherwise.
 */
export async function* sitemapRoot(perFile = SITEMAP_MAX_URLS, baseUrl?: string): AsyncGenerator<string> {
  const base = baseUrl ?? (await siteUrl());
  recordKeys(listKeys.claims, listKeys.articles, listKeys.outlets, listKeys.speakers, listKeys.claimRows, listKeys.articleRows);
  const { files, perKind } = await fileCount(perFile);
  if (files === 1) {
    yield `${XML_HEAD}<urlset ${NS}>\n`;
    yield* entries(0, perFile, perKind, base);
    yield "</urlset>\n";
    return;
  }
  yield `${XML_HEAD}<sitemapindex ${NS}>\n`;
  for (let n = 1; n <= files; n++) yield `<sitemap><loc>${xmlText(`${base}/sitemap/${n}.xml`)}</loc></sitemap>\n`;
  yield "</sitemapindex>\n";
}

/** /sitemap/N.xml (N from 1) when /sitemap.xml is an index; null when there is no such file. */
export async function sitemapFile(n: number, perFile = SITEMAP_MAX_URLS, baseUrl?: string): Promise<AsyncGenerator<string> | null> {
  const base = baseUrl ?? (await siteUrl());
  recordKeys(listKeys.claims, listKeys.articles, listKeys.outlets, listKeys.speakers, listKeys.claimRows, listKeys.articleRows);
  const { files, perKind } = await fileCount(perFile);
  if (!Number.isInteger(n) || n < 1 || n > files || files === 1) return null;
  return (async function* () {
    yield `${XML_HEAD}<urlset ${NS}>\n`;
    yield* entries(n - 1, perFile, perKind, base);
    yield "</urlset>\n";
  })();
}
