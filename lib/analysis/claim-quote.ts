// A quote as claim grouping takes it (ClaimQuote: what the pipeline and the app pass in) and
// the prepared form that claim-evidence.ts judges (stemmed wording, context, speaker words).

import type { PreparedQuote } from "./claim-evidence";
import { speakerWordsOf } from "./claim-speaker-fit";
import { prepareContext, prepareWording } from "./claim-text";

/** A quote as claim matching sees it. */
export interface ClaimQuote {
  /** Unique quote id (the app's quote id; the pipeline uses "<articleId>#<n>"). */
  id: string;
  /** The quoted words. */
  text: string;
  articleId?: string;
  /** Registry id or normalised name of the speaker; null when unknown or generic. */
  speakerKey: string | null;
  /** Only for naming a new claim key when speakerKey is null (e.g. an umbrella body's id). */
  speakerLabel?: string | null;
  /** Source document (registry id + year) when known: the same words in another year's report are another claim. */
  documentKey?: string | null;
  /** A quoted characterisation (“reckless gamble” after "described X as"). */
  label?: boolean;
  /** Sentence of a primary source the quote was aligned to ("sourceId#sentence"), if any. */
  anchor?: string | null;
  /** The outlet's words around the quote within its sentence (before the opening mark, after the closing one). */
  context?: { before: string; after: string } | null;
  /** An editor confirmed this quote's link: its wording is the claim's wording. */
  confirmed?: boolean;
  /** Index of the outlet's sentence in its article: phrases quoted together from one sentence. */
  sentence?: number | null;
}


/** `q` stemmed and keyed once, for every judgement it meets (claim-evidence.ts `judge`). */
export function prepareQuote(q: ClaimQuote): PreparedQuote {
  return {
    id: q.id,
    wording: prepareWording(q.text),
    context: q.context ? prepareContext(q.context.before, q.context.after) : null,
    speakerKey: q.speakerKey ?? null,
    speakerWords: speakerWordsOf(q.speakerKey ?? null),
    documentKey: q.documentKey ?? null,
    label: !!q.label,
    anchor: q.anchor ?? null,
    articleId: q.articleId ?? null,
  };
}
