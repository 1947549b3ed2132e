// The wording of the synthetic reader corpus (scripts/bench/web-corpus.ts) and
// the search queries readers type against it: invented place names from
// syllables, general English word banks, a quarter of the queries misspelt.
import { ADJECTIVES, NOUNS, ORG_KINDS, PREPS, rng, SYL, VERBS_PAST } from "./synthetic-news";
import type { CorpusInfo } from "./web-corpus";

export const PAPERS = ["Times", "Post", "Herald", "Daily", "Tribune", "Observer", "Courier", "Gazette", "News", "Record", "Chronicle", "Star"];
export const ATTRIBUTION = ["said", "noted", "claimed", "warned", "stated", "insisted", "added", "argued", "wrote", "told reporters"];
export const ALTERED = ["remains", "is still", "was seen as", "allegedly"];
export const HEDGES = ["alleged", "reportedly", "so-called", "seen as"];

export class Words {
  readonly places: string[];
  constructor(readonly rand: () => number) {
    const places = new Set<string>();
    while (places.size < 4000) {
      let w = "";
      for (let i = 0, n = 2 + Math.floor(rand() * 2); i < n; i++) w += SYL[Math.floor(rand() * SYL.length)];
      places.add(w[0].toUpperCase() + w.slice(1));
    }
    this.places = [...places];
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)];
  }
  /** Skewed towards the front of the list: a few words are common, most are rare. */
  skewed<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() ** 2.5 * xs.length)];
  }
  np(): string {
    return this.rand() < 0.5 ? `the ${this.pick(ADJECTIVES)} ${this.pick(NOUNS)}` : `the ${this.pick(NOUNS)} ${this.pick(NOUNS)}`;
  }
  claim(): string {
    const place = this.skewed(this.places);
    const r = this.rand();
    let s: string;
    if (r < 0.35) s = `${place} ${this.pick(VERBS_PAST)} ${this.np()} ${this.pick(PREPS)} ${this.np()}`;
    else if (r < 0.65) s = `The ${this.pick(ADJECTIVES)} ${this.pick(NOUNS)} in ${place} ${this.pick(VERBS_PAST)} ${this.np()} for ${this.skewed(this.places)} ${this.pick(NOUNS)}`;
    else if (r < 0.85) s = `${place} ${this.pick(ORG_KINDS)} ${this.pick(VERBS_PAST)} ${this.np()} and ${this.pick(VERBS_PAST)} ${this.np()}`;
    else s = `${this.np()[0].toUpperCase()}${this.np().slice(1)} in ${place} remained ${this.pick(ADJECTIVES)} ${this.pick(PREPS)} ${this.np()}`;
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  }
  filler(): string {
    return `${this.skewed(this.places)} officials ${this.pick(VERBS_PAST)} ${this.np()} ${this.pick(PREPS)} ${this.np()} last year, and ${this.np()} remained ${this.pick(ADJECTIVES)}.`;
  }
}

/** Edits that make a word misspelt as readers misspell: a letter dropped, doubled, swapped or replaced. */
function misspell(word: string, rand: () => number): string {
  const i = 1 + Math.floor(rand() * (word.length - 2));
  const r = rand();
  if (r < 0.25) return word.slice(0, i) + word.slice(i + 1);
  if (r < 0.5) return word.slice(0, i) + word[i] + word.slice(i);
  if (r < 0.75) return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
  const letters = "aeioustrnl";
  return word.slice(0, i) + letters[Math.floor(rand() * letters.length)] + word.slice(i + 1);
}

/**
 * `count` distinct search queries as readers type them: two or three words of
 * a claim's wording, one rare name, or two words of the vocabulary that may
 * not occur together; a quarter with one word misspelt.
 */
export function searchQueries(info: CorpusInfo, count: number, seed: number): { q: string; misspelt: boolean }[] {
  const rand = rng(seed);
  const seen = new Set<string>();
  const out: { q: string; misspelt: boolean }[] = [];
  const contentWords = (text: string) => text.replace(/[^\p{L}\s'-]/gu, "").split(/\s+/).filter((w) => w.length >= 4 && !/^(?:the|with|from|that|this|for|and|remained)$/i.test(w));
  while (out.length < count) {
    const r = rand();
    let words: string[];
    if (r < 0.6) {
      const ws = contentWords(info.sample[Math.floor(rand() * info.sample.length)].canonical);
      const n = Math.min(ws.length, 2 + Math.floor(rand() * 2));
      const at = Math.floor(rand() * Math.max(1, ws.length - n + 1));
      words = ws.slice(at, at + n);
    } else if (r < 0.75) {
      words = [info.vocabulary[Math.floor(rand() * info.vocabulary.length)]];
    } else {
      words = [0, 1].map(() => info.vocabulary[Math.floor(rand() * info.vocabulary.length)]);
    }
    if (words.length === 0) continue;
    const misspelt = out.filter((o) => o.misspelt).length < Math.ceil(count * 0.25) && rand() < 0.3;
    if (misspelt) {
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      if (longest.length < 4) continue;
      words = words.map((w) => (w === longest ? misspell(w, rand) : w));
    }
    const q = words.join(" ").toLowerCase();
    if (seen.has(q)) continue;
    seen.add(q);
    out.push({ q, misspelt });
  }
  // At least a quarter misspelt, whatever the draws: fix up the tail if needed.
  for (let i = out.length - 1; out.filter((o) => o.misspelt).length < Math.ceil(count * 0.25) && i >= 0; i--) {
    if (out[i].misspelt) continue;
    const words = out[i].q.split(" ");
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.length < 4) continue;
    const q = words.map((w) => (w === longest ? misspell(w, rand) : w)).join(" ");
    if (seen.has(q)) continue;
    seen.add(q);
    out[i] = { q, misspelt: true };
  }
  return out;
}
