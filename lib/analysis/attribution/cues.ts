// Attribution cues inside one sentence: "X said", "said X", "according to X", "X: “…”",
// participles and coordinated verbs that share a subject, and headline cues after a colon.

import { CLAUSE_WORDS } from "../data/stopwords";
import type { Tok } from "../tokens";
import { afterDocument, isVerb, wentOnTo } from "./verbs";
import type { Context, Cue, Interp, ResolvedSpeaker } from "./context";
import { interpret, remember, setDocument } from "./mentions";
import { collectBack, collectForward, isNameLike } from "./noun-phrases";
import { isTitleWord } from "./persons";
import { collectSubject, firstVerbSubject, issuedBy, leadingSubject, sentenceSubject } from "./subjects";
import { ARTICLES, DOCS, LABEL, NO_INVERSION, PERSON_HEADS, ROLE_ADJECTIVES, SPEECH, TIME_WORDS } from "./words";

// ---------------------------------------------------------------------------
// Cue detection

export function findCues(text: string, toks: Tok[], ctx: Context): Cue[] {
  const cues: Cue[] = [];
  for (let v = 0; v < toks.length; v++) {
    const t = toks[v];
    if (t.kind === "quote") {
      const c = predicateCue(text, toks, v, ctx, cues) ?? possessorCue(text, toks, v, ctx, cues) ?? dashCue(text, toks, v, ctx, cues);
      if (c) cues.push(c);
      continue;
    }
    if (t.kind !== "word") continue;
    // "a claim the Government of Norland made to lenders — that the funds were “recovered”": the claim's maker.
    if (CLAIM_NOUNS.has(t.lower) && !t.cap) {
      const c = claimMakerCue(text, toks, v, ctx, cues);
      if (c) {
        cues.push(c);
        continue;
      }
    }
    // "according to X" (and the typo "according the X")
    if (t.lower === "according") {
      let j = v + 1;
      if (toks[j]?.lower === "to") j++;
      const np = collectForward(toks, j);
      if (np) {
        const by = issuedBy(toks, np[1] + 1);
        const speaker = interpret(text, toks, by ?? np, ctx, cues);
        if (by && speaker?.speaker && speaker.speaker.kind !== "person") setDocument(ctx, speaker.speaker, speaker.documentKey);
        cues.push(makeCue(t.start, toks[v + 1]?.lower === "to" ? toks[v + 1].end : t.end, toks[np[0]].start, toks[(by ?? np)[1]].end, v, speaker, ctx));
      }
      continue;
    }
    if (!isVerb(toks, v)) continue;
    const prev = toks[v - 1];
    // Inverted order right after a quotation: "“…,” said the report".
    const afterQuote = prev && (prev.kind === "quote" || (prev.text === "," && toks[v - 2]?.kind === "quote"));
    // "The Foreign Office rejected the report, saying it was “…”": the participle's subject is the clause's.
    if (t.lower.endsWith("ing") && (prev?.text === "," || afterDocument(toks, v))) {
      const earlier = [...cues].reverse().find((c) => c.speaker);
      if (earlier) {
        cues.push({ ...earlier, verbStart: t.start, verbEnd: t.end, start: t.start, end: t.end, at: v });
        continue;
      }
      // "The company declined to comment but later issued a statement saying": the first verb's subject.
      const np = sentenceSubject(toks) ?? firstVerbSubject(toks, v);
      if (np) {
        const speaker = interpret(text, toks, np, ctx, cues);
        cues.push(makeCue(t.start, t.end, toks[np[0]].start, t.end, v, speaker, ctx));
      }
      continue;
    }
    // "Victor Sande, whose party trails, repeated his claim … but said he would …": a verb
    // coordinated by "and"/"but" shares the clause's subject (an earlier cue, or the sentence's opening name).
    if (prev && prev.kind === "word" && (prev.lower === "and" || prev.lower === "but") && !afterQuote) {
      const earlier = [...cues].reverse().find((c) => c.speaker);
      if (earlier) {
        cues.push({ ...earlier, verbStart: t.start, verbEnd: t.end, start: t.start, end: t.end, at: v });
        continue;
      }
      const np = leadingSubject(toks, v - 1) ?? firstVerbSubject(toks, v - 1);
      if (np) {
        const speaker = interpret(text, toks, np, ctx, cues);
        cues.push(makeCue(t.start, t.end, toks[np[0]].start, t.end, v, speaker, ctx));
      }
      continue;
    }
    // "The council has played a “decisive” role …, says a report issued by the Audit Office.":
    // a verb after a comma whose noun phrase ends the sentence is inverted; what is before it is no subject.
    if (!afterQuote && prev?.text === "," && !NO_INVERSION.has(t.lower) && !TELL.has(t.lower) && !t.lower.endsWith("ing")) {
      const after = toks[v + 1];
      const np = after && (ARTICLES.has(after.lower) || (after.cap && !CLAUSE_WORDS.has(after.lower))) ? collectForward(toks, v + 1) : null;
      const by = np && issuedBy(toks, np[1] + 1);
      const last = by ? by[1] : np?.[1];
      if (np && last !== undefined && endsSentence(toks, last + 1) && (isNameLike(toks, np) || DOCS.has(toks[np[1]].lower) || PERSON_HEADS.has(toks[np[1]].lower))) {
        const speaker = interpret(text, toks, by ?? np, ctx, cues);
        cues.push(makeCue(t.start, t.end, t.start, toks[last].end, v, speaker, ctx));
        continue;
      }
    }
    // "He went on to say …": the subject is the one of "went".
    const left = afterQuote ? null : collectSubject(toks, prev?.lower === "to" && wentOnTo(toks, v - 1) ? v - 3 : v);
    if (left) {
      const speaker = interpret(text, toks, left, ctx, cues);
      cues.push(makeCue(t.start, t.end, toks[left[0]].start, t.end, v, speaker, ctx));
      continue;
    }
    if ((afterQuote && !NO_INVERSION.has(t.lower)) || v === 0) {
      const np = collectForward(toks, v + 1);
      if (np) {
        const speaker = interpret(text, toks, np, ctx, cues);
        cues.push(makeCue(t.start, t.end, t.start, toks[np[1]].end, v, speaker, ctx));
      }
    }
  }
  colonCues(text, toks, cues, ctx);
  const lead = leadInCue(text, toks, ctx, cues);
  if (lead) cues.push(lead);
  return cues;
}

/** "“…” —Commissioner Ana Ruiz": a name after a dash that follows the quotation and ends the sentence. */
function dashCue(text: string, toks: Tok[], k: number, ctx: Context, cues: Cue[]): Cue | null {
  const d = toks[k + 1];
  if (!d || (d.text !== "—" && d.text !== "–")) return null;
  // "„…” – dodała.": a verb alone after the dash (a language that drops the pronoun) means the person named last.
  const v = toks[k + 2];
  if (v?.kind === "word" && !v.cap && endsSentence(toks, k + 3)) {
    const person = ctx.persons[ctx.persons.length - 1]?.speaker;
    return person ? makeCue(d.start, v.end, d.start, v.end, k + 1, { speaker: person, documentKey: null }, ctx) : null;
  }
  const np = collectForward(toks, k + 2);
  if (!np || !endsSentence(toks, np[1] + 1) || !isNameLike(toks, np)) return null;
  const speaker = interpret(text, toks, np, ctx, cues);
  if (!speaker?.speaker || speaker.speaker.generic) return null;
  return makeCue(d.start, d.end, d.start, toks[np[1]].end, k + 1, speaker, ctx);
}

/**
 * "And from board chair Ana Ruiz:" — a sentence with no quotation that ends in a colon after a
 * name leads in the quotation of the next paragraph: the name is the sentence's speaker.
 */
function leadInCue(text: string, toks: Tok[], ctx: Context, cues: Cue[]): Cue | null {
  const last = toks.length - 1;
  if (last < 1 || toks[last].text !== ":" || cues.length || toks.some((t) => t.kind === "quote")) return null;
  const np = collectBack(toks, last - 1);
  if (!np || !isNameLike(toks, np)) return null;
  const speaker = interpret(text, toks, np, ctx, cues);
  if (!speaker?.speaker || speaker.speaker.generic || speaker.speaker.kind === "document") return null;
  return makeCue(toks[last].start, toks[last].end, toks[np[0]].start, toks[last].end, last, speaker, ctx);
}

/**
 * "Jonas Brekke, chief economist at Nordhavn Bank: “…”", "Governor Marta Kellner was blunt: “…”":
 * a quotation right after a colon, with no verb of saying before it, belongs to the name the
 * sentence opens with.
 */
export function colonCues(text: string, toks: Tok[], cues: Cue[], ctx: Context) {
  for (let k = 2; k < toks.length; k++) {
    if (toks[k].kind !== "quote" || toks[k - 1].text !== ":") continue;
    if (k - 1 > 24 || cues.some((c) => c.at < k)) continue;
    const np = leadingSubject(toks, k - 1);
    if (!np) continue;
    const speaker = interpret(text, toks, np, ctx, cues);
    if (!speaker?.speaker) continue;
    cues.push(makeCue(toks[k - 1].start, toks[k - 1].end, toks[np[0]].start, toks[k - 1].end, k - 1, speaker, ctx));
  }
}

// Verbs whose object is the listener ("told a briefing", "assured reporters"): never inverted.
const TELL = new Set(["tell", "tells", "told", "ask", "asks", "asked", "inform", "informs", "informed", "assure", "assures", "assured", "brief", "briefs", "briefed"]);

const AUX = new Set(["had", "has", "have", "was", "were", "is", "are", "did", "would", "will", "also", "already", "previously", "repeatedly", "earlier", "flatly", "strongly"]);

/**
 * "The Water Ministry had “denied all wrongdoing”": a quotation that opens with a verb of saying
 * is the predicate of the clause's subject, which says it. Only when the subject opens the
 * sentence or follows a comma, and the quotation's first word is a listed verb in a past form.
 */
function predicateCue(text: string, toks: Tok[], k: number, ctx: Context, cues: Cue[]): Cue | null {
  const first = /^\P{L}*(\p{L}+)/u.exec(text.slice(toks[k].start, Math.min(toks[k].end, toks[k].start + 40)))?.[1];
  if (!first || first !== first.toLowerCase() || !SPEECH.has(first) || !/(?:ed|said|told|wrote)$/.test(first)) return null;
  let j = k - 1;
  while (j >= 0 && toks[j].kind === "word" && AUX.has(toks[j].lower) && !toks[j].cap) j--;
  if (j === k - 1 || j < 0 || toks[j].kind !== "word") return null;
  const np = collectBack(toks, j);
  if (!np || !(np[0] === 0 || toks[np[0] - 1]?.text === ",") || !isNameLike(toks, np)) return null;
  const speaker = interpret(text, toks, np, ctx, cues);
  if (!speaker?.speaker) return null;
  return makeCue(toks[j + 1].start, toks[k - 1].end, toks[np[0]].start, toks[k - 1].end, k - 1, speaker, ctx);
}

/** "Downtrack's “map shows where …”": the words right after a possessive name are its owner's. */
function possessorCue(text: string, toks: Tok[], k: number, ctx: Context, cues: Cue[]): Cue | null {
  const o = toks[k - 1];
  if (!o || o.kind !== "word" || !o.poss || !o.cap || TIME_WORDS.has(o.lower.replace(/['’]s?$/, ""))) return null;
  let a = k - 1;
  while (a > 0 && toks[a - 1].kind === "word" && toks[a - 1].cap && !toks[a - 1].poss && k - a < 5) a--;
  if (a === 0 && CLAUSE_WORDS.has(toks[0].lower) && a < k - 1) a++;
  const speaker = interpret(text, toks, [a, k - 1], ctx, cues);
  if (!speaker?.speaker || speaker.speaker.kind === "document") return null;
  return makeCue(o.start, o.end, toks[a].start, o.end, k - 1, speaker, ctx);
}

const CLAIM_NOUNS = new Set(["claim", "assertion", "argument", "promise", "pledge", "contention", "allegation"]);
const MADE = new Set(["made", "makes", "make", "gave", "offered"]);

/** "claim (that) X made": X, at the verb, when X is a name. */
function claimMakerCue(text: string, toks: Tok[], v: number, ctx: Context, cues: Cue[]): Cue | null {
  let j = v + 1;
  if (toks[j]?.lower === "that" || toks[j]?.lower === "which") j++;
  const np = toks[j] && (ARTICLES.has(toks[j].lower) || toks[j].cap) ? collectForward(toks, j) : null;
  if (!np || !isNameLike(toks, np)) return null;
  let m = np[1] + 1;
  if (toks[m]?.lower === "had" || toks[m]?.lower === "has") m++;
  if (!toks[m] || !MADE.has(toks[m].lower)) return null;
  const speaker = interpret(text, toks, np, ctx, cues);
  if (!speaker?.speaker || speaker.speaker.generic) return null;
  return makeCue(toks[m].start, toks[m].end, toks[np[0]].start, toks[m].end, m, speaker, ctx);
}

/** Nothing but closing punctuation and marks from token `k` to the sentence's end. */
function endsSentence(toks: Tok[], k: number): boolean {
  for (; k < toks.length; k++) if (toks[k].kind === "word") return false;
  return true;
}

export function makeCue(verbStart: number, verbEnd: number, a: number, b: number, at: number, speaker: Interp | null, ctx: Context): Cue {
  const s = speaker?.speaker ?? null;
  if (s) remember(ctx, s);
  return {
    verbStart, verbEnd, start: Math.min(a, verbStart), end: Math.max(b, verbEnd), at, speaker: s,
    documentKey: speaker?.documentKey ?? null,
  };
}


/** The cue a quote belongs to: the nearest one in its sentence, ties going to the cue after it. */
export function nearestCue(cues: Cue[], k: number, toks: Tok[]): Cue | null {
  let best: Cue | null = null;
  let bestD = Infinity;
  for (const c of cues) {
    if (!c.speaker) continue;
    let d = Math.abs(c.at - k);
    // Across a semicolon or dash the cue usually belongs to another clause.
    const [a, b] = c.at < k ? [c.at, k] : [k, c.at];
    for (let j = a + 1; j < b; j++) {
      if (toks[j].text === ";") d += 20;
      // "“…” — a finding the government dismissed": a cue after a dash is an aside's.
      else if ((toks[j].text === "—" || toks[j].text === "–") && c.at > k) d = Infinity;
    }
    if (c.at > k) d -= 0.5;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

export const COMMIT_GERUNDS = new Set(["committing", "pledging", "vowing", "promising", "agreeing", "undertaking", "resolving"]);
export const FINITE = new Set(["has", "have", "had", "is", "are", "was", "were", "will", "would", "did", "does", "can", "could", "must", "should", "continues", "remains"]);

/**
 * "Despite committing to “…”, Islamabad has done little": a commitment in a
 * participle has the main clause's subject as its author, not the sentence's
 * reporting cue. Returns that subject as a cue, or null.
 */
export function commitmentCue(text: string, toks: Tok[], k: number, ctx: Context): Cue | null {
  if (toks[k - 1]?.lower !== "to" || !COMMIT_GERUNDS.has(toks[k - 2]?.lower ?? "")) return null;
  for (let j = k + 1; j < toks.length - 1; j++) {
    if (toks[j].kind !== "word" || !toks[j].cap || toks[j - 1]?.text !== ",") continue;
    let e = j;
    while (e + 1 < toks.length && toks[e + 1].kind === "word" && toks[e + 1].cap) e++;
    if (!FINITE.has(toks[e + 1]?.lower ?? "")) continue;
    const r = interpret(text, toks, [j, e], ctx, []);
    if (!r?.speaker) return null;
    return { verbStart: toks[k - 2].start, verbEnd: toks[k - 2].end, start: toks[j].start, end: toks[e].end, at: j, speaker: r.speaker, documentKey: null };
  }
  return null;
}

/** “affiliated” after "refers to X as", “India-focused” after "classifies X as", "calls X “…”". */
export function isLabelled(toks: Tok[], k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= 8; j--) {
    const t = toks[j];
    if (t.kind !== "word") {
      if (t.kind === "quote" && toks[j + 1]?.lower === "and") continue;
      if (t.text === "," || t.text === ";" || t.text === ":") return false;
      continue;
    }
    if (LABEL.has(t.lower)) {
      if (/^call/.test(t.lower) && ["to", "for", "on", "out", "upon"].includes(toks[j + 1]?.lower ?? "")) return false;
      // "call" labels directly; the others need "as" between: "describes Pakistan as".
      if (/^call/.test(t.lower) || /^(?:dub|term|brand|label)/.test(t.lower)) return true;
      for (let m = j + 1; m < k; m++) if (toks[m].lower === "as") return true;
      return false;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Headlines: "Pakistan a ‘safe haven’ for ‘terror groups’: U.S. State Department"

export function headlineCue(text: string, toks: Tok[], ctx: Context): { speaker: ResolvedSpeaker; cue: string } | null {
  const colons = toks.map((t, k) => (t.text === ":" ? k : -1)).filter((k) => k >= 0);
  if (!colons.length) return null;
  const tryRange = (a: number, b: number, strict: boolean) => {
    if (b < a || b - a > 6) return null;
    for (let k = a; k <= b; k++) if (toks[k].kind !== "word") return null;
    if (!isNameLike(toks, [a, b])) return null;
    const r = interpret(text, toks, [a, b], ctx, []);
    if (!r?.speaker || (strict && !r.speaker.id)) return null;
    return { speaker: r.speaker, cue: text.slice(toks[a].start, toks[b].end) };
  };
  const last = colons[colons.length - 1];
  return tryRange(last + 1, toks.length - 1, false) ?? tryRange(0, colons[0] - 1, true) ?? headlineRole(text, toks, colons[0] - 1);
}

/**
 * "Expedia’s new CEO: Our stock plunge is a ‘concern’": a headline that opens with a body's role
 * (a title last) and a colon. The speaker is the role as a name ("Expedia CEO"), which the article
 * may give a person later (attribution.ts speakersByRole); not the body.
 */
function headlineRole(text: string, toks: Tok[], b: number): { speaker: ResolvedSpeaker; cue: string } | null {
  if (b < 1 || b > 5 || !isTitleWord(toks[b].lower) || /^spokes/.test(toks[b].lower)) return null;
  const words: string[] = [];
  for (let k = 0; k <= b; k++) {
    const t = toks[k];
    if (t.kind !== "word" || (!t.cap && !isTitleWord(t.lower) && !ROLE_ADJECTIVES.has(t.lower))) return null;
    if (!ROLE_ADJECTIVES.has(t.lower)) words.push(t.text.replace(/['’]s$|’$/, ""));
  }
  if (!toks.slice(0, b).some((t) => t.cap && !isTitleWord(t.lower))) return null; // "CEO: …" names no body
  return { speaker: { id: null, name: words.join(" "), kind: "person", generic: true }, cue: text.slice(toks[0].start, toks[b].end) };
}

/**
 * "Treasury ‘dismayed’ by IMF report": a headline that opens with a known speaker (one the
 * registry knows: "Judges end ‘mass surveillance’" names no one) followed at once by a quotation.
 */
export function headlineSubjectCue(text: string, toks: Tok[], ctx: Context): { speaker: ResolvedSpeaker; cue: string } | null {
  const k = toks.findIndex((t) => t.kind === "quote");
  if (k < 1 || k > 6) return null;
  for (let j = 0; j < k; j++) if (toks[j].kind !== "word" || (!toks[j].cap && !ARTICLES.has(toks[j].lower))) return null;
  const r = interpret(text, toks, [0, k - 1], ctx, []);
  if (!r?.speaker?.id) return null;
  return { speaker: r.speaker, cue: text.slice(toks[0].start, toks[k - 1].end) };
}
