import "server-only";

/**
 * The text of a PDF, for primary sources and imports: pdfjs-dist 5.x (Mozilla's
 * PDF.js, the reader in Firefox; its 6.x needs Node 22), text only — no
 * rendering, fonts or scripts.
 *
 * - Reading order: text items in the order the page draws them, broken into
 *   lines where the baseline moves, and into paragraphs where the gap between
 *   lines is wider than the page's usual line spacing.
 * - Running headers and footers (the same line, digits aside, at the top or
 *   bottom of most pages) and bare page numbers are dropped.
 * - A word hyphenated at a line end is joined without the hyphen, unless the
 *   document spells it with the hyphen elsewhere and never without.
 * - Page numbers are kept as `pageStarts`: the offset in `text` where each page
 *   begins (page 1 first), so that a passage can be cited as "p. 12".
 *
 * Errors: PdfTextError for a file that is not a PDF, is encrypted, or has no
 * text layer (a scan); the message says which, for the editor.
 */
export interface PdfText {
  /** Paragraphs separated by a blank line. */
  text: string;
  /** Offset in `text` where each page starts; pageStarts[0] = 0 is page 1. */
  pageStarts: number[];
  pageCount: number;
  /** Lines dropped as running headers, footers or page numbers (for the editor to see). */
  dropped: string[];
}

export class PdfTextError extends Error {}

interface Line {
  text: string;
  y: number;
  height: number;
}

const MAX_PAGES = 2000;

/** Lines of one page, top to bottom, each with its baseline and font height. */
async function pageLines(page: { getTextContent(): Promise<{ items: unknown[] }> }): Promise<Line[]> {
  const content = await page.getTextContent();
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const raw of content.items) {
    const item = raw as { str?: string; transform?: number[]; height?: number; hasEOL?: boolean };
    if (typeof item.str !== "string" || !item.transform) continue;
    const y = item.transform[5];
    const height = Math.abs(item.height || item.transform[3] || 10);
    if (current && Math.abs(current.y - y) > height * 0.5) {
      lines.push(current);
      current = null;
    }
    if (!current) current = { text: "", y, height };
    current.text += item.str;
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, " ").trim() }))
    .filter((l) => l.text !== "");
}

const shape = (line: string) => line.replace(/\d+/g, "#").toLowerCase();
const isPageNumber = (line: string) => /^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|\/)\s*\d{1,4})?$/i.test(line) || /^[-–—]\s*\d{1,4}\s*[-–—]$/.test(line);

/** Lines at the top or bottom (first/last two) of at least half the pages (and 2+), same shape: running heads. */
function runningLines(pages: Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => shape(l.text)));
    for (const s of edge) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([s]) => s));
}

function joinHyphen(left: string, right: string, whole: string): string {
  const head = /(?<!\p{L})(\p{L}+)-$/u.exec(left)?.[1];
  const tail = /^(\p{Ll}+)/u.exec(right)?.[1];
  if (!head || !tail) return `${left} ${right}`;
  const lower = whole.toLowerCase();
  const hyphenated = `${head}-${tail}`.toLowerCase();
  const joined = `${head}${tail}`.toLowerCase();
  const keepHyphen = lower.includes(hyphenated) && !lower.includes(joined);
  return keepHyphen ? `${left}${right}` : `${left.slice(0, -1)}${right}`;
}

/** The document's usual line spacing: the median gap between consecutive lines of a page. */
function usualSpacing(pages: Line[][]): number {
  const gaps = pages
    .flatMap((lines) => lines.slice(1).map((l, i) => Math.abs(lines[i].y - l.y)))
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : 14;
}

/** A page's lines as paragraphs: a gap wider than 1.5 × the usual spacing breaks one. */
function paragraphs(lines: Line[], whole: string, usual: number): string[] {
  if (!lines.length) return [];
  const out: string[] = [];
  let para = lines[0].text;
  for (let i = 1; i < lines.length; i++) {
    const gap = Math.abs(lines[i - 1].y - lines[i].y);
    if (gap > usual * 1.5) {
      out.push(para);
      para = lines[i].text;
    } else {
      para = /\p{L}-$/u.test(para) ? joinHyphen(para, lines[i].text, whole) : `${para} ${lines[i].text}`;
    }
  }
  out.push(para);
  return out;
}

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  if (bytes.length < 5 || new TextDecoder().decode(bytes.subarray(0, 5)) !== "%PDF-") throw new PdfTextError("That file is not a PDF.");
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc;
  try {
    doc = await pdfjs.getDocument({
      // pdf.js takes ownership of the buffer it is given.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "PasswordException") throw new PdfTextError("That PDF is password-protected. Save an unprotected copy and upload it again.");
    throw new PdfTextError("That PDF could not be read: it may be damaged.");
  }
  try {
    if (doc.numPages > MAX_PAGES) throw new PdfTextError(`That PDF has ${doc.numPages} pages; at most ${MAX_PAGES} can be read.`);
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      pages.push(await pageLines(page));
      page.cleanup();
    }
    const running = pages.length > 1 ? runningLines(pages) : new Set<string>();
    const dropped: string[] = [];
    const kept = pages.map((lines) =>
      lines.filter((l, i) => {
        const atEdge = i < 2 || i >= lines.length - 2;
        const drop = atEdge && (running.has(shape(l.text)) || isPageNumber(l.text));
        if (drop) dropped.push(l.text);
        return !drop;
      }),
    );
    const whole = kept.flatMap((lines) => lines.map((l) => l.text)).join("\n");
    if (!whole.trim()) throw new PdfTextError("That PDF has no text layer (it may be a scan). Upload a PDF with text, or paste the text.");
    const usual = usualSpacing(kept);
    let text = "";
    const pageStarts: number[] = [];
    for (const [i, lines] of kept.entries()) {
      const paras = paragraphs(lines, whole, usual);
      // A paragraph running on from the previous page joins it (its first line starts lower-case).
      if (i > 0 && paras.length && text && /^\p{Ll}/u.test(paras[0]) && !/[.!?:”"]$/.test(text)) {
        const first = paras.shift()!;
        pageStarts.push(text.length + 1);
        text = /\p{L}-$/u.test(text) ? joinHyphen(text, first, whole) : `${text} ${first}`;
        if (paras.length) text += "\n\n";
      } else {
        if (text) text += "\n\n";
        pageStarts.push(text.length);
      }
      text += paras.join("\n\n");
    }
    return { text, pageStarts, pageCount: kept.length, dropped };
  } finally {
    await doc.destroy();
  }
}
