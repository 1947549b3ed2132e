// Shapes shared by the attribution modules: the speaker a mention resolves to, a cue, the
// per-article context (what was named last, people by family name, roles, documents).

import type { QuoteSpan } from "../quotes";
import type { Sentence } from "../sentences";
import type { SpeakerKind, SpeakerRegistry } from "../speakers";
import type { Gender } from "../nlp";
import type { Paragraph } from "../text";

/** A speaker as resolved for one article. */
export interface ResolvedSpeaker {
  /** Registry id, or null for a name the registry does not know (kept as written). */
  id: string | null;
  name: string;
  kind: SpeakerKind | "unknown";
  /** A bare common noun ("officials", "the Department"): too vague to keep two claims apart. */
  generic: boolean;
  /** For a person: the gender the name or title gives, when it gives one. */
  gender?: Gender | null;
}

export type AttributionSource = "direct" | "carried" | "headline" | "none";

export interface Attribution {
  speaker: ResolvedSpeaker | null;
  /** Cue text as written ("the report said", "according to State"), or null. */
  cue: string | null;
  /** Attribution verb as written ("notes", "blasts", "according to"), or null. */
  verb: string | null;
  /** Where the speaker came from: the quote's sentence, a neighbour, the headline. */
  source: AttributionSource;
  /**
   * Why the speaker is what it is, in a few words an editor can check ("carried from the
   * previous paragraph"), or why there is none ("no attribution cue in its paragraph").
   */
  reason: string | null;
  /** Other names the article gives the speaker (acronyms defined in brackets). */
  speakerAliases: string[];
  /** A quoted term the speaker applies to something (“affiliated”, after "refers to X as"). */
  label: boolean;
  /** Key of the document the words come from (registry id + year), when known. */
  documentKey: string | null;
  /** Index of the sentence holding the quote. */
  sentenceIndex: number;
  /** Offsets of the cue when it is in the quote's own sentence (-1 otherwise). */
  cueStart: number;
  cueEnd: number;
  /** Hedging words within a dozen words of the quote in its sentence. */
  hedges: string[];
}

export interface Cue {
  verbStart: number;
  verbEnd: number;
  start: number;
  end: number;
  /** Token index of the verb (for distances). */
  at: number;
  speaker: ResolvedSpeaker | null;
  documentKey: string | null;
}

export interface Context {
  registry: SpeakerRegistry;
  lastDocument: ResolvedSpeaker | null;
  lastDocumentKey: string | null;
  lastOrg: ResolvedSpeaker | null;
  lastSpeaker: ResolvedSpeaker | null;
  /** What was named last as the current sentence began (for an "it" whose sentence opens with a subordinate clause). */
  before: { lastDocument: ResolvedSpeaker | null; lastOrg: ResolvedSpeaker | null; lastSpeaker: ResolvedSpeaker | null };
  /** Parts of the names of people named in full so far ("Khalilzad" → Zalmay Khalilzad). */
  people: Map<string, ResolvedSpeaker>;
  /**
   * People in order of mention, for "he" and "she"; a spokesperson who speaks for a body is
   * there as the body, with the spokesperson's gender.
   */
  persons: { speaker: ResolvedSpeaker; gender: Gender | null }[];
  /** Acronyms the article defines in brackets → the name as written ("IM" → "Interior Ministry"). */
  acronyms: Map<string, string>;
  /** Speakers in order of mention, for "the ministry" / "the group". */
  recent: ResolvedSpeaker[];
  /**
   * Bodies named by a proper name that opens a sentence ("AstraZeneca appeared to …", "The Bank
   * of Norland kept …"), in order, for "the bank" when no speaker's name fits; `leadBody` is the
   * one the article's first body sentence opens with, for "the company".
   */
  bodies: ResolvedSpeaker[];
  leadBody: ResolvedSpeaker | null;
  /** Role → the person last named with it ("spokesperson" → Aisha Farooqui), for "the spokesperson said". */
  roles: Map<string, ResolvedSpeaker>;
  /** Demonyms/countries the article is about (dateline first), computed on first need. */
  countries: string[] | null;
  text: string;
  documentKeys: Map<string, { key: string; issuer: string | null; count: number }>;
}

export interface Interp {
  speaker: ResolvedSpeaker | null;
  documentKey: string | null;
}

export interface AttributionInput {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  quotes: QuoteSpan[];
  registry: SpeakerRegistry;
  /** Treat the first line as a headline ("Pakistan a ‘safe haven’: U.S. State Department"). Default true. */
  headline?: boolean;
}
