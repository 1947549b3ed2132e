// Documents named outside cues ("the State Department released its annual report") and the
// document key (issuer + year) each attributed quote carries.

import { CLAUSE_WORDS } from "../data/stopwords";
import type { Tok } from "../tokens";
import type { Attribution, Context, Cue, ResolvedSpeaker } from "./context";
import { isCalendarWord, isFirstName, isOrganizationWord, isPlaceWord } from "../nlp";
import { fromEntry, interpret, noteDocument, remember, setDocument } from "./mentions";
import { cleanName, personIn } from "./persons";
import { collectBack, collectForward, isNameLike } from "./noun-phrases";
import { ADVERB_SKIP, ARTICLES, BE, DOCS, NP_JOINERS, ORGS, POSSESSIVE_DETS, PRONOUNS, REPORTS, TIME_WORDS, YEAR } from "./words";

// ---------------------------------------------------------------------------
// Documents named outside cues ("The State Department’s newly released
// Country Reports on Terrorism 2016 points to …"), and "in its latest report".

export function noteDocuments(text: string, toks: Tok[], cues: Cue[], ctx: Context) {
  const words: string[] = [];
  for (const t of toks) if (t.kind === "word") words.push(t.lower);
  for (const m of ctx.registry.findDocuments(words)) {
    const key = noteDocument(ctx, m.entry, m.after && YEAR.test(m.after) ? m.after : m.before);
    setDocument(ctx, fromEntry(ctx.registry, m.entry), key);
  }
  // "Mehta wrote in his 277-page ruling": the document a person wrote or spoke in is that person's,
  // so a later "the ruling said" is theirs.
  const person = cues.find((c) => c.speaker && c.speaker.kind !== "organisation" && c.speaker.kind !== "document")?.speaker;
  if (person && ownDocument(toks)) {
    setDocument(ctx, person, null);
    return;
  }
  let speaker = cues.find((c) => c.speaker && c.speaker.kind !== "person")?.speaker;
  if (!speaker) {
    // "The State Department released its annual report", "The ministry issued a statement":
    // the sentence's subject issues it.
    if (!toks.some((t, k) => (POSSESSIVE_DETS.has(t.lower) || ARTICLES.has(t.lower)) && k > 0 && toks.slice(k + 1, k + 4).some((u) => REPORTS.has(u.lower) && !u.cap))) return;
    let e = 0;
    while (e < toks.length && toks[e].kind === "word" && (toks[e].cap || ARTICLES.has(toks[e].lower) || NP_JOINERS.has(toks[e].lower))) e++;
    if (e === 0 || !isNameLike(toks, [0, e - 1])) return;
    const r = interpret(text, toks, [0, e - 1], ctx, []);
    if (!r?.speaker?.id || r.speaker.kind === "person") return; // only known bodies: "In January" is no issuer
    speaker = r.speaker;
    remember(ctx, speaker);
  }
  for (let k = 0; k < toks.length; k++) {
    if (!POSSESSIVE_DETS.has(toks[k].lower)) continue;
    for (let j = k + 1; j <= k + 3 && j < toks.length; j++) {
      if (toks[j].kind !== "word") break;
      if (REPORTS.has(toks[j].lower) && !toks[j].cap) {
        if (ctx.lastDocument?.name !== speaker.name) setDocument(ctx, speaker, null);
        return;
      }
    }
  }
}

/** "in his ruling", "in her 40-page statement": "in", a personal possessive, then a document noun within three words, none of them a possessive. */
function ownDocument(toks: Tok[]): boolean {
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k - 1].lower !== "in" || (toks[k].lower !== "his" && toks[k].lower !== "her")) continue;
    for (let j = k + 1; j <= k + 3 && j < toks.length; j++) {
      const t = toks[j];
      if (t.kind !== "word" || t.poss || t.cap) break;
      if (DOCS.has(t.lower)) return true;
    }
  }
  return false;
}

/**
 * "In its statement, the bank was a little more hopeful. “…,” it said.": a body (or a document,
 * for its issuer) that is a sentence's subject is what a later "it" means, even when that
 * sentence quotes nobody.
 */
export function noteSubject(text: string, toks: Tok[], ctx: Context) {
  let from = 0;
  // Skip an opening prepositional phrase up to its comma ("In its statement,").
  if (toks[0]?.kind === "word" && CLAUSE_WORDS.has(toks[0].lower) && !ARTICLES.has(toks[0].lower)) {
    from = toks.findIndex((t, k) => k < 10 && t.text === ",") + 1;
    if (from <= 0) return;
  }
  let e = from;
  while (e < toks.length && e - from < 8 && toks[e].kind === "word" && !BE.has(toks[e].lower) && !ADVERB_SKIP.has(toks[e].lower)) e++;
  if (e === from || e >= toks.length || toks[e].kind !== "word" || !(BE.has(toks[e].lower) || ADVERB_SKIP.has(toks[e].lower))) return;
  let np = collectBack(toks, e - 1);
  // "The UN water report released on Tuesday was …": a document with a participle after it.
  if (np && np[0] !== from) np = collectForward(toks, from);
  if (!np || np[0] !== from || toks[np[0]].lower !== "the") return;
  const doc = REPORTS.has(toks[np[1]].lower);
  if (!doc && !ORGS.has(toks[np[1]].lower)) return;
  const r = interpret(text, toks, np, ctx, []);
  if (r?.speaker && r.speaker.kind !== "person") {
    ctx.lastOrg = r.speaker;
    ctx.lastSpeaker = r.speaker;
    if (doc) setDocument(ctx, r.speaker, r.documentKey);
  }
}



/**
 * "AstraZeneca appeared to play down …", "The Bank of Norland kept its rate …": a proper name of
 * one to six words (with "of", "for", "and" inside) that opens the sentence, after any dateline
 * ("LONDON (Reuters) -"), and is followed by a lower-case word, names a body when it names no
 * person, place, date or document. Kept in ctx.bodies, and as ctx.leadBody when `lead`.
 */
export function noteOpeningBody(text: string, toks: Tok[], ctx: Context, lead: boolean) {
  let a = datelineEnd(toks);
  if (toks[a]?.lower === "the" && toks[a + 1]?.cap) a++;
  let b = a;
  while (toks[b]?.kind === "word" && (toks[b].cap || (NP_JOINERS.has(toks[b].lower) && toks[b + 1]?.cap && b > a)) && b - a < 6 && !toks[b].poss) b++;
  const next = toks[b];
  if (b === a || !next || next.kind !== "word" || next.cap || CLAUSE_WORDS.has(next.lower) || next.poss) return;
  const last = b - 1;
  if (a === last && (isPlaceWord(toks[a].lower) || isCalendarWord(toks[a].lower) || TIME_WORDS.has(toks[a].lower) || PRONOUNS.has(toks[a].lower))) return;
  if (personIn(toks, a, last) || DOCS.has(toks[last].lower) || REPORTS.has(toks[last].lower)) return;
  for (let k = a; k <= last; k++) if (isFirstName(toks[k].text)) return;
  // Resolved without interpret(), which would remember an unknown two-word name as a person.
  const phrase = text.slice(toks[a].start, toks[last].end);
  const entry = ctx.registry.resolve(phrase);
  if (entry && entry.kind !== "organisation" && entry.kind !== "government") return;
  const orgish = toks.slice(a, b).some((t) => ORGS.has(t.lower) || isOrganizationWord(t.lower));
  const body: ResolvedSpeaker = entry ? fromEntry(ctx.registry, entry) : { id: null, name: cleanName(phrase), kind: orgish ? "organisation" : "unknown", generic: false };
  ctx.bodies.push(body);
  if (lead && !ctx.leadBody) ctx.leadBody = body;
}

/**
 * Index of the first token after a dateline: a place in capitals, perhaps a comma and a region,
 * then an agency in brackets, a dash, or both ("LONDON (Reuters) -", "FROSTVIK, Norland (AD) —",
 * "PARIS —"); 0 when the sentence opens with none. The tokenizer drops a bare hyphen.
 */
function datelineEnd(toks: Tok[]): number {
  const allCaps = (t: Tok | undefined) => !!t && t.kind === "word" && t.cap && t.text.length > 1 && t.text === t.text.toUpperCase();
  let k = 0;
  while (allCaps(toks[k]) && k < 4) k++;
  if (k === 0) return 0;
  if (toks[k]?.text === ",") {
    let r = k + 1;
    while (toks[r]?.kind === "word" && toks[r].cap && r - k <= 3) r++;
    if (r === k + 1) return 0;
    k = r;
  }
  let marked = false;
  if (toks[k]?.text === "(" && toks[k + 2]?.text === ")") {
    k += 3;
    marked = true;
  }
  if (toks[k] && /^[-–—]$/.test(toks[k].text)) {
    k++;
    marked = true;
  }
  return marked && toks[k]?.kind === "word" && toks[k].cap ? k : 0;
}

export function assignDocuments(out: Attribution[], ctx: Context) {
  for (const a of out) {
    if (a.documentKey || !a.speaker?.id) continue;
    let best: { key: string; count: number } | null = null;
    for (const d of ctx.documentKeys.values()) {
      if (d.issuer !== a.speaker.id) continue;
      if (!best || d.count > best.count) best = d;
    }
    if (best) a.documentKey = best.key;
  }
}
