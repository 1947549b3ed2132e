// Speakers found from sentence structure alone, for text the English cue rules cannot read:
//  - a sentence in another language written with spaces (German, Danish, Polish …) whose short
//    quoted term has no cue of its own: the term is the wording of the sentence's subject,
//    the noun phrase the sentence opens with ("Die Landesregierung hat den Plan als „…“ kritisiert");
//  - Chinese and Japanese, written without spaces: the quotation's own clause names its speaker
//    as the topic or subject before it (NAME は「…」と …, NAME …：「…」), found by the
//    script's particles and punctuation, not by word lists of the language's verbs.
// Each rule is gated so that weak evidence leaves the speaker empty rather than guessing.

import type { Tok } from "../tokens";
import type { Context, ResolvedSpeaker } from "./context";
import { readsAsEnglish } from "./language";
import { fromRegistry } from "./mentions";
import { BE } from "./words";

/** Most words a quoted term may have to be read as the subject's own wording. */
const TERM_WORDS = 4;

/**
 * The subject of a sentence of another language, for the one short quotation in it that has no cue:
 * the capitalised words the sentence opens with ("Die Landesregierung"), or a genitive name and the
 * noun it owns ("Stadens bostadsbolag": one capitalised word ending in -s, then one lower-case word).
 * Returns the token range, or null when the sentence opens otherwise (with the quotation, a pronoun,
 * a lower-case word) or holds a second quotation or a form of "be" (then the subject may be what is
 * described, not who describes it).
 */
export function foreignSubject(text: string, toks: Tok[], k: number): [number, number] | null {
  if (readsAsEnglish(toks) || k < 2) return null;
  let quotes = 0;
  for (const t of toks) {
    if (t.kind === "quote") quotes++;
    else if (t.kind === "word" && BE.has(t.lower)) return null;
  }
  if (quotes !== 1) return null;
  const q = toks[k];
  const words = text.slice(q.start, q.end).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length || words.length > TERM_WORDS) return null;
  let e = 0;
  while (e < k && toks[e].kind === "word" && toks[e].cap && !toks[e].poss) e++;
  if (e === 0 || e > 4) return null;
  // A genitive owner ("Stadens", "Norlands"): its noun follows in lower case.
  if (e === 1 && /[^sS]s$/.test(toks[0].text) && toks[1]?.kind === "word" && !toks[1].cap && toks[1].lower.length > 3 && e + 1 < k) e = 2;
  return [0, e - 1];
}

// ---------------------------------------------------------------------------
// Chinese and Japanese

const HAN_KANA = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー・]+$/u;
const CJK_SENTENCE_END = /[。！？!?]/;
/** Punctuation that ends a clause in Chinese and Japanese text. */
const CJK_CLAUSE_END = /[。！？!?，、；;,]/;
/**
 * Words of time and adverbs that stand between a Chinese subject and its verb ("NAME 昨日 …",
 * "NAME 先前 …"): where the subject ends. Function words of the script, not verbs or names.
 */
const CJK_AFTER_SUBJECT = [
  "昨日", "昨天", "今日", "今天", "明日", "明天", "前日", "前天", "日前", "近日", "當天", "当天", "當日", "当日",
  "今年", "去年", "明年", "本週", "本周", "上週", "上周", "本月", "上月", "今晨", "昨晚", "稍早", "早前", "此前",
  "先前", "過去", "过去", "目前", "現在", "现在", "隨後", "随后", "同時", "同时", "也", "亦", "並", "并", "曾", "則", "则",
  "還", "还", "又", "再", "已", "都", "更", "就", "將", "将",
];
const CJK_PRONOUNS = new Set(["她", "他", "它", "她們", "他們", "她们", "他们"]);

export interface CjkSpeaker {
  speaker: ResolvedSpeaker;
  /** Offsets of the subject as written. */
  start: number;
  end: number;
  reason: string;
}

/**
 * The speaker of a quotation in Chinese or Japanese corner brackets or quotes, from its own clause:
 * - Japanese: a quotation reported with the particle と (「…」と語った), whose sentence names a
 *   topic or subject before it with は or が: the words from the sentence's start to the particle;
 * - Chinese: the clause before the quotation (after a comma or the sentence start) opens with its
 *   subject, ended by a word of time or an adverb ("NAME 昨日…：「…」", "NAME 先前…「…」"),
 *   or with a third-person pronoun, which continues `last` (the speaker named before it).
 * Null otherwise: a clause whose subject cannot be told from its verb gets no name.
 */
export function cjkSpeaker(text: string, open: number, close: number, paraStart: number, ctx: Context, last: ResolvedSpeaker | null): CjkSpeaker | null {
  let s = open;
  while (s > paraStart && !CJK_SENTENCE_END.test(text[s - 1])) s--;
  const before = text.slice(s, open);
  if (!/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(before + text.slice(open, close))) return null;
  const after = text.slice(close + 1, close + 4);
  // Japanese: 「…」と (not という, which names a title or a term).
  if (/^と/.test(after) && !/^という/.test(after)) {
    const m = /^(?:[^、。「『]*、)?([^、。「『はが]{2,16})[はが]/u.exec(before);
    if (m && HAN_KANA.test(m[1])) {
      const at = s + before.indexOf(m[1], m.index);
      return { speaker: resolveCjk(ctx, m[1]), start: at, end: at + m[1].length, reason: "the topic of its sentence, before the quotative particle" };
    }
    return null;
  }
  // Chinese: the clause before the quotation, less a colon that introduces it.
  let c = open;
  while (c > s && /[\s：:]/.test(text[c - 1])) c--;
  let cs = c;
  while (cs > s && !CJK_CLAUSE_END.test(text[cs - 1])) cs--;
  const own = clauseSubject(text, cs, c, ctx, last);
  if (own || cs <= s) return own;
  // "他又說，X「…」": the clause before names the speaker when the quotation's own clause does not.
  let ps = cs - 1;
  while (ps > s && !CJK_CLAUSE_END.test(text[ps - 1])) ps--;
  return clauseSubject(text, ps, cs - 1, ctx, last);
}

function clauseSubject(text: string, from: number, to: number, ctx: Context, last: ResolvedSpeaker | null): CjkSpeaker | null {
  let cs = from;
  while (cs < to && /[\s」』”’]/.test(text[cs])) cs++;
  const clause = text.slice(cs, to);
  if (!clause) return null;
  for (const p of CJK_PRONOUNS) {
    if (clause.startsWith(p) && last) return { speaker: last, start: cs, end: cs + p.length, reason: "a pronoun opening its clause: the speaker named before it" };
  }
  let cut = -1;
  for (const w of CJK_AFTER_SUBJECT) {
    const i = clause.indexOf(w);
    if (i >= 2 && (cut < 0 || i < cut)) cut = i;
  }
  if (cut < 0 || cut > 12) return null;
  const name = clause.slice(0, cut);
  if (!HAN_KANA.test(name)) return null;
  return { speaker: resolveCjk(ctx, name), start: cs, end: cs + cut, reason: "the subject of its clause" };
}

function resolveCjk(ctx: Context, name: string): ResolvedSpeaker {
  const e = ctx.registry.resolve(name);
  if (e) {
    const r = fromRegistry(ctx, e, undefined).speaker;
    if (r) return r;
  }
  return { id: null, name, kind: "unknown", generic: false };
}
