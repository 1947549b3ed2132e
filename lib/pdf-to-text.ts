import "server-only";
import { joinHyphenated } from "./paste-cleaner";

/**
 * PDF → text, for articles and reports (imports) and for primary sources
 * (the documents quotes are checked against): one module for both.
 *
 *   pdfToText(bytes) → { text, pages: [{ number, label, start, end }], title, author }
 *
 * - Text comes out in reading order: the page's content-stream order (how the
 *   author's tool laid it out, which is what PDF.js's own text layer follows),
 *   items grouped into lines by baseline, lines into paragraphs by vertical
 *   gaps, first-line indents and short last lines. One paragraph per line of
 *   the result, blank lines between.
 * - A word hyphenated at a line end is joined again: without the hyphen when
 *   the document spells it so elsewhere or gives no evidence either way (in
 *   typeset text that is nearly always the typesetter's hyphen), with it when
 *   the document spells it with one.
 * - Running headers and footers — a line at the top or bottom of a page that
 *   recurs (digits aside) on at least half the pages, and bare page numbers —
 *   are dropped.
 * - `pages` keeps where each page's text starts and ends in `text` (UTF-16
 *   offsets, `end` exclusive), so an offset can be cited as a page: `number`
 *   is the 1-based page index, `label` the page's printed label when the PDF
 *   defines page labels (roman front matter, "A-3").
 *
 * Uses Mozilla's PDF.js (pdfjs-dist 5, the last line that runs on Node 20).
 * Rejects on a damaged or encrypted file. Pure apart from PDF.js itself: no
 * database, no network, no file system.
 */

export interface PdfPage {
  number: number;
  label: string | null;
  start: number;
  end: number;
}

export interface PdfText {
  text: string;
  pages: PdfPage[];
  title: string | null;
  author: string | null;
}

export interface PdfOptions {
  /** Pages read at most (the rest are ignored). Default 500. */
  maxPages?: number;
}

interface Line {
  text: string;
  x: number;
  y: number;
  height: number;
  right: number;
}

type TextItem = { str: string; transform: number[]; width: number; height: number; hasEOL?: boolean };

const SENTENCE_END = /[.!?…:"”’)\]]$/;
// Lines arrive with white space collapsed to single spaces.
const PAGE_NUMBER = /^(?:page )?(?:[-–—] ?)?\d{1,4}(?: ?[-–—])?(?: (?:of|\/) \d{1,4}|\/\d{1,4})?$/i;
const HYPHEN_END = /\p{L}[-\u00AD\u2010]$/u;

/** Items → lines: a new line when the baseline moves by more than half a line, or the item ends one. */
function linesOf(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    const x = item.transform[4];
    const y = item.transform[5];
    const height = Math.abs(item.height || item.transform[3] || 10);
    if (current && Math.abs(y - current.y) <= height * 0.5 && x >= current.x - 1) {
      const gap = x - current.right;
      const needsSpace = gap > height * 0.15 && !current.text.endsWith(" ") && !item.str.startsWith(" ");
      current.text += (needsSpace ? " " : "") + item.str;
      current.right = Math.max(current.right, x + item.width);
    } else if (item.str.trim() !== "" || current) {
      if (current) lines.push(current);
      current = item.str.trim() === "" ? null : { text: item.str, x, y, height, right: x + item.width };
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, " ").trim() })).filter((l) => l.text);
}

const shape = (text: string) => text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();

/** Indices of header/footer lines per page: recurring first/last lines and bare page numbers. */
function runningLines(pages: Line[][]): Set<string>[] {
  const edge = 2; // lines looked at on each edge of a page
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const l of [...lines.slice(0, edge), ...lines.slice(-edge)]) seen.add(shape(l.text));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const recurring = new Set([...counts].filter(([, n]) => pages.length >= 2 && n >= Math.max(2, pages.length / 2)).map(([s]) => s));
  return pages.map((lines) => {
    const drop = new Set<string>();
    lines.forEach((l, i) => {
      const onEdge = i < edge || i >= lines.length - edge;
      if (onEdge && (recurring.has(shape(l.text)) || PAGE_NUMBER.test(l.text))) drop.add(`${i}`);
    });
    return drop;
  });
}

/**
 * A page's line spacing in points: its most common gap between consecutive baselines (to 0.5 pt;
 * of two as common, the smaller), ignoring gaps under half a line's height (items a little off
 * one baseline). Not the median: on a short page, such as a one-page press release, the gaps
 * between paragraphs and under the headline outnumber those inside paragraphs, and every break
 * was lost. With no two gaps alike, at most 1.3 line heights; 12 when the page has one line.
 */
function lineSpacing(lines: Line[]): number {
  const heights = lines.map((l) => l.height).sort((a, b) => a - b);
  const minimum = heights[Math.floor(heights.length / 2)] * 0.5;
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const gap = Math.abs(lines[i - 1].y - lines[i].y);
    if (gap < minimum) continue;
    const key = Math.round(gap * 2) / 2;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let spacing = 12;
  let seen = 0;
  for (const [gap, n] of counts) {
    if (n > seen || (n === seen && gap < spacing)) [spacing, seen] = [gap, n];
  }
  // No two gaps alike (a page of two or three lines): at most the usual leading, 1.3 line heights.
  return seen < 2 ? Math.min(spacing, minimum * 2 * 1.3) : spacing;
}

/** Lines → paragraphs (each a list of lines), by gaps, indents and short last lines. */
function paragraphsOf(lines: Line[]): Line[][] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.right));
  const spacing = lineSpacing(lines);
  const paragraphs: Line[][] = [[lines[0]]];
  for (let i = 1; i < lines.length; i++) {
    const before = lines[i - 1];
    const line = lines[i];
    const gap = Math.abs(before.y - line.y);
    const indented = line.x > left + line.height * 0.8 && before.x <= left + line.height * 0.5;
    const shortEnd = before.right < left + (right - left) * 0.8 && SENTENCE_END.test(before.text);
    const newColumnOrBlock = gap > spacing * 1.6 || line.y > before.y + line.height; // moved up: a new column
    if (newColumnOrBlock || indented || shortEnd || Math.abs(line.height - before.height) > before.height * 0.3) paragraphs.push([line]);
    else paragraphs[paragraphs.length - 1].push(line);
  }
  return paragraphs;
}

/** Joins a paragraph's lines, repairing words hyphenated at line ends (see the module comment). */
function joinLines(lines: string[], document: string): string {
  let text = lines[0] ?? "";
  for (const line of lines.slice(1)) {
    text = HYPHEN_END.test(text) && /^\p{Ll}/u.test(line) ? joinHyphenated(`${text.slice(0, -1)}-`, line, document, "drop") : `${text} ${line}`;
  }
  return text;
}

export async function pdfToText(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfText> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // PDF.js takes ownership of (and detaches) the buffer it is given
    isEvalSupported: false, // never compile code from a document
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const count = Math.min(doc.numPages, options.maxPages ?? 500);
    const labels = await doc.getPageLabels().catch(() => null);
    const pageLines: Line[][] = [];
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pageLines.push(linesOf(content.items as TextItem[]));
      page.cleanup();
    }
    const drops = runningLines(pageLines);
    const body = pageLines.map((lines, p) => lines.filter((_, i) => !drops[p].has(`${i}`)));
    // Every line of the document, for hyphenation evidence.
    const whole = body.flat().map((l) => l.text).join("\n");

    let text = "";
    const pages: PdfPage[] = [];
    for (const [p, lines] of body.entries()) {
      const paragraphs = paragraphsOf(lines).map((para) => joinLines(para.map((l) => l.text), whole));
      let start = text.length;
      for (const [i, para] of paragraphs.entries()) {
        // A paragraph running on from the page before (no sentence end, a lower-case start) continues it.
        if (i === 0 && text && !SENTENCE_END.test(text) && /^\p{Ll}/u.test(para)) {
          const joined = HYPHEN_END.test(text) ? joinHyphenated(`${text.slice(0, -1)}-`, para, whole, "drop") : `${text} ${para}`;
          start = joined.length - para.length;
          text = joined;
        } else {
          if (text) text += "\n\n";
          if (i === 0) start = text.length;
          text += para;
        }
      }
      pages.push({ number: p + 1, label: labels?.[p] ?? null, start, end: text.length });
    }
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown; Author?: unknown } | undefined;
    const clean = (v: unknown) => (typeof v === "string" && v.trim() && !/^untitled|^microsoft word/i.test(v.trim()) ? v.replace(/\s+/g, " ").trim() : null);
    return { text, pages, title: clean(info?.Title), author: clean(info?.Author) };
  } finally {
    await doc.destroy();
  }
}

/** The page an offset of `pdfToText(...).text` is on (its 1-based number), or null past the end. */
export function pageAt(pages: PdfPage[], offset: number): PdfPage | null {
  return pages.find((p) => offset >= p.start && offset < p.end) ?? pages.findLast((p) => offset >= p.start && offset <= p.end) ?? null;
}
