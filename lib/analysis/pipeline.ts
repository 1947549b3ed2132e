// Claimscope text-analysis entry points. Pure: no database, DOM or file
// system, so it runs in the Next.js server, in scripts and in tests.
//
// API (kept small and stable for the ingest code):
//
//   analyzeArticle(text, { registry, headline? }) → ArticleAnalysis
//     One article's quotes with exact offsets (JS string indices of the
//     quoted words, marks excluded), W3C TextQuoteSelector prefix/suffix,
//     kind, speaker, cue, verb and hedges.
//
//   analyzeCorpus(articles, { registry, primary? }) → CorpusAnalysis
//     analyzeArticle for each article, plus claim keys shared across
//     articles (with a link score and how the link was made) and, when
//     primary sources are given, fidelity of each quote against them.
//   new CorpusStream({ registry, primary? }).add(article) → the same, one
//     article at a time, keeping only the claim index (for folders of any size).
//
// Related modules the app uses directly:
//   speakers.ts  createSpeakerRegistry(entries, { defaults? }) — pass the database's speakers in.
//   claim-index.ts ClaimIndex (add / query, incremental); claims.ts groupClaims (batch), ClaimGrouper (streaming), newClaimKey.
//   fidelity.ts  indexSources, checkFidelity; word-diff.ts wordDiff (reader pages).
//   boilerplate.ts stripBoilerplate(raw) — run it on text as received, before analyzeArticle.

import { type Attribution, type AttributionSource, attributeQuotes } from "./attribution";
import { trailingFurniture } from "./boilerplate";
import type { ClaimLinkVia } from "./claim-evidence";
import type { ClaimQuote } from "./claim-quote";
import { type ClaimGroup, type ClaimHint, ClaimGrouper } from "./claims";
import { type FidelityResult, type PrimarySource, type SourceIndex, checkFidelity, indexSources } from "./fidelity";
import { classifyKind, isTitleCase, type QuoteKind } from "./kinds";
import { findQuotes } from "./quotes";
import { cueInClause, sameClaimPairs } from "./same-claim-pairs";
import { splitSentences } from "./sentences";
import type { SpeakerKind, SpeakerRegistry } from "./speakers";
import { normalizeName, splitParagraphs, wordTokens } from "./text";

export type { QuoteKind, AttributionSource, ClaimLinkVia, FidelityResult, PrimarySource, ClaimGroup };

export interface AnalyzeOptions {
  /** Speakers to resolve names against; build with createSpeakerRegistry(dbSpeakers). */
  registry: SpeakerRegistry;
  /** The first line is a headline (default true): its quotes count, and "…: Speaker" attributes them. */
  headline?: boolean;
}

/** One quotation in an article. Offsets are JavaScript string indices into the analysed text. */
export interface AnalyzedQuote {
  /** Quoted words, marks excluded: text.slice(start, end) === exact. */
  start: number;
  end: number;
  exact: string;
  /** ~32 characters either side, for re-anchoring after edits (W3C TextQuoteSelector). */
  prefix: string;
  suffix: string;
  kind: QuoteKind;
  /** Attribution cue and verb as written ("State notes" / "notes"), or null. */
  cue: string | null;
  verb: string | null;
  /** Registry id when the speaker is known to the registry, else null. */
  speakerId: string | null;
  /** Display name: the registry's name, or the name as written in the article; null when nobody is named. */
  speakerName: string | null;
  /** What the speaker is, as the analysis tells it: a person, an organisation, a government or a document; null with no speaker. */
  speakerKind: SpeakerKind | "unknown" | null;
  /** Other names the article gives the speaker (an acronym it defines in brackets), for the registry. */
  speakerAliases: string[];
  /**
   * Key for comparing speakers across articles: the registry id, "name:<normalised name>"
   * for a name the registry lacks, or null when the speaker is unnamed, generic ("officials")
   * or an umbrella body ("Washington") that outlets use for its agencies.
   */
  speakerKey: string | null;
  /** direct (own sentence), carried (neighbouring quote/cue), headline, none. */
  attribution: AttributionSource;
  /** How the speaker was found, or why there is none, for the editor ("no attribution cue in its paragraph"). */
  attributionReason: string | null;
  paragraphIndex: number;
  paragraphCount: number;
  inHeadline: boolean;
  /** Hedging words near the quote ("still seen as", "reportedly"), lower case. */
  hedges: string[];
  /** A quoted characterisation (“affiliated” after "refers to X as"): its own claim. */
  label: boolean;
  /** Source document key (registry id + year) when the article names it; keeps report years apart. */
  documentKey: string | null;
  /** The quotation was left open at the paragraph end / reopens one from the previous paragraph. */
  continuesNext: boolean;
  continuesPrev: boolean;
  /** The outlet's words around the quote within its sentence (before the opening mark, after the closing one), for claim matching. */
  context: { before: string; after: string };
  /** Index of the outlet's sentence the quote is in (-1 when unknown). */
  sentenceIndex: number;
}

export interface ArticleAnalysis {
  quotes: AnalyzedQuote[];
  paragraphCount: number;
  /** Pairs of quote indices that belong to one claim by their position (split quotes, parts of one sentence). */
  sameClaim: [number, number][];
}

const CONTEXT = 32;
/** How much of the quote's sentence, either side, claim matching sees. */
const CONTEXT_CHARS = 160;

export function analyzeArticle(text: string, opts: AnalyzeOptions): ArticleAnalysis {
  const paragraphs = splitParagraphs(text);
  const spans = findQuotes(text, paragraphs);
  const headlineOn = opts.headline !== false;
  const furniture = trailingFurniture(text, paragraphs);
  const visible = spans.filter((s) => (headlineOn || s.paragraphIndex !== 0) && s.paragraphIndex < furniture);
  const sentences = splitSentences(text, paragraphs, visible);
  const attrs = attributeQuotes({ text, paragraphs, sentences, quotes: visible, registry: opts.registry, headline: headlineOn });
  const headline = paragraphs[0] ? text.slice(paragraphs[0].start, paragraphs[0].end) : "";
  const headlineTitleCase = isTitleCase(headline.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu) ?? []);

  // Same words quoted twice in one article: the attributed copy vouches for the other.
  const normText = visible.map((s) => wordTokens(text.slice(s.start, s.end)).join(" "));
  const attributedTexts = new Set(normText.filter((_, i) => attrs[i].source === "direct"));

  const quotes: AnalyzedQuote[] = visible.map((s, i) => {
    const a = attrs[i];
    const exact = text.slice(s.start, s.end);
    const open = s.openMark ?? s.start;
    const close = s.closeMark ?? s.end;
    const sentence = sentences[a.sentenceIndex] ?? paragraphs[s.paragraphIndex];
    const inHeadline = headlineOn && s.paragraphIndex === 0;
    const kind = classifyKind(exact, {
      before: text.slice(Math.max(sentence?.start ?? 0, open - CONTEXT_CHARS), open),
      inHeadline,
      headlineTitleCase,
      attributed: (a.source === "direct" && cueInClause(text, open, s.closeMark ?? s.end, a)) || a.label,
      quotedElsewhere: normText.some((t, j) => j !== i && t === normText[i]) && attributedTexts.has(normText[i]),
    });
    return {
      start: s.start,
      end: s.end,
      exact,
      prefix: text.slice(Math.max(0, s.start - CONTEXT), s.start),
      suffix: text.slice(s.end, s.end + CONTEXT),
      kind,
      cue: a.cue,
      verb: a.verb,
      speakerId: a.speaker?.id ?? null,
      speakerName: a.speaker?.name ?? null,
      speakerKind: a.speaker?.kind ?? null,
      speakerAliases: a.speakerAliases,
      speakerKey: speakerKeyOf(a, opts.registry),
      attribution: a.source,
      attributionReason: a.reason,
      paragraphIndex: s.paragraphIndex,
      paragraphCount: paragraphs.length,
      inHeadline,
      hedges: a.hedges,
      label: a.label,
      documentKey: a.documentKey,
      continuesNext: s.continuesNext,
      continuesPrev: s.continuesPrev,
      sentenceIndex: a.sentenceIndex,
      context: {
        before: text.slice(Math.max(sentence?.start ?? 0, open - CONTEXT_CHARS), open),
        after: text.slice(Math.min(text.length, close + 1), Math.max(close + 1, Math.min(sentence?.end ?? text.length, close + 1 + CONTEXT_CHARS))),
      },
    };
  });

  // Identical words by the same speaker in one article are one claim; a label stays a label.
  for (let i = 0; i < quotes.length; i++) {
    for (let j = i + 1; j < quotes.length; j++) {
      if (normText[i] !== normText[j] || !normText[i]) continue;
      if (quotes[i].label || quotes[j].label) quotes[i].label = quotes[j].label = true;
    }
  }
  return { quotes, paragraphCount: paragraphs.length, sameClaim: sameClaimPairs(text, quotes, attrs, normText) };
}

/**
 * The key claims compare speakers by. Null (compatible with anyone) when
 * nobody is named, the name is generic ("officials"), or it is an umbrella
 * body ("Washington", "Islamabad") whose agencies outlets name interchangeably.
 */
function speakerKeyOf(a: Attribution, registry: SpeakerRegistry): string | null {
  const sp = a.speaker;
  if (!sp || (sp.generic && !sp.id)) return null;
  if (sp.id) return registry.isUmbrella(sp.id) ? null : sp.id;
  return `name:${normalizeName(sp.name)}`;
}

// ---------------------------------------------------------------------------
// Corpus

export interface CorpusArticle {
  id: string;
  text: string;
  headline?: boolean;
}

export interface CorpusOptions {
  registry: SpeakerRegistry;
  /** Primary documents (reports, statements) to check quotes against; fidelity is null without them. */
  primary?: PrimarySource[];
}

export interface CorpusQuote extends AnalyzedQuote {
  /** "<articleId>#<n>": stable within one corpus run. */
  id: string;
  /** Claim shared across articles; null for titles. */
  claimKey: string | null;
  /** Score of the link that put the quote in its claim (1 for the quote the claim was founded on). */
  claimScore: number | null;
  claimVia: ClaimLinkVia | null;
  /** The quote it was linked to, so editors can confirm or reject that link. */
  claimLinkedTo: string | null;
  fidelity: FidelityResult | null;
}

export interface CorpusAnalysis {
  articles: { id: string; quotes: CorpusQuote[] }[];
  claims: ClaimGroup[];
}

/**
 * The claim-matching view of an analysed quote: its words, speaker key, document,
 * label, the outlet's words around it, its sentence, and the primary-source
 * sentence it was aligned to (when it covers most of it and has four words or more).
 */
export function claimQuoteOf(q: AnalyzedQuote, id: string, articleId: string, fidelity: FidelityResult | null, speakerKey = q.speakerKey): ClaimQuote {
  const f = fidelity;
  const anchored = f && f.status !== "not_found" && f.coverage >= 0.6 && !q.label && wordTokens(q.exact).length >= 4;
  return {
    id,
    text: q.exact,
    articleId,
    speakerKey,
    speakerLabel: q.speakerId,
    documentKey: q.documentKey,
    label: q.label,
    anchor: anchored ? `${f.sourceId}#${f.sentence}` : null,
    context: q.context,
    sentence: q.sentenceIndex >= 0 ? q.sentenceIndex : null,
  };
}

/** One article as the stream returns it: claim numbers resolve to keys with `claimKey` after the last article. */
export interface StreamedArticle {
  id: string;
  quotes: (CorpusQuote & { claim: number | null })[];
}

/**
 * The corpus analysis one article at a time, keeping only the claim index
 * (one entry per claim) between articles: what `npm run analyze` streams a
 * folder through. Claims can merge as later articles show two phrases to be
 * one assertion, so a quote's claim key is final only after the last article:
 * keep the claim numbers and resolve them with `claimKey` at the end.
 */
/**
 * One article analysed for a corpus, before its quotes are grouped: what `CorpusStream.group`
 * takes. Pure and independent of every other article, so it may be computed in another
 * thread (`npm run analyze` does) and grouped later, in article order.
 */
export interface PreparedArticle<Q extends ClaimSlots = StreamedArticle["quotes"][number]> {
  id: string;
  /** The quotes (a caller may slim them to the fields it keeps: `group` sets only the claim fields). */
  quotes: Q[];
  /** The claim-matching view of the quotes that are not titles, and their indices in `quotes`. */
  items: ClaimQuote[];
  at: number[];
  hints: ClaimHint[];
}

/** analyzeArticle and fidelity for one article of a corpus (see PreparedArticle); `sources` from indexSources. */
export function prepareArticle(article: CorpusArticle, registry: SpeakerRegistry, sources: SourceIndex | null): PreparedArticle {
  const res = analyzeArticle(article.text, { registry, headline: article.headline });
  const quotes = res.quotes.map((q, n): StreamedArticle["quotes"][number] => {
    const fidelity = sources && q.kind !== "title" ? checkFidelity(q.exact, sources) : null;
    // Object.assign, not an object spread with more fields after it, which V8 builds some ten times slower.
    return Object.assign({}, q, { id: `${article.id}#${n}`, claimKey: null, claimScore: null, claimVia: null, claimLinkedTo: null, fidelity, claim: null });
  });
  const items: ClaimQuote[] = [];
  const at: number[] = [];
  quotes.forEach((q, n) => {
    if (q.kind === "title") return;
    items.push(claimQuoteOf(q, q.id, article.id, q.fidelity));
    at.push(n);
  });
  const hints: ClaimHint[] = res.sameClaim.map(([a, b]) => ({ a: quotes[a].id, b: quotes[b].id }));
  return { id: article.id, quotes, items, at, hints };
}

/** The fields `CorpusStream.group` fills in on each quote. */
export interface ClaimSlots {
  claim: number | null;
  claimScore: number | null;
  claimVia: ClaimLinkVia | null;
  claimLinkedTo: string | null;
}

export class CorpusStream {
  private grouper = new ClaimGrouper();
  private sources: SourceIndex | null;

  constructor(private opts: CorpusOptions) {
    this.sources = opts.primary?.length ? indexSources(opts.primary) : null;
  }

  add(article: CorpusArticle): StreamedArticle {
    return this.group(prepareArticle(article, this.opts.registry, this.sources));
  }

  /**
   * Groups an article prepared by prepareArticle (with this stream's registry and primary
   * sources): articles must come in the order they would have been added.
   */
  group<Q extends ClaimSlots>(prepared: PreparedArticle<Q>): { id: string; quotes: Q[] } {
    const { quotes, items, at, hints } = prepared;
    const assigned = this.grouper.addArticle(items, hints);
    assigned.forEach((g, k) => {
      const q = quotes[at[k]];
      q.claim = g.claim;
      q.claimScore = g.score;
      q.claimVia = g.via;
      q.claimLinkedTo = g.linkedTo;
    });
    return { id: prepared.id, quotes };
  }

  /** The key of a claim number, as of now (final after the last article). */
  claimKey(claim: number): string {
    return this.grouper.keyOf(claim);
  }

  /** Number of claims kept (the stream's memory is one entry per claim). */
  get claimCount(): number {
    return this.grouper.claimCount;
  }

  /** The claims with their members, for a corpus held in memory. */
  claimsOf(articles: StreamedArticle[]): ClaimGroup[] {
    const groups = new Map<string, ClaimGroup>();
    for (const a of articles) {
      for (const q of a.quotes) {
        if (q.claim === null) continue;
        const key = this.claimKey(q.claim);
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { key, speakerKey: this.grouper.speakerOf(q.claim), quoteIds: [] }));
        g.quoteIds.push(q.id);
      }
    }
    return [...groups.values()];
  }
}

/** analyzeArticle for each article, then claims across them (see CorpusStream), all in memory. */
export function analyzeCorpus(articles: CorpusArticle[], opts: CorpusOptions): CorpusAnalysis {
  const stream = new CorpusStream(opts);
  const streamed = articles.map((a) => stream.add(a));
  const out: CorpusAnalysis["articles"] = streamed.map((a) => ({
    id: a.id,
    quotes: a.quotes.map(({ claim, ...q }) => Object.assign(q, { claimKey: claim === null ? null : stream.claimKey(claim) })),
  }));
  return { articles: out, claims: stream.claimsOf(streamed) };
}
