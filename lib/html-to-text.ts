import "server-only";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { BudgetExceededError, INPUT_LIMITS } from "./budgeted";
import { removePageFurniture } from "./html-furniture";
import { readPageMetadata, type JsonLdArticle } from "./html-metadata";

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** ISO 8601 as the page gives it, or null. */
  publishedAt: string | null;
  siteName: string | null;
  /** The URL the page names as its own (link rel=canonical, og:url, JSON-LD), or null. */
  canonicalUrl: string | null;
  /** Primary language subtag ("en"), or null. */
  language: string | null;
  /** Headline as the first line, then one paragraph per line, blank lines between. */
  text: string;
}

/** Block elements: each starts and ends a paragraph of the stored text. */
const BLOCK = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LI MAIN OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL".split(" "),
);
/** Invisible characters that break words for layout only: soft hyphen, zero-width space. */
const INVISIBLE = /[\u00AD\u200B]/g;

function collapse(s: string): string {
  return s.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

/**
 * The paragraphs of a DOM subtree: every block element is a paragraph break, a
 * `<br>` is a line break (two in a row are a paragraph break), and text
 * directly inside a block that also holds blocks (an embedded post's author
 * line beside its <p>) is a paragraph of its own — nothing is lost between
 * blocks.
 */
function paragraphsOf(root: Node): string[] {
  const paragraphs: string[] = [];
  let lines: string[] = [""];
  const flush = () => {
    const text = lines.map(collapse).filter(Boolean).join("\n");
    if (text) paragraphs.push(text);
    lines = [""];
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      lines[lines.length - 1] += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === "BR") {
      // A second <br> with nothing between ends the paragraph.
      if (collapse(lines[lines.length - 1]) === "" && lines.length > 1) flush();
      else lines.push("");
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) flush();
    for (const child of el.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}

/** Removes soft hyphens and zero-width spaces from every text node, so headings match the title again. */
function stripInvisible(document: Document) {
  const walker = document.createTreeWalker(document, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue && /[\u00AD\u200B]/.test(node.nodeValue)) node.nodeValue = node.nodeValue.replace(INVISIBLE, "");
  }
}

/**
 * The headline: the page's one <h1> (or the <h1> its <title> repeats), else
 * the JSON-LD or Open Graph headline, else the <title> without its
 * " | Site name" tail.
 */
function pageHeadline(document: Document, ld: JsonLdArticle | null): string | null {
  const pageTitle = collapse(document.title ?? "");
  const og = collapse(document.querySelector('meta[property="og:title"], meta[name="twitter:title"]')?.getAttribute("content") ?? "");
  const h1s = [...document.querySelectorAll("h1")].map((h) => collapse(h.textContent ?? "")).filter((t) => t.length >= 3 && t.length <= 300);
  const h1 = h1s.length === 1 ? h1s[0] : h1s.find((t) => pageTitle.includes(t) || og.includes(t));
  if (h1) return h1;
  const headline = collapse(ld?.headline ?? "") || og;
  if (headline) return headline;
  const parts = pageTitle.split(/(?<!\s)\s+[-|–—·»:]\s+/);
  return (parts[0].split(" ").length >= 2 ? parts[0] : pageTitle) || null;
}

/**
 * Turns an article page into the plain-text snapshot Claimscope stores. Page
 * furniture is removed first (./html-furniture), then Firefox Reader View's
 * extractor (Readability) chooses the article, and its blocks become
 * paragraphs. When the page's visible body is empty or a stub (a page filled
 * in by JavaScript) and its JSON-LD carries the article's `articleBody`, that
 * is the text. Soft hyphens and zero-width spaces are removed. jsdom runs no
 * scripts and loads no resources here.
 */
export function htmlToArticle(html: string, url?: string | null): ExtractedArticle {
  checkNesting(estimatedDepth(html), 4 * INPUT_LIMITS.maxDepth);
  // More text than an article may have is refused before the parse, not after minutes of Readability.
  const chars = estimatedTextChars(html);
  if (chars > INPUT_LIMITS.maxChars) {
    throw new BudgetExceededError(
      "size",
      `The page holds about ${chars.toLocaleString("en")} characters of text; at most ${INPUT_LIMITS.maxChars.toLocaleString("en")} can be processed. Paste the article's text instead.`,
      { chars, limit: INPUT_LIMITS.maxChars },
    );
  }
  const virtualConsole = new VirtualConsole(); // swallow CSS/parse warnings
  const dom = new JSDOM(html, { url: url ?? "https://example.invalid/", virtualConsole });
  const document = dom.window.document;
  // Readability's work grows much faster than the page's depth (nested tables ran
  // for minutes): refuse pages nested deeper than real articles ever are.
  checkNesting(elementDepth(document.documentElement), INPUT_LIMITS.maxDepth);
  const metadata = readPageMetadata(document, url ?? "https://example.invalid/");
  const ld = metadata.jsonLd;
  stripInvisible(document);
  const headline = pageHeadline(document, ld);
  removePageFurniture(document);
  const parsed = new Readability(document, { charThreshold: 100 }).parse();
  const title = headline ?? (collapse(parsed?.title ?? "") || null);

  const contentDom = new JSDOM(parsed?.content ?? "", { virtualConsole });
  let paragraphs = paragraphsOf(contentDom.window.document.body);
  if (paragraphs.length === 0 && document.body) paragraphs = paragraphsOf(document.body);
  if (title && paragraphs[0] === title) paragraphs.shift();

  const ldParagraphs = ld?.articleBody ? ld.articleBody.split(/\n\s*\n|\r?\n/).map(collapse).filter(Boolean) : [];
  const length = (ps: string[]) => ps.reduce((n, p) => n + p.length, 0);
  // The visible text is a stub of what the page's own metadata says the article is.
  if (length(ldParagraphs) > 0 && length(paragraphs) < length(ldParagraphs) * 0.6) paragraphs = ldParagraphs;

  if (title) paragraphs.unshift(title);
  dom.window.close();
  contentDom.window.close();
  const readabilityDate = parsed?.publishedTime && !Number.isNaN(new Date(parsed.publishedTime).getTime()) ? parsed.publishedTime : null;
  return {
    title,
    byline: metadata.byline ?? (collapse(parsed?.byline ?? "").replace(/^by\s+/i, "") || null),
    publishedAt: metadata.publishedAt ?? readabilityDate,
    siteName: metadata.siteName ?? (collapse(parsed?.siteName ?? "") || null),
    canonicalUrl: metadata.canonicalUrl,
    language: metadata.language,
    text: paragraphs.join("\n\n"),
  };
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

/**
 * Before parsing: the deepest run of open tags, counting every non-void start tag
 * and end tag. Tags the parser closes by itself (<p>, <li>) make it an over-estimate,
 * so the limit it is checked against is generous; the exact check follows parsing.
 */
export function estimatedDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9-]*)(?:[\s/][^>]*)?>/gi)) {
    const name = m[2].toLowerCase();
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!VOID.has(name) && !m[0].endsWith("/>")) max = Math.max(max, ++depth);
  }
  return max;
}

/**
 * About how many characters of text `html` shows, in one linear pass: what lies outside tags,
 * comments, scripts and styles, each run of whitespace counted once. At least the text that
 * Readability can extract from it (entities count as written, so it errs high by a little).
 */
export function estimatedTextChars(html: string): number {
  let count = 0;
  let i = 0;
  let space = true;
  const n = html.length;
  const skipTo = (end: string, from: number) => {
    const at = html.indexOf(end, from);
    return at < 0 ? n : at + end.length;
  };
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      const head = html.slice(i + 1, i + 8).toLowerCase();
      if (head.startsWith("!--")) i = skipTo("-->", i + 4);
      else if (head.startsWith("script")) i = skipTo(">", skipTo("</script", i + 7));
      else if (head.startsWith("style")) i = skipTo(">", skipTo("</style", i + 6));
      else i = skipTo(">", i + 1);
      continue;
    }
    const isSpace = c === 32 || (c >= 9 && c <= 13);
    if (!isSpace || !space) count++;
    space = isSpace;
    i++;
  }
  return count;
}

/** The deepest element below `root`, walked without recursion. */
export function elementDepth(root: Element | null): number {
  let max = 0;
  const stack: [Element, number][] = root ? [[root, 1]] : [];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    for (const child of el.children) stack.push([child, d + 1]);
  }
  return max;
}

function checkNesting(depth: number, limit: number) {
  if (depth > limit) {
    throw new BudgetExceededError("depth", `The page nests its elements ${depth} deep; at most ${limit} can be imported. Paste the article's text instead.`, { depth, limit });
  }
}
