import { describe, expect, it } from "vitest";
import { FeedParseError, parseFeedText } from "./feed-parse";

const RSS = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>A &amp; B</title><link>https://news.example/a</link><guid isPermaLink="false">id-1</guid><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate>
<description>short</description><content:encoded><![CDATA[<p>The minister said “we will act”.</p>]]></content:encoded></item>
<item><title>No guid</title><link>/relative/b</link><description>Only a summary.</description></item>
<item><title>Nothing to identify it</title></item>
</channel></rss>`;

const RDF = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://news.example/"><title>RDF wire</title></channel>
<item rdf:about="https://news.example/r1"><title>R1</title><link>https://news.example/r1</link><dc:date>2026-11-29T08:00:00Z</dc:date><description>d</description></item></rdf:RDF>`;

const ATOM = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><id>urn:1</id><title>E</title><link rel="alternate" href="https://news.example/e"/><updated>2026-11-30T10:00:00Z</updated>
<summary>s</summary><content type="html">&lt;p&gt;“Quoted,” she said.&lt;/p&gt;</content></entry></feed>`;

const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "JSON wire",
  items: [{ id: "j1", url: "https://news.example/j", title: "JT", content_text: "Plain text body.", date_published: "2026-11-30T10:00:00Z" }],
});

const NEWS_SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/s1</loc><news:news><news:publication><news:name>Ex</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-11-30T09:00:00Z</news:publication_date><news:title>Sitemap &amp; story</news:title></news:news></url>
<url><loc>javascript:alert(1)</loc></url></urlset>`;

describe("parseFeedText", () => {
  it("reads RSS: guid, link (made absolute), date, full content over the summary; skips items with no identity", () => {
    const feed = parseFeedText(RSS, "https://news.example/feed.xml");
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("Wire");
    expect(feed.items).toEqual([
      {
        guid: "id-1",
        url: "https://news.example/a",
        title: "A & B",
        publishedAt: new Date("2026-11-30T10:00:00Z"),
        content: "<p>The minister said “we will act”.</p>",
        contentIsHtml: true,
      },
      { guid: "https://news.example/relative/b", url: "https://news.example/relative/b", title: "No guid", publishedAt: null, content: "Only a summary.", contentIsHtml: true },
    ]);
  });

  it.each([
    ["RDF", RDF, "rdf", { guid: "https://news.example/r1", title: "R1", publishedAt: new Date("2026-11-29T08:00:00Z") }],
    ["Atom", ATOM, "atom", { guid: "urn:1", url: "https://news.example/e", content: "<p>“Quoted,” she said.</p>", contentIsHtml: true }],
    ["JSON Feed", JSON_FEED, "json", { guid: "j1", url: "https://news.example/j", content: "Plain text body.", contentIsHtml: false }],
    ["a news sitemap", NEWS_SITEMAP, "sitemap", { guid: "https://news.example/s1", title: "Sitemap & story", publishedAt: new Date("2026-11-30T09:00:00Z"), content: null }],
  ])("reads %s", (_name, body, format, first) => {
    const feed = parseFeedText(body);
    expect(feed.format).toBe(format);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject(first);
  });

  it.each([
    ["HTML", "<!doctype html><html><body>Not a feed</body></html>"],
    ["broken XML", "<rss><channel><item>"],
    ["JSON that is not a feed", '{"hello": "world"}'],
    ["a sitemap index", '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x/s.xml</loc></sitemap></sitemapindex>'],
  ])("refuses %s with a clear error", (_name, body) => {
    expect(() => parseFeedText(body)).toThrow(FeedParseError);
  });
});
