import "server-only";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  siteName: string | null;
  /** Headline as the first line, then one paragraph per line, blank lines between. */
  text: string;
}

const BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td";

function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * Turns an article page into the plain-text snapshot Claimscope stores, with
 * Firefox Reader View's extractor (Readability) deciding what is article and
 * what is page furniture. jsdom runs no scripts and loads no resources here.
 */
export function htmlToArticle(html: string, url?: string | null): ExtractedArticle {
  const virtualConsole = new VirtualConsole(); // swallow CSS/parse warnings
  const dom = new JSDOM(html, { url: url ?? "https://example.invalid/", virtualConsole });
  const document = dom.window.document;
  const metaDate =
    document.querySelector('meta[property="article:published_time"]')?.getAttribute("content") ??
    document.querySelector("time[datetime]")?.getAttribute("datetime") ??
    null;
  const parsed = new Readability(document, { charThreshold: 100 }).parse();
  const title = collapse(parsed?.title ?? document.title ?? "") || null;

  const contentDom = new JSDOM(parsed?.content ?? document.body?.innerHTML ?? "", { virtualConsole });
  const paragraphs: string[] = [];
  for (const el of contentDom.window.document.querySelectorAll(BLOCKS)) {
    // Nested blocks (a <p> inside an <li>) are read once, from the innermost.
    if (el.querySelector(BLOCKS)) continue;
    const text = collapse(el.textContent ?? "");
    if (text) paragraphs.push(text);
  }
  if (paragraphs.length === 0) {
    const fallback = collapse(parsed?.textContent ?? document.body?.textContent ?? "");
    if (fallback) paragraphs.push(fallback);
  }
  if (title && paragraphs[0] !== title) paragraphs.unshift(title);
  dom.window.close();
  contentDom.window.close();
  return {
    title,
    byline: collapse(parsed?.byline ?? "") || null,
    publishedAt: parsed?.publishedTime ?? metaDate,
    siteName: collapse(parsed?.siteName ?? "") || null,
    text: paragraphs.join("\n\n"),
  };
}
