// Quotes with no cue of their own: the speaker carried from the quote or cue before it in the
// paragraph, from the next cue in the paragraph, or from the previous paragraph.

import { normalizeName } from "../text";
import type { Attribution, AttributionInput, AttributionSource, Cue, ResolvedSpeaker } from "./context";

// ---------------------------------------------------------------------------
// Quotes without a cue of their own

export function carrySpeakers(
  input: AttributionInput,
  out: Attribution[],
  sentenceSpeaker: (ResolvedSpeaker | null)[],
  sentenceCue: (Cue | null)[],
) {
  const { sentences, quotes, text } = input;
  const byQuoteSentence = new Map<number, number[]>();
  out.forEach((a, i) => {
    const list = byQuoteSentence.get(a.sentenceIndex) ?? [];
    list.push(i);
    byQuoteSentence.set(a.sentenceIndex, list);
  });
  const paraLast = new Map<number, { speaker: ResolvedSpeaker; from: number | null; cue: Cue | null }>();
  let running: { speaker: ResolvedSpeaker; from: number | null; cue: Cue | null } | null = null;
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
      if (a.speaker) {
        running = { speaker: a.speaker, from: qi, cue: null };
        continue;
      }
      if (quotes[qi].continuesPrev && qi > 0 && out[qi - 1].speaker) {
        copy(out[qi - 1], a, "carried");
        running = { speaker: a.speaker!, from: qi, cue: null };
        continue;
      }
      if (running) {
        if (running.from !== null) copy(out[running.from], a, "carried");
        else setFromCue(a, running.speaker, running.cue, text, "carried");
        continue;
      }
      pending.push(qi);
    }
    const sp = sentenceSpeaker[sent.index];
    if (sp) running = { speaker: sp, from: null, cue: sentenceCue[sent.index] };
  }
  if (running) paraLast.set(para, running);

  // Forward within the paragraph, then the previous paragraph, then the article's main source.
  const main = mainSpeaker(out);
  for (const qi of pending) {
    const a = out[qi];
    const p = quotes[qi].paragraphIndex;
    const nextSame = out.findIndex((b, j) => j > qi && quotes[j].paragraphIndex === p && b.source === "direct");
    if (nextSame >= 0) {
      copy(out[nextSame], a, "carried");
      continue;
    }
    const prev = paraLast.get(p - 1);
    if (prev && p > 1) {
      if (prev.from !== null) copy(out[prev.from], a, "carried");
      else setFromCue(a, prev.speaker, prev.cue, text, "carried");
      continue;
    }
    if (main) {
      copy(main, a, "fallback");
    }
  }
}

export function copy(from: Attribution, to: Attribution, source: AttributionSource) {
  to.speaker = from.speaker;
  to.cue = from.cue;
  to.verb = from.verb;
  to.documentKey = from.documentKey;
  to.source = source;
}

export function setFromCue(a: Attribution, speaker: ResolvedSpeaker, cue: Cue | null, text: string, source: AttributionSource) {
  a.speaker = speaker;
  a.cue = cue ? text.slice(cue.start, cue.end) : null;
  a.verb = cue ? text.slice(cue.verbStart, cue.verbEnd) : null;
  a.documentKey = cue?.documentKey ?? null;
  a.source = source;
}

/** The article's main source: the speaker most quotes are directly attributed to. */
export function mainSpeaker(out: Attribution[]): Attribution | null {
  const counts = new Map<string, { n: number; a: Attribution }>();
  for (const a of out) {
    if (a.source !== "direct" || !a.speaker || a.speaker.generic) continue;
    const k = a.speaker.id ?? normalizeName(a.speaker.name);
    const c = counts.get(k) ?? { n: 0, a };
    c.n++;
    counts.set(k, c);
  }
  let best: { n: number; a: Attribution } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.a ?? null;
}
