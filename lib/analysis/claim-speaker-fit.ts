// Whether a quote's speaker and cited document fit a claim's: speaker keys that name one
// person ("name:kellner" / "name:marta kellner", or one word misspelt) and document keys that
// name one document ("doc-x" / "doc-x:2019"). claim-evidence.ts judges the wording.

import type { ClaimState, PreparedQuote } from "./claim-evidence";
import { misspeltWords } from "./text";

/** Same document, where a key without a year ("doc-x") fits any year of it ("doc-x:2019"). */
export function sameDocument(a: string, b: string): boolean {
  if (a === b) return true;
  const [da, ya] = a.split(":");
  const [db, yb] = b.split(":");
  return da === db && (!ya || !yb);
}

/**
 * Same speaker key, where a name as written in part fits the full name: outlets
 * introduce a person once and then use one name ("name:kellner" / "name:marta
 * kellner", "name:tedros" / "name:tedros adhanom ghebreyesus"), or keep a title
 * glued to it ("name:director-general tedros adhanom ghebreyesus"). Every word of
 * the shorter name must be a word of the longer one.
 */
export function sameSpeakerKey(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a.startsWith("name:") || !b.startsWith("name:")) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const words = nameWords(long);
  return nameWords(short).every((w) => w.length > 2 && words.includes(w));
}

const nameWordCache = new Map<string, string[]>();
function nameWords(key: string): string[] {
  let words = nameWordCache.get(key);
  if (!words) {
    words = key.slice(5).split(" ");
    if (nameWordCache.size > 100_000) nameWordCache.clear();
    nameWordCache.set(key, words);
  }
  return words;
}

/**
 * Speakers: "same"; "unknown" (one side or both unknown, or two spellings of one
 * name: "George Klutz" / "George Kurtz") — then only strong evidence links; or
 * "different" (two known speakers: never linked).
 */
export function speakerFit(q: PreparedQuote, c: Pick<ClaimState, "speakers" | "speakerWords">): "same" | "unknown" | "different" {
  if (!q.speakerKey || !c.speakers.size) return "unknown";
  if (c.speakers.has(q.speakerKey)) return "same";
  // Two names are one person only if they share a word (every word of the shorter is in the longer, or all but a misspelt one).
  let shared = false;
  for (const w of q.speakerWords) {
    if (c.speakerWords.has(w)) {
      shared = true;
      break;
    }
  }
  if (!shared) return "different";
  let misspelt = false;
  for (const s of c.speakers) {
    if (sameSpeakerKey(s, q.speakerKey)) return "same";
    if (!misspelt && misspeltName(s, q.speakerKey)) misspelt = true;
  }
  return misspelt ? "unknown" : "different";
}

/** Two names of the same words but one, spelt within two edits (same first letter, five letters or more). */
export function misspeltName(a: string, b: string): boolean {
  if (!a.startsWith("name:") || !b.startsWith("name:")) return false;
  return misspeltWords(nameWords(a), nameWords(b));
}

/** The words of a "name:" speaker key (none for a registry id). */
export function speakerWordsOf(key: string | null): string[] {
  return key && key.startsWith("name:") ? nameWords(key) : [];
}

/** The quote and every member of the claim cite one document (same issuer, same year). */
export function sameDocumentOnly(q: PreparedQuote, c: ClaimState): boolean {
  if (!q.documentKey || !c.documents.size) return false;
  for (const d of c.documents) if (!sameDocument(d, q.documentKey)) return false;
  return true;
}

/** The quote cites no document, or one that every document the claim's members cite is (a claim citing none fits any). */
export function documentFit(q: PreparedQuote, c: ClaimState): boolean {
  if (!q.documentKey) return true;
  for (const d of c.documents) if (!sameDocument(d, q.documentKey)) return false;
  return true;
}
