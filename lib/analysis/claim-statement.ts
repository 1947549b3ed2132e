// Which quoted spans can be a claim of their own. Pure: no database, DOM or file system.
//
// A claim is one assertion (shared/eval GOLD.md: "usually one sentence of the source"), so a
// quotation becomes a new draft claim only when it states something: it has a finite verb and
// enough words to say what. A quoted term or scare quote (“safe haven”, “affiliated”), a title,
// a list of names or a verbless fragment (“control of major population centers”) is a quote
// and nothing more: it joins a claim only when the claim index links it to one or an editor
// attaches it. Part-of-speech tags come from wink-nlp (lib/analysis/nlp.ts); wink's tag set has
// no tense or finiteness, so finiteness is read from the tag, the word's form and its neighbours.

import { type Tag, tagPieces } from "./nlp";

/** Words a quoted clause with its own subject needs ("We are disappointed" has three). */
export const MIN_CLAUSE_WORDS = 3;
/**
 * Words a predicate needs when its subject is outside the quotation ("suffered an unprecedented
 * number of casualties …"): below this a predicate is a fragment ("established a relationship",
 * "committed to helping reduce violence").
 */
export const MIN_PREDICATE_WORDS = 6;

/** The quote as the analysis classified it (lib/analysis/kinds.ts, attribution's label flag). */
export interface ClaimCandidate {
  exact: string;
  kind?: "statement" | "phrase" | "title";
  /** A quoted characterisation ("refers to X as “affiliated”"): a label, never a claim. */
  label?: boolean;
}

// Finite auxiliaries and modals (never "be", "been", "being", which need a finite one beside them).
const FINITE_AUX = new Set([
  "am", "is", "are", "was", "were", "do", "does", "did", "has", "have", "had",
  "will", "would", "shall", "should", "can", "could", "may", "might", "must",
  "'s", "'re", "'m", "'ve", "'d", "'ll", "won't", "can't", "don't", "doesn't", "didn't",
  "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "wouldn't", "couldn't", "shouldn't",
]);
const SUBJECT_POS = new Set(["NOUN", "PROPN", "PRON", "NUM"]);
// After these, a verb is non-finite ("to serve", "will not allow": the modal is the finite one).
const NON_FINITE_BEFORE = new Set(["to"]);

const PIECE = /[\p{L}\p{N}][\p{L}\p{N}'’\-]*|[^\s\p{L}\p{N}]/gu;
const WORD = /^[\p{L}\p{N}]/u;

/**
 * True when the quoted span is a statement that can be a claim of its own; false for titles,
 * labels, quoted terms and verbless or predicate-only fragments. `exact` is the quote's text as
 * printed (marks excluded). Deterministic; tags only the quote's own words (a few per quote).
 */
export function isClaimStatement(q: ClaimCandidate): boolean {
  if (q.kind === "title" || q.label) return false;
  const pieces = (q.exact.replace(/’/g, "'").match(PIECE) ?? []).filter((p) => p !== "'");
  const words = pieces.filter((p) => WORD.test(p));
  if (words.length < MIN_CLAUSE_WORDS) return false;
  const finite = finiteVerb(pieces, tagPieces(pieces));
  if (!finite) return false;
  return finite.hasSubject || words.length >= MIN_PREDICATE_WORDS;
}

/**
 * Whether the quote has a finite verb, and whether any finite verb has a subject before it
 * inside the quote (null: no finite verb).
 */
function finiteVerb(pieces: string[], tags: readonly Readonly<Tag>[]): { hasSubject: boolean } | null {
  let seenSubject = false;
  let finite = false;
  for (let i = 0; i < pieces.length; i++) {
    if (isFiniteVerb(pieces, tags, i)) {
      finite = true;
      if (seenSubject) return { hasSubject: true };
    }
    if (SUBJECT_POS.has(tags[i].pos)) seenSubject = true;
  }
  return finite ? { hasSubject: false } : null;
}

function isFiniteVerb(pieces: string[], tags: readonly Readonly<Tag>[], i: number): boolean {
  const w = pieces[i].toLowerCase();
  const { pos, lemma } = tags[i];
  if (pos !== "AUX" && pos !== "VERB") return false;
  const prev = previousWord(pieces, tags, i);
  if (prev !== null && NON_FINITE_BEFORE.has(pieces[prev].toLowerCase())) return false;
  if (FINITE_AUX.has(w)) return true;
  if (pos !== "VERB" || w.endsWith("ing")) return false;
  const prevPos = prev === null ? null : tags[prev].pos;
  // A base form ("reject") is finite only after a pronoun subject ("We reject"); after a noun
  // it is as likely an imperative or a list of infinitives ("hold rallies, raise money").
  if (lemma === w) return prevPos === "PRON";
  // An inflected form ("remained", "draws", "took"). A participle in a reduced relative
  // ("the threat posed by …") or used as an adjective ("the affiliated HQN", "other regionally
  // focused groups") is not the clause's verb.
  if (pieces[i + 1]?.toLowerCase() === "by" && prevPos !== null) return false;
  if (prevPos === null || SUBJECT_POS.has(prevPos)) return true;
  const next = tags[i + 1]?.pos;
  return prevPos === "ADJ" && next !== "NOUN" && next !== "PROPN" && next !== "ADJ";
}

/**
 * Index of the nearest word before i, skipping adverbs and "not" ("also increased"); null at
 * the start of the quote or of a clause (after punctuation: "Afghanistan, in particular, continued").
 */
function previousWord(pieces: string[], tags: readonly Readonly<Tag>[], i: number): number | null {
  for (let j = i - 1; j >= 0; j--) {
    if (tags[j].pos === "ADV" || (tags[j].pos === "PART" && pieces[j].toLowerCase() === "not")) continue;
    return WORD.test(pieces[j]) ? j : null;
  }
  return null;
}
