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
//
// Related modules the app uses directly:
//   speakers.ts  createSpeakerRegistry(entries, { defaults? }) — pass the database's speakers in.
//   claims.ts    ClaimIndex (add / query, incremental), groupClaims (batch), newClaimKey.
//   fidelity.ts  indexSources, checkFidelity, wordDiff (reader pages).
//   boilerplate.ts stripBoilerplate(raw) — run it on text as received, before analyzeArticle.

import { type Attribution, type AttributionSource, attributeQuotes } from "./attribution";
import { type ClaimGroup, type ClaimHint, type ClaimLinkVia, type ClaimQuote, groupClaims } from "./claims";
import { type FidelityResult, type PrimarySource, checkFidelity, indexSources } from "./fidelity";
import { classifyKind, isTitleCase, type QuoteKind } from "./kinds";
import { findQuotes } from "./quotes";
import { splitSentences } from "./sentences";
import type { SpeakerRegistry } from "./speakers";
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
}

export interface ArticleAnalysis {
  quotes: AnalyzedQuote[];
  paragraphCount: number;
  /** Pairs of quote indices that belong to one claim by their position (split quotes, parts of one sentence). */
  sameClaim: [number, number][];
}

const CONTEXT = 32;

export function analyzeArticle(text: string, opts: AnalyzeOptions): ArticleAnalysis {
  const paragraphs = splitParagraphs(text);
  const spans = findQuotes(text, paragraphs);
  const headlineOn = opts.headline !== false;
  const visible = headlineOn ? spans : spans.filter((s) => s.paragraphIndex !== 0);
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
    const inHeadline = headlineOn && s.paragraphIndex === 0;
    const kind = classifyKind(exact, {
      before: text.slice(Math.max(0, open - 40), open),
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

/** Whether the cue sits in the quote's own clause (not across a comma-separated other clause). */
function cueInClause(text: string, open: number, close: number, a: Attribution): boolean {
  if (a.cueStart < 0) return false;
  if (a.cueStart >= close) {
    // "“…,” X said" or a trailing "…, X said": the cue governs what precedes it.
    const gap = text.slice(close + 1, a.cueStart);
    return !/;/.test(gap) && (gap.length < 6 || /,\s*$/.test(gap));
  }
  // "According to the report, X faces “…”": the comma closing the cue does not end its clause.
  const gap = text.slice(a.cueEnd, open);
  return open - a.cueEnd < 60 && !/[,;]/.test(/^according/i.test(a.verb ?? "") ? gap.replace(/^\s*,/, "") : gap);
}

/**
 * Quotes that share a claim by position: a quotation continued across
 * paragraphs, a sentence split by its attribution (“After the fall …,”
 * according to State, “Jalaluddin retreated …”), phrases quoted from one
 * sentence, and the same words quoted twice.
 */
function sameClaimPairs(text: string, quotes: AnalyzedQuote[], attrs: Attribution[], normText: string[]): [number, number][] {
  const pairs: [number, number][] = [];
  const sameSpeaker = (i: number, j: number) => quotes[i].speakerKey === quotes[j].speakerKey;
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i];
    if (q.kind === "title") continue;
    if (q.continuesPrev && i > 0) pairs.push([i - 1, i]);
    for (let j = i + 1; j < quotes.length; j++) {
      const r = quotes[j];
      if (r.kind === "title" || q.label !== r.label || !sameSpeaker(i, j)) continue;
      if (normText[i] && normText[i] === normText[j]) {
        pairs.push([i, j]);
        continue;
      }
      if (j !== i + 1 || attrs[i].sentenceIndex !== attrs[j].sentenceIndex) continue;
      // Phrases lifted from one sentence, or a sentence split by its cue.
      const gap = text.slice(q.end, r.start).replace(/[\s,.;:“”"‘’'«»]/g, " ").trim().replace(/\s+/g, " ");
      const cues = [attrs[i].cue, attrs[j].cue].filter(Boolean).map((c) => c!.replace(/[\s,.;:]+/g, " ").trim());
      const splitByCue = /,\s*$/.test(q.exact) && (gap === "" || cues.includes(gap));
      if (splitByCue || q.kind === "phrase" || r.kind === "phrase") pairs.push([i, j]);
    }
  }
  return pairs;
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

export function analyzeCorpus(articles: CorpusArticle[], opts: CorpusOptions): CorpusAnalysis {
  const sources = opts.primary?.length ? indexSources(opts.primary) : null;
  const analysed = articles.map((a) => ({ id: a.id, res: analyzeArticle(a.text, { registry: opts.registry, headline: a.headline }) }));
  const out: CorpusAnalysis["articles"] = [];
  const items: ClaimQuote[] = [];
  const hints: ClaimHint[] = [];
  for (const { id, res } of analysed) {
    const quotes: CorpusQuote[] = res.quotes.map((q, n) => {
      const fidelity = sources && q.kind !== "title" ? checkFidelity(q.exact, sources) : null;
      return { ...q, id: `${id}#${n}`, claimKey: null, claimScore: null, claimVia: null, claimLinkedTo: null, fidelity };
    });
    for (const q of quotes) {
      if (q.kind === "title") continue;
      const f = q.fidelity;
      const anchored = f && f.status !== "not-found" && f.coverage >= 0.6 && !q.label && wordTokens(q.exact).length >= 4;
      items.push({
        id: q.id,
        text: q.exact,
        articleId: id,
        speakerKey: q.speakerKey,
        speakerLabel: q.speakerId,
        documentKey: q.documentKey,
        label: q.label,
        anchor: anchored ? `${f!.sourceId}#${f!.sentence}` : null,
      });
    }
    for (const [a, b] of res.sameClaim) hints.push({ a: quotes[a].id, b: quotes[b].id });
    out.push({ id, quotes });
  }
  const grouped = groupClaims(items, { hints });
  for (const art of out) {
    for (const q of art.quotes) {
      const g = grouped.byQuote.get(q.id);
      if (!g) continue;
      q.claimKey = g.claimKey;
      q.claimScore = g.score;
      q.claimVia = g.via;
      q.claimLinkedTo = g.linkedTo;
    }
  }
  return { articles: out, claims: grouped.claims };
}
