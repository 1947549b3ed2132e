// Sentence boundaries that respect quotations: a full stop inside quoted words
// (“…any safe haven. Pakistan will not…”) does not end the outlet's sentence,
// so a quote and its attribution stay in one sentence.

import type { Paragraph } from "./text";
import { isAbbreviation, isSpaceCode as spaceCode, isWordCode } from "./text";

const isSpaceCode = spaceCode; // module-local binding for the per-character loop
const END_RE = /[.!?…۔؟]/g;
import type { QuoteSpan } from "./quotes";

export interface Sentence {
  index: number;
  paragraphIndex: number;
  start: number;
  end: number;
}

const CLOSERS = new Set(["”", "’", '"', "'", "»", "›", ")", "]", "״"]);
const OPENERS = new Set(["“", "‘", '"', "'", "«", "„", "(", "[", "‹", "»", "״"]);

export function splitSentences(text: string, paragraphs: Paragraph[], quotes: QuoteSpan[]): Sentence[] {
  const out: Sentence[] = [];
  let q = 0;
  for (const para of paragraphs) {
    // Quote interiors of this paragraph, as [from, to) ranges where no boundary may fall.
    const inside: [number, number][] = [];
    while (q < quotes.length && quotes[q].paragraphIndex < para.index) q++;
    for (let k = q; k < quotes.length && quotes[k].paragraphIndex === para.index; k++) {
      const s = quotes[k];
      inside.push([s.openMark ?? s.start, s.closeMark ?? para.end]);
    }
    let sentStart = para.start;
    let r = 0;
    END_RE.lastIndex = para.start;
    for (let m = END_RE.exec(text); m && m.index < para.end; m = END_RE.exec(text)) {
      const i = m.index;
      const c = m[0];
      let j = i + 1;
      while (j < para.end && CLOSERS.has(text[j])) j++;
      if (j >= para.end || !isSpaceCode(text.charCodeAt(j))) continue;
      let k = j;
      while (k < para.end && isSpaceCode(text.charCodeAt(k))) k++;
      if (k >= para.end) continue;
      const nc = text[k];
      const startsSentence = OPENERS.has(nc) || (isWordCode(nc.charCodeAt(0)) && nc === nc.toUpperCase() && nc !== nc.toLowerCase()) || /[0-9\u0590-\u08ff]/.test(nc);
      if (!startsSentence) continue;
      while (r < inside.length && inside[r][1] < j) r++;
      if (r < inside.length && inside[r][0] < j && j <= inside[r][1]) continue;
      if (c === "." && j === i + 1 && isAbbreviation(wordBefore(text, i, para.start)) && !initialismEndsSentence(text, i, k, para)) continue;
      out.push({ index: out.length, paragraphIndex: para.index, start: sentStart, end: j });
      sentStart = k;
    }
    out.push({ index: out.length, paragraphIndex: para.index, start: sentStart, end: para.end });
  }
  return out;
}

function wordBefore(text: string, i: number, min: number): string {
  let s = i;
  while (s > min && (isWordCode(text.charCodeAt(s - 1)) || text[s - 1] === ".")) s--;
  return text.slice(s, i);
}

// Words that open a sentence but cannot follow a name inside one: "… in the U.S. The agency said".
const SENTENCE_OPENERS = new Set(
  ("the a an but and he she it they we this these those there however meanwhile its their his her our yet so " +
    "still after when while although in on at if").split(" "),
);

/**
 * An initialism with dots ("U.S.", "U.N.") ends the sentence when a function word that only
 * opens sentences follows it with a capital ("… in the U.S. The …"); a title ("Dr.", "Gen.")
 * never does, since a name follows it.
 */
function initialismEndsSentence(text: string, dot: number, next: number, para: Paragraph): boolean {
  const w = wordBefore(text, dot, para.start);
  if (!/^(?:\p{L}\.)+\p{L}$/u.test(w) || w.length < 3) return false;
  let e = next;
  while (e < para.end && isWordCode(text.charCodeAt(e))) e++;
  const nw = text.slice(next, e);
  return nw.length > 0 && nw[0] !== nw[0].toLowerCase() && SENTENCE_OPENERS.has(nw.toLowerCase());
}
