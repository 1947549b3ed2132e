import { XMLParser } from "fast-xml-parser";
import { parseFeed } from "feedsmith";

/**
 * A feed's text → its items, for the poller. RSS (0.9x–2.0), RDF (RSS 1.0),
 * Atom and JSON Feed are read by feedsmith; news sitemaps (Google's
 * `news:` extension of sitemaps.org `<urlset>`) by fast-xml-parser, which
 * feedsmith itself builds on. Pure: no fetching, no database.
 */

export type ParsedFeedFormat = "rss" | "atom" | "rdf" | "json" | "sitemap";

export interface ParsedItem {
  /** The item's identity within its feed: its guid/id, else its link. */
  guid: string;
  url: string | null;
  title: string | null;
  publishedAt: Date | null;
  /** HTML or text the feed carries for the item (content:encoded, Atom content, JSON Feed content_html/content_text), else its summary. */
  content: string | null;
  contentIsHtml: boolean;
}

export interface ParsedFeed {
  format: ParsedFeedFormat;
  title: string | null;
  items: ParsedItem[];
}

export class FeedParseError extends Error {}

/** Items kept from one poll: a feed listing more is read from its newest (first) items. */
export const MAX_ITEMS_PER_POLL = 200;

const text = (v: unknown): string | null => {
  if (typeof v === "string") return v.trim() || null;
  if (v && typeof v === "object" && "value" in v && typeof (v as { value: unknown }).value === "string") return text((v as { value: string }).value);
  return null;
};

function date(v: unknown): Date | null {
  const s = text(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

function httpUrl(v: unknown, base: string | null): string | null {
  const s = text(v);
  if (!s) return null;
  try {
    const u = new URL(s, base ?? undefined);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

function item(guid: unknown, url: string | null, title: unknown, published: unknown, html: unknown, plain: unknown): ParsedItem | null {
  const id = text(guid) ?? url;
  if (!id) return null;
  const htmlContent = text(html);
  return {
    guid: id.slice(0, 2000),
    url,
    title: text(title)?.slice(0, 300) ?? null,
    publishedAt: date(published),
    content: htmlContent ?? text(plain),
    contentIsHtml: Boolean(htmlContent),
  };
}

type Loose = Record<string, unknown> & { [k: string]: never | unknown };

function fromFeedsmith(body: string, base: string | null): ParsedFeed {
  const parsed = parseFeed(body) as { format: string; feed: Loose };
  const feed = parsed.feed;
  const items: (ParsedItem | null)[] = [];
  if (parsed.format === "atom") {
    for (const e of (feed.entries as Loose[] | undefined) ?? []) {
      const links = (e.links as { href?: string; rel?: string }[] | undefined) ?? [];
      const link = links.find((l) => !l.rel || l.rel === "alternate") ?? links[0];
      const content = e.content as { value?: string; type?: string } | undefined;
      const isHtml = content?.type === "html" || content?.type === "xhtml";
      items.push(item(e.id, httpUrl(link?.href, base), e.title, e.published ?? e.updated, isHtml ? content?.value : null, isHtml ? e.summary : (content?.value ?? e.summary)));
    }
  } else if (parsed.format === "json") {
    for (const i of (feed.items as Loose[] | undefined) ?? []) {
      items.push(item(i.id, httpUrl(i.url, base), i.title, i.date_published ?? i.date_modified, i.content_html, i.content_text ?? i.summary));
    }
  } else {
    for (const i of (feed.items as Loose[] | undefined) ?? []) {
      const guid = i.guid as { value?: string } | string | undefined;
      const content = i.content as { encoded?: string } | undefined;
      const dc = i.dc as { date?: string; dates?: string[] } | undefined;
      items.push(item(typeof guid === "string" ? guid : guid?.value, httpUrl(i.link, base), i.title, i.pubDate ?? dc?.date ?? dc?.dates?.[0], content?.encoded ?? i.description, null));
    }
  }
  return {
    format: parsed.format as ParsedFeedFormat,
    title: text(feed.title),
    items: items.filter((i): i is ParsedItem => i !== null).slice(0, MAX_ITEMS_PER_POLL),
  };
}

const sitemapParser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  isArray: (name) => name === "url" || name === "sitemap",
  processEntities: true,
  htmlEntities: false,
});

function fromSitemap(body: string, base: string | null): ParsedFeed {
  const doc = sitemapParser.parse(body) as { urlset?: { url?: Loose[] }; sitemapindex?: unknown };
  if (doc.sitemapindex) throw new FeedParseError("This is a sitemap index: add the news sitemaps it lists, one by one.");
  const urls = doc.urlset?.url ?? [];
  const items = urls.map((u) => {
    const news = (u.news ?? {}) as Loose;
    const loc = httpUrl(u.loc, base);
    return item(loc, loc, news.title, news.publication_date ?? u.lastmod, null, null);
  });
  return { format: "sitemap", title: null, items: items.filter((i): i is ParsedItem => i !== null).slice(0, MAX_ITEMS_PER_POLL) };
}

/**
 * Reads a feed. `base` resolves relative links (the feed's own URL).
 * Throws FeedParseError with a sentence an editor can act on.
 */
export function parseFeedText(body: string, base: string | null = null): ParsedFeed {
  const head = body.slice(0, 2000).replace(/^\uFEFF/, "").trimStart();
  try {
    // The root element of the first 2,000 characters (after an XML declaration and comments).
    if (/<(?:urlset|sitemapindex)[\s>]/i.test(head)) {
      return fromSitemap(body, base);
    }
    return fromFeedsmith(body, base);
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    const what = error instanceof Error ? error.message : String(error);
    throw new FeedParseError(`Not a feed we can read (RSS, Atom, JSON Feed or a news sitemap): ${what.slice(0, 200)}`);
  }
}
