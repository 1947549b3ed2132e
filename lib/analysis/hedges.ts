// Hedging words near a quote ("still seen as", "allegedly", "claimed") let
// readers see how far an outlet distances itself from what it quotes.

import { HEDGES } from "./data/hedges";
import { isWordCode } from "./text";

// Hedges keyed by their first word; multi-word hedges are checked word by word.
const BY_FIRST = new Map<string, string[][]>();
for (const h of HEDGES) {
  const words = h.toLowerCase().split(/[\s-]+/);
  const list = BY_FIRST.get(words[0]) ?? [];
  list.push(words);
  list.sort((a, b) => b.length - a.length);
  BY_FIRST.set(words[0], list);
}

/**
 * Hedges in text[from, to), outside the quoted ranges given (the quote's own
 * words are the speaker's, not the outlet's hedging). Lower case, in order,
 * without repeats.
 */
export function findHedges(text: string, from: number, to: number, quoted: [number, number][] = []): string[] {
  const words: { w: string; at: number }[] = [];
  let i = from;
  while (i < to) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && isWordCode(text.charCodeAt(j))) j++;
    words.push({ w: text.slice(i, j).toLowerCase(), at: i });
    i = j;
  }
  return hedgesIn(words.filter(({ at }) => !quoted.some(([a, b]) => at >= a && at < b)).map((x) => x.w));
}

/** Hedges among lower-case words already split (the attribution rules' tokens). */
export function hedgesIn(words: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const cands = BY_FIRST.get(words[k]);
    if (!cands) continue;
    for (const c of cands) {
      if (c.every((w, n) => words[k + n] === w)) {
        const h = c.join(" ");
        if (!out.includes(h)) out.push(h);
        k += c.length - 1; // "widely believed" is one hedge, not two
        break;
      }
    }
  }
  return out;
}
