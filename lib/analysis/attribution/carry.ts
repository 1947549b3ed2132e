// Quotes with no cue of their own: the speaker carried from the quote or cue before it in the
// paragraph, from the next cue in the paragraph, or from the previous paragraph.

import { normalizeName, wordTokens } from "../text";
import type { Attribution, AttributionInput, AttributionSource, Cue, ResolvedSpeaker } from "./context";

interface Carrier {
  speaker: ResolvedSpeaker;
  /** The quote it comes from, or null when it comes from a cue in a sentence without quotes. */
  from: number | null;
  cue: Cue | null;
}

export function carrySpeakers(
  input: AttributionInput,
  out: Attribution[],
  sentenceSpeaker: (ResolvedSpeaker | null)[],
  sentenceCue: (Cue | null)[],
) {
  const { pending, paraLast } = carryWithinParagraphs(input, out, sentenceSpeaker, sentenceCue);
  const main = mainSource(out);
  for (const qi of pending) resolvePending(input, out, qi, paraLast, main);
}

/** Forward pass: each quote without a cue takes the speaker last established in its paragraph. */
function carryWithinParagraphs(
  input: AttributionInput,
  out: Attribution[],
  sentenceSpeaker: (ResolvedSpeaker | null)[],
  sentenceCue: (Cue | null)[],
): { pending: number[]; paraLast: Map<number, Carrier> } {
  const { sentences, quotes, text } = input;
  const byQuoteSentence = new Map<number, number[]>();
  out.forEach((a, i) => {
    const list = byQuoteSentence.get(a.sentenceIndex) ?? [];
    list.push(i);
    byQuoteSentence.set(a.sentenceIndex, list);
  });
  const paraLast = new Map<number, Carrier>();
  let running: Carrier | null = null;
  let para = -1;
  const pending: number[] = [];
  for (const sent of sentences) {
    if (sent.paragraphIndex !== para) {
      if (running) paraLast.set(para, running);
      para = sent.paragraphIndex;
      running = null;
    }
    for (const qi of byQuoteSentence.get(sent.index) ?? []) {
      const a = out[qi];
      if (!a.speaker && quotes[qi].continuesPrev && qi > 0 && out[qi - 1].speaker) {
        copy(out[qi - 1], a, "carried", "continues the quotation of the previous paragraph");
      } else if (!a.speaker && running) {
        if (running.from !== null) copy(out[running.from], a, "carried", "carried from the quote before it in its paragraph");
        else setFromCue(a, running.speaker, running.cue, text, "carried", "carried from the cue before it in its paragraph");
      }
      if (a.speaker) running = { speaker: a.speaker, from: qi, cue: null };
      else pending.push(qi);
    }
    const sp = sentenceSpeaker[sent.index];
    if (sp) running = { speaker: sp, from: null, cue: sentenceCue[sent.index] };
  }
  if (running) paraLast.set(para, running);
  return { pending, paraLast };
}

/**
 * A quote with nothing before it in its paragraph: the quotation it continues, the next cue
 * in its paragraph, the previous paragraph's speaker when it opens its paragraph (news copy
 * continues a speaker that way), the same words attributed elsewhere in the article, or the
 * article's main source when the article reads a document. Otherwise nobody, with the reason.
 */
function resolvePending(input: AttributionInput, out: Attribution[], qi: number, paraLast: Map<number, Carrier>, main: Attribution | null) {
  const { quotes, text } = input;
  const a = out[qi];
  const p = quotes[qi].paragraphIndex;
  if (quotes[qi].continuesPrev && qi > 0 && out[qi - 1].speaker) {
    copy(out[qi - 1], a, "carried", "continues the quotation of the previous paragraph");
    return;
  }
  const nextSame = out.findIndex((b, j) => j > qi && quotes[j].paragraphIndex === p && b.source === "direct");
  if (nextSame >= 0 && !leadIn(input, qi, a)) {
    copy(out[nextSame], a, "carried", "carried from the cue later in its paragraph");
    return;
  }
  const opensParagraph = quotes[qi].openMark !== null && quotes[qi].openMark === input.paragraphs[p]?.start;
  const prev = p > 1 ? paraLast.get(p - 1) : undefined;
  if (prev && opensParagraph) {
    if (prev.from !== null) copy(out[prev.from], a, "carried", "carried from the previous paragraph");
    else setFromCue(a, prev.speaker, prev.cue, text, "carried", "carried from the previous paragraph");
    return;
  }
  const same = sameWordsAttributed(input, out, qi);
  if (same !== null) {
    copy(out[same], a, "carried", "the same words are attributed elsewhere in the article");
    return;
  }
  if (main) {
    copy(main, a, "carried", "no cue of its own: the source the article reports on");
    return;
  }
  a.reason = opensParagraph ? "no attribution cue in its paragraph or the one before" : "no attribution cue in its paragraph";
}

/**
 * "As one journalist covering the research put it, “…”": the quote's own sentence introduces it
 * with a clause of three or more words ending in a comma or colon, so its speaker is whoever that
 * clause names, which the rules did not read; a cue in a later sentence is someone else's.
 */
function leadIn(input: AttributionInput, qi: number, a: Attribution): boolean {
  const q = input.quotes[qi];
  const sent = input.sentences[a.sentenceIndex];
  if (!sent || q.openMark === null || q.openMark <= sent.start) return false;
  const before = input.text.slice(sent.start, q.openMark).trimEnd();
  return /[,:]$/.test(before) && wordTokens(before).length >= 3;
}

/** A quote elsewhere in the article whose words contain this one's, with a speaker found from a cue. */
function sameWordsAttributed(input: AttributionInput, out: Attribution[], qi: number): number | null {
  const q = input.quotes[qi];
  const list = wordTokens(input.text.slice(q.start, q.end));
  if (list.length < 3) return null; // two words ("safe haven") recur in anyone's quote
  const words = list.join(" ");
  for (let j = 0; j < out.length; j++) {
    if (j === qi || !out[j].speaker || out[j].source !== "direct") continue;
    const r = input.quotes[j];
    if (` ${wordTokens(input.text.slice(r.start, r.end)).join(" ")} `.includes(` ${words} `)) return j;
  }
  return null;
}

/**
 * The body an article reads a document of: the one speaker that most quotes with a cue are
 * given to, when it is a body rather than a person, has at least two of them and at least
 * three in five of all. Null otherwise: in a story with several voices a quote without a
 * cue can be anyone's.
 */
export function mainSource(out: Attribution[]): Attribution | null {
  const counts = new Map<string, { n: number; a: Attribution }>();
  let total = 0;
  for (const a of out) {
    if (a.source !== "direct" || !a.speaker) continue;
    total++;
    if (a.speaker.generic) continue;
    const k = a.speaker.id ?? normalizeName(a.speaker.name);
    const c = counts.get(k) ?? { n: 0, a };
    c.n++;
    counts.set(k, c);
  }
  let best: { n: number; a: Attribution } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  if (!best || best.n < 2 || best.n < 0.6 * total || best.a.speaker!.kind === "person") return null;
  return best.a;
}

export function copy(from: Attribution, to: Attribution, source: AttributionSource, reason: string) {
  to.speaker = from.speaker;
  to.reason = reason;
  to.cue = from.cue;
  to.verb = from.verb;
  to.documentKey = from.documentKey;
  to.source = source;
}

export function setFromCue(a: Attribution, speaker: ResolvedSpeaker, cue: Cue | null, text: string, source: AttributionSource, reason: string) {
  a.speaker = speaker;
  a.reason = reason;
  a.cue = cue ? text.slice(cue.start, cue.end) : null;
  a.verb = cue ? text.slice(cue.verbStart, cue.verbEnd) : null;
  a.documentKey = cue?.documentKey ?? null;
  a.source = source;
}
