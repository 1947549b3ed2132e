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
      if (c === "." && j === i + 1 && isAbbreviation(wordBefore(text, i, para.start))) continue;
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
