/**
 * An article page's own metadata — byline, publication date, canonical URL,
 * site name, language — from schema.org JSON-LD (NewsArticle and kin), Open
 * Graph and article:* meta tags, Dublin Core, and <time datetime>, in that
 * order of trust. Works on any DOM `Document` (read before page furniture is
 * removed: scripts hold the JSON-LD).
 *
 * Written here rather than with metascraper (the library made for this needs
 * Node ≥ 22) or open-graph-scraper (a second parse of the page, with cheerio,
 * for the few tags read here from the DOM the import already has).
 */

export interface JsonLdArticle {
  headline: string | null;
  articleBody: string | null;
  datePublished: string | null;
  authors: string[];
  publisher: string | null;
  url: string | null;
}

export interface PageMetadata {
  byline: string | null;
  /** ISO 8601, as the page gives it; null when the page gives no parseable date. */
  publishedAt: string | null;
  /** Absolute http(s) URL the page names as its own. */
  canonicalUrl: string | null;
  siteName: string | null;
  /** Primary language subtag, lower case ("en", "de"). */
  language: string | null;
  jsonLd: JsonLdArticle | null;
}

const ARTICLE_TYPES = /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|Report|ScholarlyArticle|LiveBlogPosting)$/;

const clean = (s: unknown): string | null => (typeof s === "string" && s.trim() ? s.replace(/\s+/g, " ").trim() : null);

function names(value: unknown): string[] {
  const out: string[] = [];
  for (const v of ([] as unknown[]).concat(value ?? [])) {
    const name = typeof v === "string" ? clean(v) : v && typeof v === "object" ? clean((v as Record<string, unknown>).name) : null;
    if (name && !/^https?:\/\//i.test(name)) out.push(name);
  }
  return out;
}

function urlOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return typeof obj["@id"] === "string" ? obj["@id"] : typeof obj.url === "string" ? obj.url : null;
  }
  return null;
}

/** The first schema.org article in the page's JSON-LD (inside @graph or arrays too). */
export function jsonLdArticle(document: Document): JsonLdArticle | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // a page's broken JSON-LD is its problem, not the import's
    }
    const queue: unknown[] = [data];
    for (let seen = 0; queue.length && seen < 500; seen++) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === "object") {
        const obj = item as Record<string, unknown>;
        const types = ([] as unknown[]).concat(obj["@type"] ?? []);
        if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) {
          return {
            headline: clean(obj.headline) ?? clean(obj.name),
            articleBody: typeof obj.articleBody === "string" ? obj.articleBody : null,
            datePublished: clean(obj.datePublished) ?? clean(obj.dateCreated),
            authors: names(obj.author),
            publisher: names(obj.publisher)[0] ?? null,
            url: urlOf(obj.url) ?? urlOf(obj.mainEntityOfPage),
          };
        }
        if (obj["@graph"]) queue.push(obj["@graph"]);
      }
    }
  }
  return null;
}

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = document.querySelector(`meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`);
    const value = clean(el?.getAttribute("content"));
    if (value) return value;
  }
  return null;
}

const isDate = (s: string | null): s is string => Boolean(s && !Number.isNaN(new Date(s).getTime()));

function absoluteHttpUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Reads the page's metadata; `pageUrl` resolves relative links (the URL it was fetched from). */
export function readPageMetadata(document: Document, pageUrl: string): PageMetadata {
  const ld = jsonLdArticle(document);
  const authorMeta = [meta(document, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator")].filter(
    (a): a is string => Boolean(a && !/^https?:\/\//i.test(a)),
  );
  const byline = ld?.authors.length ? ld.authors.join(", ") : (authorMeta[0] ?? null);

  const dates = [
    ld?.datePublished ?? null,
    meta(document, "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate", "dc.date", "dcterms.created", "dc.date.issued", "date"),
    document.querySelector("article time[datetime], main time[datetime], time[pubdate][datetime], time[datetime]")?.getAttribute("datetime") ?? null,
  ];
  const publishedAt = dates.find(isDate) ?? null;

  const canonicalUrl =
    absoluteHttpUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute("href"), pageUrl) ??
    absoluteHttpUrl(meta(document, "og:url"), pageUrl) ??
    absoluteHttpUrl(ld?.url, pageUrl);

  const siteName = meta(document, "og:site_name", "application-name") ?? ld?.publisher ?? null;
  const lang = clean(document.documentElement?.getAttribute("lang")) ?? meta(document, "og:locale", "dc.language", "language");
  const language = lang?.toLowerCase().match(/^[a-z]{2,3}(?=$|[-_])/)?.[0] ?? null;
  return { byline, publishedAt, canonicalUrl, siteName, language, jsonLd: ld };
}
