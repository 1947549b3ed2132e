/**
 * Cleans text an editor pasted (from a PDF viewer, an e-mail, a web page)
 * into the stored form: one paragraph per line. Pure, and shared by the import
 * page (to preview) and the server (to store), so both see the same result.
 *
 * 1. Unwrap: a hard-wrapped text (lines broken at a column, as PDF viewers and
 *    e-mail clients do) is joined back into paragraphs — a line break inside a
 *    paragraph becomes a space, blank lines separate paragraphs, and the
 *    indentation of a line is layout, not text. A break is kept after the
 *    headline (the first line, unless the title was given apart), where the line before is short, or ends a
 *    sentence with room left for the next word (the "would the next word have
 *    fitted" test of reflowing tools such as par and format=flowed, RFC 3676),
 *    where the next line starts deeper (a first-line indent), and before a list
 *    item. Without a sentence end, a quarter of the width must be left (PDF
 *    viewers wrap proportional text, so widths in characters vary). A word hyphenated at a
 *    line end is joined without the hyphen only when the text itself spells
 *    it without one elsewhere.
 * 2. Optionally remove page furniture (lib/analysis/boilerplate): whole lines
 *    only, each one reported so that the editor sees it before saving. If that
 *    would remove most of the text, nothing is removed (body text is never
 *    removed wholesale).
 */
import { findBoilerplate } from "./analysis/boilerplate";

export interface CleanedPaste {
  text: string;
  /** Line breaks joined back into their paragraphs. */
  joinedLines: number;
  /** Lines removed as page furniture, as they read after unwrapping. */
  removed: string[];
  /** Why furniture removal was skipped, when it was. */
  skipped: string | null;
}

export interface PasteOptions {
  /** Remove navigation, promos, tag lists, reader comments… (whole lines). */
  removeFurniture: boolean;
  /** The first line is the headline (no title was given apart): never joined to the next. */
  headlineFirst?: boolean;
}

/** Share of the text furniture removal may take before it is judged wrong and skipped. */
export const MAX_REMOVED_SHARE = 0.5;

const LIST_ITEM = /^\s*(?:[-–—•*·▪◦●]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+\S/;
const SENTENCE_END = /[.!?…:;]["”’»)\]]*$/;
const INVISIBLE = /[\u00AD\u200B]/g;

const firstWord = (line: string) => line.trim().split(/\s+/, 1)[0] ?? "";

/** The column a hard-wrapped text was wrapped at, or null when its lines are paragraphs. */
function wrapWidth(blocks: string[][]): number | null {
  const lengths: number[] = [];
  for (const lines of blocks) for (let i = 0; i < lines.length - 1; i++) lengths.push(lines[i].trimEnd().length);
  if (lengths.length < 2) return null;
  lengths.sort((a, b) => a - b);
  const width = lengths[Math.floor((lengths.length - 1) * 0.8)];
  // Lines this long are a web page's paragraphs, not a wrapped column.
  return width > 140 || width < 20 ? null : width;
}

/** The indentation most prose lines share (a quoted e-mail's or a PDF's left margin), in characters. */
function bodyMargin(blocks: string[][]): number {
  const counts = new Map<number, number>();
  for (const lines of blocks) {
    for (const line of lines) {
      if (line.trim().split(/\s+/).length < 8) continue;
      const indent = line.length - line.trimStart().length;
      counts.set(indent, (counts.get(indent) ?? 0) + 1);
    }
  }
  let best = 0;
  let most = 0;
  for (const [indent, n] of counts) if (n > most || (n === most && indent < best)) [best, most] = [indent, n];
  return best;
}

/**
 * Joins the two halves of a word hyphenated at a line end, as the text itself
 * spells it: with the hyphen when it writes the word with one elsewhere,
 * without when it writes it without one, else as `whenUnsure` says (a pasted
 * e-mail wraps at spaces, so its line-end hyphens are real: "keep"; typeset
 * text hyphenates words to fit: "drop").
 */
export function joinHyphenated(left: string, right: string, text: string, whenUnsure: "keep" | "drop" = "keep"): string {
  const head = left.match(/(?<!\p{L})(\p{L}+)-$/u)?.[1];
  const tail = right.match(/^(\p{Ll}+)/u)?.[1];
  if (!head || !tail) return `${left}${right}`;
  const spelledHyphenated = new RegExp(`(?<!\\p{L})${head}-${tail}(?!\\p{L})`, "iu").test(text);
  const spelledJoined = new RegExp(`(?<!\\p{L})${head}${tail}(?!\\p{L})`, "iu").test(text);
  const keep = spelledHyphenated || (!spelledJoined && whenUnsure === "keep");
  return keep ? `${left}${right}` : `${left.slice(0, -1)}${right}`;
}

function unwrap(raw: string, headlineFirst: boolean): { text: string; joined: number } {
  const blocks = raw
    .split(/\n[ \t\u00a0]*\n/)
    .map((b) => b.split("\n").filter((l) => l.trim() !== ""))
    .filter((b) => b.length > 0);
  const width = wrapWidth(blocks);
  let joined = 0;
  const body = bodyMargin(blocks);
  const paragraphs = blocks.map((lines, b) => {
    // Lines that are paragraphs already: only the body's own margin goes (an
    // indentation deeper than the body's still tells furniture apart).
    if (width === null) return lines.map((l) => l.slice(Math.min(body, l.length - l.trimStart().length)).trimEnd()).join("\n");
    // The indentation most lines share is a margin; a deeper first line is a paragraph indent.
    const indents = lines.map((l) => l.length - l.trimStart().length);
    const margin = Math.min(...indents);
    const out: string[] = [lines[0].trim()];
    for (let i = 1; i < lines.length; i++) {
      const before = lines[i - 1].trimEnd();
      const line = lines[i].trim();
      const room = before.length + 1 + firstWord(line).length;
      const keepBreak =
        (headlineFirst && b === 0 && i === 1) ||
        LIST_ITEM.test(line) ||
        before.trim().length < width * 0.5 ||
        (SENTENCE_END.test(before) ? room <= width || indents[i] > margin + 1 : room <= width * 0.75);
      if (keepBreak) {
        out.push(line);
        continue;
      }
      joined++;
      const last = out[out.length - 1];
      out[out.length - 1] = /\p{L}-$/u.test(last) ? joinHyphenated(last, line, raw) : /\S[—–]$/.test(last) ? `${last}${line}` : `${last} ${line}`;
    }
    return out.join("\n");
  });
  return { text: paragraphs.join("\n\n"), joined };
}

export function cleanPastedText(raw: string, options: PasteOptions): CleanedPaste {
  const normalised = raw.replace(/\r\n?/g, "\n").replace(INVISIBLE, "");
  const { text: unwrapped, joined } = unwrap(normalised, options.headlineFirst ?? true);
  if (!options.removeFurniture) return { text: unwrapped, joinedLines: joined, removed: [], skipped: null };
  const found = findBoilerplate(unwrapped);
  const size = (s: string) => s.replace(/\s+/g, "").length;
  if (size(found.text) < size(unwrapped) * (1 - MAX_REMOVED_SHARE)) {
    return {
      text: unwrapped,
      joinedLines: joined,
      removed: [],
      skipped: "Page furniture was not removed: that would have removed most of the text.",
    };
  }
  return { text: found.text, joinedLines: joined, removed: found.removed.map((r) => r.text.trim()), skipped: null };
}
