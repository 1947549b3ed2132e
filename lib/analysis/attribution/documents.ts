// Documents named outside cues ("the State Department released its annual report") and the
// document key (issuer + year) each attributed quote carries.

import { CLAUSE_WORDS } from "../data/stopwords";
import type { Tok } from "../tokens";
import type { Attribution, Context, Cue } from "./context";
import { fromEntry, interpret, noteDocument, remember, setDocument } from "./mentions";
import { collectBack, collectForward, isNameLike } from "./noun-phrases";
import { ADVERB_SKIP, ARTICLES, BE, DOCS, NP_JOINERS, ORGS, POSSESSIVE_DETS, REPORTS, YEAR } from "./words";

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
