// Finds quotations and their exact spans (the words between the marks, marks
// excluded), following the rules in shared/eval/GOLD.md:
//  - “ ” " ‘ ’ ' « » „ ‹ › and Hebrew ״ are marks; apostrophes inside words
//    (Pakistan’s, don't) or after plurals (groups’) are not;
//  - a quote nested in another is part of the outer one and is not listed;
//  - a quote left open at a paragraph's end and reopened in the next gives one
//    span per paragraph, linked so speaker and claim carry over;
//  - a closing mark whose opening was dropped, right after sentence
//    punctuation, spans from the start of its paragraph (or sentence);
//  - a stray closing mark after a plain word is not a quote.

import { SPEECH_VERBS } from "./data/attribution-verbs";
import { STOPWORDS } from "./data/stopwords";
import { type Paragraph, isSpaceCode as spaceCode, isWordCode as wordCode, isDigitCode, splitParagraphs } from "./text";

// Module-local bindings for per-character loops (see tokens.ts).
const isWordCode = wordCode;
const isSpaceCode = spaceCode;

export interface QuoteSpan {
  /** Offsets of the quoted words, marks excluded, white space trimmed. */
  start: number;
  end: number;
  /** Index of the opening mark, or null when the opening was dropped. */
  openMark: number | null;
  /** Index of the closing mark, or null when the quote runs to the paragraph end. */
  closeMark: number | null;
  paragraphIndex: number;
  /** Left open at the paragraph end and reopened by the next paragraph. */
  continuesNext: boolean;
  /** Reopens a quotation left open at the end of the previous paragraph. */
  continuesPrev: boolean;
  /** The closing mark had no opening mark; the span was rebuilt from the paragraph. */
  orphan: boolean;
}

type Family = "D" | "S" | "G" | "g" | "C";
type Role = "open" | "close" | "none";

interface OpenMark {
  fam: Family;
  pos: number;
  ch: string;
}

const MARKS = new Set(["“", "”", '"', "„", "‟", "״", "＂", "‘", "’", "'", "‚", "‛", "«", "»", "‹", "›", "「", "」", "『", "』"]);
const MARK_CODES = new Set([...MARKS].map((m) => m.charCodeAt(0)));
const STRAIGHT = new Set(['"', "＂", "״"]);
const MARK_RE = /[“”"„‟״＂‘’'‚‛«»‹›「」『』]/g;

// Words that start with an elided letter and so begin with an apostrophe.
const ELISIONS = new Set(["em", "til", "tis", "twas", "cause", "n", "round", "bout"]);

function isOpeningContext(c: number): boolean {
  // Start of text, white space, or punctuation that can precede an opening mark.
  return Number.isNaN(c) || isSpaceCode(c) || c === 40 || c === 91 || c === 123 || c === 0x2014 || c === 0x2013 ||
    c === 45 || c === 47 || c === 58 || MARK_CODES.has(c);
}

function isSentencePunct(c: number): boolean {
  return c === 46 || c === 44 || c === 33 || c === 63 || c === 0x2026 || c === 59 || c === 41 || c === 0x06d4 || c === 0x060c;
}

export function findQuotes(text: string, paragraphs: Paragraph[] = splitParagraphs(text)): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let carryFam: Family | null = null; // family of a quote left open by the previous paragraph
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    const next = paragraphs[p + 1];
    const res = scanParagraph(text, para, next, carryFam);
    out.push(...res.spans);
    carryFam = res.leftOpen;
  }
  return out;
}

interface Candidate {
  start: number;
  end: number;
  openMark: number | null;
  closeMark: number | null;
  orphan: boolean;
  continuesNext: boolean;
}

function scanParagraph(
  text: string,
  para: Paragraph,
  next: Paragraph | undefined,
  carry: Family | null,
): { spans: QuoteSpan[]; leftOpen: Family | null } {
  const ps = para.start;
  const pe = para.end;
  const stack: OpenMark[] = [];
  const cands: Candidate[] = [];
  let lastTopClose = -1;

  const has = (fam: Family) => {
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k].fam === fam) return k;
    return -1;
  };

  MARK_RE.lastIndex = ps;
  for (let m = MARK_RE.exec(text); m && m.index < pe; m = MARK_RE.exec(text)) {
    const i = m.index;
    const ch = m[0];
    const prev = i > ps ? text.charCodeAt(i - 1) : NaN;
    const nxt = i + 1 < pe ? text.charCodeAt(i + 1) : NaN;
    const prevWord = !Number.isNaN(prev) && isWordCode(prev);
    const nextWord = !Number.isNaN(nxt) && isWordCode(nxt);
    const prevOpen = isOpeningContext(prev);
    let fam: Family;
    let role: Role;
    switch (ch) {
      case "“": {
        fam = "D";
        const k = has("D");
        // „…“ (German) closes with “; sloppy typesetters also close with it.
        role = k >= 0 && (stack[k].ch === "„" || (!prevOpen && !nextWord)) ? "close" : "open";
        break;
      }
      case "”": {
        fam = "D";
        role = has("D") < 0 && prevOpen && nextWord ? "open" : "close";
        break;
      }
      case "„":
        fam = "D";
        role = "open";
        break;
      case "‟":
        fam = "D";
        role = "open";
        break;
      case '"':
      case "＂":
      case "״": {
        fam = "D";
        const k = has("D");
        const opening = prevOpen && !Number.isNaN(nxt) && !isSpaceCode(nxt);
        if (ch === "״" && prevWord && nextWord) role = "none"; // Hebrew acronym (צה״ל)
        else if (ch === '"' && isDigitCode(prev) && isFeetInches(text, i, ps)) role = "none"; // a height: 6'8"
        else if (k >= 0 && !STRAIGHT.has(stack[k].ch) && opening) role = "open"; // “… "inner" …”
        else if (k >= 0) role = "close";
        else role = opening ? "open" : "close";
        break;
      }
      case "«":
      case "‹": {
        fam = ch === "«" ? "G" : "g";
        const k = has(fam);
        role = k >= 0 && (stack[k].ch === "»" || stack[k].ch === "›") ? "close" : "open";
        break;
      }
      case "»":
      case "›": {
        fam = ch === "»" ? "G" : "g";
        // »…« is the German/Danish order.
        role = has(fam) < 0 && prevOpen && nextWord ? "open" : "close";
        break;
      }
      case "「":
      case "『":
        fam = "C";
        role = "open";
        break;
      case "」":
      case "』":
        fam = "C";
        role = "close";
        break;
      case "‘":
      case "‚":
      case "‛": {
        fam = "S";
        const k = has("S");
        if (prevWord && nextWord) role = "none"; // mistyped apostrophe: Pakistan‘s
        else if (isDigitCode(nxt)) role = "none"; // ‘90s
        else if (k >= 0 && (stack[k].ch === "‚" || (!prevOpen && !nextWord))) role = "close";
        else role = "open";
        break;
      }
      case "’":
      case "'": {
        fam = "S";
        const k = has("S");
        if (prevWord && nextWord) role = "none"; // don't, Pakistan’s
        else if (k >= 0 && !prevOpen) role = isPluralPossessive(text, i, pe, prev) ? "none" : "close";
        else if (ch === "'" && prevOpen && nextWord && !isDigitCode(nxt) && !ELISIONS.has(nextWordAt(text, i + 1, pe))) role = "open";
        else role = "none"; // groups’, ’90s, a lone apostrophe
        break;
      }
      default:
        continue;
    }
    if (role === "none") continue;
    if (role === "open") {
      stack.push({ fam, pos: i, ch });
      continue;
    }
    const k = has(fam);
    if (k >= 0) {
      const o = stack[k];
      stack.length = k; // inner marks never closed were apostrophes or typos
      cands.push({ start: o.pos + 1, end: i, openMark: o.pos, closeMark: i, orphan: false, continuesNext: false });
      if (k === 0) lastTopClose = i;
      continue;
    }
    // A closing mark with nothing open: a dropped opening mark, if the quoted
    // words end like a sentence or clause ("…six months,” the Pentagon said).
    if ((fam === "D" || fam === "G") && has("D") < 0 && has("G") < 0 && isSentencePunct(prev)) {
      const start = orphanStart(text, ps, lastTopClose, i);
      if (start !== null) {
        cands.push({ start, end: i, openMark: null, closeMark: i, orphan: true, continuesNext: false });
        lastTopClose = i;
      }
    }
  }

  // Whatever is still open at the paragraph end.
  let leftOpen: Family | null = null;
  const bottom = stack.find((o) => o.fam !== "S" && o.fam !== "g");
  if (bottom) {
    const reopened = next !== undefined && opensWith(text, next, bottom.fam);
    const typographic = bottom.ch !== '"' && bottom.ch !== "＂" && bottom.ch !== "״";
    if (reopened || typographic) {
      cands.push({ start: bottom.pos + 1, end: pe, openMark: bottom.pos, closeMark: null, orphan: false, continuesNext: reopened });
      if (reopened) leftOpen = bottom.fam;
    } else {
      // A straight quotation whose closing mark was dropped: it ends where its attribution
      // starts ("We will win, said Ann Cole.), or, opening the paragraph or after a colon,
      // at the paragraph end. Anything else (a stray inch mark) is no quotation.
      // A text cut off mid-quotation (an excerpt ending without sentence punctuation) runs to its end.
      const cut = next === undefined && cutOff(text, pe);
      const end = cut ? pe : droppedCloseEnd(text, bottom.pos + 1, pe);
      if (end !== null) cands.push({ start: bottom.pos + 1, end, openMark: bottom.pos, closeMark: null, orphan: false, continuesNext: false });
    }
  }

  const spans: QuoteSpan[] = [];
  for (const c of outermost(cands)) {
    let s = c.start;
    let e = c.end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e <= s) continue;
    spans.push({
      start: s,
      end: e,
      openMark: c.openMark,
      closeMark: c.closeMark,
      paragraphIndex: para.index,
      continuesNext: c.continuesNext,
      continuesPrev: carry !== null && c.openMark === ps,
      orphan: c.orphan,
    });
  }
  return { spans, leftOpen };
}

const DROPPED_CLOSE_CUE =
  /[,?!](?=\s+(?:(?:he|she|they|it|we|I)\s+|(?:the\s+)?(?:[A-Z][\p{L}.’'-]*\s+){1,4})?(?:said|says|added|adds|told|asked|wrote|writes|explained|insisted|noted)\b)/u;

function droppedCloseEnd(text: string, from: number, pe: number): number | null {
  const inner = text.slice(from, pe);
  if (!/^\s*[\p{L}\p{N}]/u.test(inner)) return null;
  const m = DROPPED_CLOSE_CUE.exec(inner);
  if (m) return from + m.index + 1;
  let b = from - 2;
  while (b >= 0 && (text[b] === " " || text[b] === "\u00a0")) b--;
  const atStart = b < 0 || text[b] === "\n" || text[b] === ":";
  return atStart ? pe : null;
}

/** The text ends at `pe` (nothing but white space after) in the middle of a sentence: an excerpt cut short. */
function cutOff(text: string, pe: number): boolean {
  if (text.slice(pe).trim() !== "") return false;
  const last = text.slice(0, pe).trimEnd();
  return /[\p{L}\p{N},;]$/u.test(last);
}

/** A straight double mark closing a height in feet and inches (6'8", 5′11″): a unit mark, not a quotation mark. */
function isFeetInches(text: string, i: number, from: number): boolean {
  let j = i - 1;
  while (j >= from && isDigitCode(text.charCodeAt(j))) j--;
  if (j < from || j === i - 1 || !"'’′".includes(text[j])) return false;
  return j > from && isDigitCode(text.charCodeAt(j - 1));
}

/** Keeps candidates not contained in another (nested quotes belong to the outer one). */
function outermost(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  let reach = -1;
  for (const c of sorted) {
    if (c.end <= reach) continue;
    out.push(c);
    reach = Math.max(reach, c.end);
  }
  return out;
}

function nextWordAt(text: string, i: number, end: number): string {
  let j = i;
  while (j < end && isWordCode(text.charCodeAt(j))) j++;
  return text.slice(i, j).toLowerCase();
}

const SPEECH_VERB_SET: ReadonlySet<string> = new Set(SPEECH_VERBS);

/**
 * “the groups’ leaders’ words”: an s’ followed by a lower-case word, with
 * another closing candidate later in the paragraph, is a plural possessive.
 */
function isPluralPossessive(text: string, i: number, end: number, prev: number): boolean {
  if (prev !== 115 && prev !== 83) return false; // s / S
  let j = i + 1;
  if (j >= end || !isSpaceCode(text.charCodeAt(j))) return false;
  while (j < end && isSpaceCode(text.charCodeAt(j))) j++;
  const c = text[j];
  if (!c || c === c.toUpperCase()) return false;
  // “the clans’ contacts”: a noun after s’ is what the plural owns (a quotation's close is
  // followed by a function word, a verb in the past or a cue: “… ministers’ and”, “… hawks’ warned”).
  const word = nextWordAt(text, j, end);
  if (word.length > 2 && !STOPWORDS.has(word) && !SPEECH_VERB_SET.has(word) && !/ed$/.test(word)) return true;
  for (let k = j; k < end; k++) {
    const ch = text[k];
    if (ch === "‘") return false;
    if ((ch === "’" || ch === "'") && !(k + 1 < end && isWordCode(text.charCodeAt(k + 1)) && isWordCode(text.charCodeAt(k - 1)))) return true;
  }
  return false;
}

function opensWith(text: string, para: Paragraph, fam: Family): boolean {
  const ch = text[para.start];
  if (fam === "D") return ch === "“" || ch === '"' || ch === "„" || ch === "”" || ch === "״";
  if (fam === "G") return ch === "«" || ch === "»";
  if (fam === "C") return ch === "「" || ch === "『";
  return false;
}

/** "The board noted that the agency …": a speech verb whose words follow as a that-clause. */
export const INDIRECT_SPEECH = new RegExp(`\\b(?:${SPEECH_VERBS.join("|")})\\b(?:\\s+\\S+){0,4}?\\s+that\\b`, "i");

/**
 * Skips whole sentences of indirect speech ("The board said on Monday that …")
 * at the start of an orphan quotation: the outlet's own report of what was said
 * is not the quoted words, which begin with the first sentence after them.
 */
function afterIndirectSpeech(text: string, s: number, closeAt: number): number {
  let start = s;
  for (let j = s; j < closeAt - 1; j++) {
    const c = text.charCodeAt(j);
    if ((c !== 46 && c !== 33 && c !== 63) || !isSpaceCode(text.charCodeAt(j + 1))) continue;
    let k = j + 1;
    while (k < closeAt && isSpaceCode(text.charCodeAt(k))) k++;
    if (k >= closeAt || !/\p{Lu}/u.test(text[k])) continue;
    if (!INDIRECT_SPEECH.test(text.slice(start, j))) break;
    start = k;
  }
  return start;
}

/**
 * Where a quotation whose opening mark was dropped begins: the paragraph
 * start, or, after an earlier quotation in the same paragraph, the first
 * sentence that starts after it. Null when no sentence start can be found.
 */
function orphanStart(text: string, ps: number, lastClose: number, closeAt: number): number | null {
  let s = ps;
  if (lastClose >= 0) {
    let found = -1;
    for (let j = lastClose + 1; j < closeAt - 1; j++) {
      const c = text.charCodeAt(j);
      if ((c === 46 || c === 33 || c === 63) && isSpaceCode(text.charCodeAt(j + 1))) found = j + 1;
    }
    if (found < 0) return null;
    s = found;
  }
  s = afterIndirectSpeech(text, s, closeAt);
  while (s < closeAt && (isSpaceCode(text.charCodeAt(s)) || "-–—•*".includes(text[s]))) s++;
  return s < closeAt ? s : null;
}
