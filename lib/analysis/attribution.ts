// Who said each quote. Rules follow wire-copy conventions:
//  - a cue in the quote's own sentence: "X said", "said X", "according to X",
//    "X, the Y of Z, said", "X told reporters", "X notes that …";
//  - a quote with no cue of its own continues the speaker of the quotes and
//    cues before it in the paragraph (split quotes, "“…,” it noted. “…”"),
//    then of the previous paragraph, then the article's main source;
//  - pronouns ("it", "he") and "the report" resolve to the last speaker /
//    document named, and a document resolves to its issuer.

import { acronymsOf, noteAcronyms } from "./attribution/acronyms";
import { carrySpeakers } from "./attribution/carry";
import { cjkSpeaker, foreignSubject } from "./attribution/clause-subject";
import { interpret, remember } from "./attribution/mentions";
import type { Attribution, AttributionInput, Context, Cue, ResolvedSpeaker } from "./attribution/context";
import { commitmentCue, findCues, headlineCue, headlineSubjectCue, isLabelled, nearestCue } from "./attribution/cues";
import { layoutSpeakers } from "./attribution/layout";
import { assignDocuments, noteDocuments, noteOpeningBody, noteSubject } from "./attribution/documents";
import { notePeople } from "./attribution/persons";
import { REPORTS, SPEECH } from "./attribution/words";
import { hedgesIn } from "./hedges";
import type { SpeakerRegistry } from "./speakers";
import { normalizeName } from "./text";
import { type QuoteRange, type Tok, tokenize } from "./tokens";

export type { Attribution, AttributionInput, AttributionSource, ResolvedSpeaker } from "./attribution/context";

export function attributeQuotes(input: AttributionInput): Attribution[] {
  const { text, sentences, quotes, registry } = input;
  const ctx: Context = {
    registry, lastDocument: null, lastDocumentKey: null, lastOrg: null, lastSpeaker: null,
    before: { lastDocument: null, lastOrg: null, lastSpeaker: null },
    people: new Map(), persons: [], acronyms: new Map(), documentKeys: new Map(), recent: [], roles: new Map(), countries: null, text,
    bodies: [], leadBody: null,
  };
  const ranges: QuoteRange[] = quotes.map((q, i) => ({ from: q.openMark ?? q.start, to: (q.closeMark ?? q.end - 1) + 1, quote: i }));
  const out: Attribution[] = quotes.map(() => ({
    speaker: null, cue: null, verb: null, source: "none", reason: null, speakerAliases: [], label: false, documentKey: null, sentenceIndex: -1,
    cueStart: -1, cueEnd: -1, hedges: [],
  }));
  // Per sentence: the speaker most recently established there (cue or quote), for carrying.
  const sentenceSpeaker: (ResolvedSpeaker | null)[] = [];
  const sentenceCue: (Cue | null)[] = [];
  const headlineOn = input.headline !== false;

  const trigger = triggerFor(registry);
  // The lead: the first sentence after the headline (or the first, with no headline).
  const leadSentence = sentences.find((x) => x.paragraphIndex >= (headlineOn ? 1 : 0))?.index ?? -1;
  let nextRange = 0;
  for (const sent of sentences) {
    // Sentences with no quote and no cue word cannot change anything: skip tokenising them.
    while (nextRange < ranges.length && ranges[nextRange].to <= sent.start) nextRange++;
    const hasQuote = nextRange < ranges.length && ranges[nextRange].from < sent.end;
    const toks = tokenize(text, sent.start, sent.end, ranges);
    if (!hasQuote && !(headlineOn && sent.paragraphIndex === 0)) {
      // A lead-in that ends in a colon ("And from board chair Ana Ruiz:") may name the next paragraph's speaker.
      if (!trigger.test(text.slice(sent.start, sent.end)) && !/:\s*$/.test(text.slice(sent.start, sent.end))) {
        sentenceSpeaker[sent.index] = null;
        sentenceCue[sent.index] = null;
        if (!(headlineOn && sent.paragraphIndex === 0)) noteOpeningBody(text, toks, ctx, sent.index === leadSentence);
        notePeople(text, toks, ctx);
        noteAcronyms(text, toks, ctx);
        continue;
      }
    }
    ctx.before = { lastDocument: ctx.lastDocument, lastOrg: ctx.lastOrg, lastSpeaker: ctx.lastSpeaker };
    if (!hasQuote && !(headlineOn && sent.paragraphIndex === 0)) noteOpeningBody(text, toks, ctx, sent.index === leadSentence);
    const cues = findCues(text, toks, ctx);
    if (!cues.length) noteSubject(text, toks, ctx);
    noteDocuments(text, toks, cues, ctx);
    let last: ResolvedSpeaker | null = null;
    let lastCue: Cue | null = null;
    for (const c of cues) if (c.speaker) {
      last = c.speaker;
      lastCue = c;
    }
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (t.kind !== "quote") continue;
      const a = out[t.quote!];
      a.sentenceIndex = sent.index;
      a.label = isLabelled(toks, k);
      a.hedges = hedgesIn(wordsAround(toks, k, HEDGE_WINDOW));
      const cue = commitmentCue(text, toks, k, ctx) ?? nearestCue(cues, k, toks);
      if (cue && cue.speaker) {
        a.speaker = cue.speaker;
        a.cue = text.slice(cue.start, cue.end);
        a.verb = text.slice(cue.verbStart, cue.verbEnd);
        a.source = "direct";
        a.reason = "cue in its sentence";
        a.documentKey = cue.documentKey;
        a.cueStart = cue.start;
        a.cueEnd = cue.end;
      } else if (!cue) {
        structuralSpeaker(input, toks, k, cues, ctx, a);
      }
    }
    if (headlineOn && sent.paragraphIndex === 0 && quotesIn(toks).some((k) => !out[toks[k].quote!].speaker)) {
      const h = headlineCue(text, toks, ctx) ?? headlineSubjectCue(text, toks, ctx);
      if (h) for (const k of quotesIn(toks)) {
        const a = out[toks[k].quote!];
        if (a.speaker) continue;
        a.speaker = h.speaker;
        a.cue = h.cue;
        a.verb = null;
        a.source = "headline";
        a.reason = "named in the headline";
      }
    }
    sentenceSpeaker[sent.index] = last;
    sentenceCue[sent.index] = lastCue;
    notePeople(text, toks, ctx, cues);
    noteAcronyms(text, toks, ctx);
  }

  carrySpeakers(input, out, sentenceSpeaker, sentenceCue);
  layoutSpeakers(input, out, ctx);
  speakersByRole(out, ctx);
  for (const a of out) if (a.speaker && !a.speaker.id) a.speakerAliases = acronymsOf(ctx, a.speaker.name);
  assignDocuments(out, ctx);
  return out;
}

const HEDGE_WINDOW = 12;

/**
 * “CrowdStrike CEO: …” in a headline, “The Harbour Board chairman said …” before the article gives
 * the name: a speaker that is a role of several words, which the article (anywhere) gives a named
 * person ("Harbour Board chairman Sven Adler"), is that person. One-word titles ("the minister")
 * are resolved where they stand, since two people can share them.
 */
function speakersByRole(out: Attribution[], ctx: Context) {
  for (const a of out) {
    if (!a.speaker || (a.speaker.kind === "person" && !a.speaker.generic)) continue;
    const key = normalizeName(a.speaker.name).replace(/^the /, "");
    if (!key.includes(" ")) continue;
    const holder = ctx.roles.get(key);
    if (!holder || holder === a.speaker || holder.kind !== "person") continue;
    a.reason = `${a.reason ?? "cue in its sentence"}; the article names ${holder.name} ${a.speaker.name}`;
    a.speaker = holder;
  }
}

/**
 * A quote with no cue in its sentence, in text the English cue rules cannot read: the subject of
 * its own clause (Chinese, Japanese) or sentence (a short term in another language), when the
 * structure names one (attribution/clause-subject.ts). Leaves `a` alone otherwise.
 */
function structuralSpeaker(input: AttributionInput, toks: Tok[], k: number, cues: Cue[], ctx: Context, a: Attribution) {
  const { text } = input;
  const q = input.quotes[toks[k].quote!];
  const paraStart = input.paragraphs[q.paragraphIndex]?.start ?? 0;
  const cjk = cjkSpeaker(text, toks[k].start, toks[k].end - 1, paraStart, ctx, ctx.lastSpeaker);
  if (cjk) {
    remember(ctx, cjk.speaker);
    Object.assign(a, { speaker: cjk.speaker, cue: text.slice(cjk.start, cjk.end), verb: null, source: "direct", reason: cjk.reason, cueStart: -1, cueEnd: -1 });
    return;
  }
  const np = foreignSubject(text, toks, k);
  const found = np && interpret(text, toks, np, ctx, cues);
  if (!np || !found?.speaker || found.speaker.generic) return;
  remember(ctx, found.speaker);
  const [start, end] = [toks[np[0]].start, toks[np[1]].end];
  Object.assign(a, {
    speaker: found.speaker, cue: text.slice(start, end), verb: null, source: "direct", documentKey: found.documentKey,
    reason: "the subject of its own sentence (no cue the rules read)", cueStart: start, cueEnd: end,
  });
}

// Words without which a sentence holds no cue and names no document (per registry, built once).
const TRIGGERS = new WeakMap<SpeakerRegistry, RegExp>();
function triggerFor(registry: SpeakerRegistry): RegExp {
  let re = TRIGGERS.get(registry);
  if (!re) {
    const words = new Set<string>([...SPEECH, "according", ...REPORTS]);
    for (const e of registry.entries()) {
      if (e.kind !== "document") continue;
      for (const a of [e.name, ...e.aliases]) {
        const w = a.split(/\s+/)[0];
        if (w) words.add(w.toLowerCase());
      }
    }
    const alt = [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length).join("|");
    re = new RegExp(`\\b(?:${alt})\\b`, "i");
    TRIGGERS.set(registry, re);
  }
  return re;
}

function wordsAround(toks: Tok[], k: number, n: number): string[] {
  const out: string[] = [];
  for (let j = Math.max(0, k - n); j <= Math.min(toks.length - 1, k + n); j++) if (toks[j].kind === "word") out.push(toks[j].lower);
  return out;
}

function quotesIn(toks: Tok[]): number[] {
  const r: number[] = [];
  toks.forEach((t, k) => t.kind === "quote" && r.push(k));
  return r;
}

