// What a noun phrase names: a registry entry, a person, a body, a document and its issuer,
// or a pronoun / "the ministry" / "the report" resolved against what the article named before.

import { COMPANY_NOUNS } from "../data/attribution-verbs";
import { isOrganizationWord } from "../nlp";
import type { SpeakerEntry, SpeakerRegistry } from "../speakers";
import type { Tok } from "../tokens";
import { normalizeName } from "../text";
import { articleCountries, GENERIC_MINISTRY } from "./article-countries";
import type { Context, Cue, Interp, ResolvedSpeaker } from "./context";
import { readsAsEnglish } from "./language";
import { misspeltEntry } from "./misspelt-names";
import { antecedent, isPersonName, isProperName, isTimePhrase } from "./noun-phrases";
import { cleanName, genderOf, isTitleWord, looksLikePersonName, nameAfterRole, personForPronoun, personIn, personSpeaker, rememberRole } from "./persons";
import { ARTICLES, DATA, DOCS, NP_JOINERS, ORGS, PERSON_HEADS, POSSESSIVE_DETS, PRONOUNS, RELATIVES, REPORTS, ROLE_ADJECTIVES, TIME_WORDS, YEAR } from "./words";

// ---------------------------------------------------------------------------
// Mentions


export function fromEntry(registry: SpeakerRegistry, e: SpeakerEntry): ResolvedSpeaker {
  const s = registry.speakerOf(e);
  return { id: s.id, name: s.name, kind: s.kind, generic: false };
}

export function docKeyOf(e: SpeakerEntry, year: string | undefined): string {
  const y = year && YEAR.test(year) ? year.slice(0, 4) : "";
  return y ? `${e.id}:${y}` : e.id;
}

/** A lower-case word that may stand in a name phrase: an article, a joiner, a title, a role or a body noun. */
function nameFiller(t: Tok): boolean {
  const w = t.lower;
  return ARTICLES.has(w) || POSSESSIVE_DETS.has(w) || NP_JOINERS.has(w) || isTitleWord(w) || ROLE_ADJECTIVES.has(w) || PERSON_HEADS.has(w) || ORGS.has(w) || DOCS.has(w) || /['’]$/.test(t.text);
}

/**
 * A name with words of its sentence glued on, which the noun-phrase rules took in where the
 * verbs are in a language they do not list: "oznajmił Kowal" (a verb before the name),
 * "Sune Dahl mener", "Wiebke Lorenzen war zufrieden", "Greta Voss vor dem Ausschuss". Returns the name alone — the person's name when one is in the phrase — or null
 * when the phrase is clean.
 */
function unglued(toks: Tok[], a: number, b: number): [number, number] | null {
  if (a >= b) return null;
  let caps = 0;
  let stray = -1;
  for (let k = a; k <= b; k++) {
    const t = toks[k];
    if (t.kind !== "word") return null;
    if (t.cap && !ARTICLES.has(t.lower)) caps++;
    else if (stray < 0 && !nameFiller(t)) stray = k;
  }
  if (!caps || stray < 0) return null;
  const person = personIn(toks, a, b);
  // "Google chief executive Sundar Pichai": a role before a name that ends the phrase is no glued
  // word; the role is kept with the person (see personWithRole).
  if (person && person[1] === b && person[0] > a && nameAfterRole(toks, a, b)) return null;
  if (person && (person[0] > a || person[1] < b)) return person;
  // "powiedział Nowicki": one stray word before a run of capitalised words that ends the phrase.
  if (stray === a) {
    for (let k = a + 1; k <= b; k++) if (!toks[k].cap && !NP_JOINERS.has(toks[k].lower)) return null;
    return [a + 1, b];
  }
  // "Henrike Albers nach der Sitzung": the capitalised run before the first stray word.
  const capWord = (t: Tok) => t.cap && !ARTICLES.has(t.lower) && !POSSESSIVE_DETS.has(t.lower);
  if (stray - a >= 2 && capWord(toks[stray - 1]) && capWord(toks[stray - 2])) return [a, stray - 1];
  return null;
}

export function interpret(text: string, toks: Tok[], np: [number, number], ctx: Context, prior: Cue[]): Interp | null {
  const [a, b] = np;
  const first = toks[a];
  if (a === b && PRONOUNS.has(first.lower)) {
    // "Although X's charter calls to “…”, towns lacked water, it said.": "it" is not the subordinate clause's X but what came before the sentence.
    const main = prior.filter((c) => !inOpeningSubordinate(text, toks, c.at, a));
    const state = main.length < prior.length && first.lower === "it" ? { ...ctx, ...ctx.before } : ctx;
    return { speaker: pronoun(first.lower, state, main), documentKey: null };
  }
  if (a === b && RELATIVES.has(first.lower)) {
    const ante = antecedent(toks, a);
    return ante ? interpret(text, toks, ante, ctx, prior) : null;
  }
  // "Deren Sprecherin Wiebke Lorenzen": in a language the rules do not read, a run of four or more
  // capitalised words opening the sentence starts with the sentence's opening word (a determiner), not a name.
  if (a === 0 && b >= 3 && !readsAsEnglish(toks) && toks.slice(0, b + 1).every((t) => t.kind === "word" && t.cap)) {
    return interpret(text, toks, [1, b], ctx, prior);
  }
  const glued = unglued(toks, a, b);
  if (glued) return interpret(text, toks, glued, ctx, prior);
  let s = a;
  while (s <= b && (ARTICLES.has(toks[s].lower) || toks[s].lower === toks[s - 1]?.lower && ARTICLES.has(toks[s].lower))) s++;
  if (s > b) return null;
  if (DATA.has(toks[b].lower)) return null; // "according to the ANDSF’s own statistics"
  if (isTimePhrase(toks, s, b)) return null; // "published on Tuesday, said": a date is nobody

  const phrase = text.slice(toks[s].start, toks[b].end).replace(/['’]s$|’$/, "");
  const whole = ctx.registry.resolve(phrase);
  if (whole) return fromRegistry(ctx, whole, undefined);
  // "IM said", after "The Interior Ministry (IM)": the body the article defined the acronym for.
  const defined = s === b ? ctx.acronyms.get(toks[s].text) : undefined;
  if (defined) {
    const entry = ctx.registry.resolve(defined);
    return entry ? fromRegistry(ctx, entry, undefined) : { speaker: { id: null, name: cleanName(defined), kind: "organisation", generic: false }, documentKey: null };
  }

  // "Sofie Lund of the Norland Institute", "Radu Kiss at the union": the person, not the body.
  for (let k = s + 2; k < b; k++) {
    const w = toks[k].lower;
    if (w !== "of" && w !== "at" && w !== "from") continue;
    if (isPersonName(toks, s, k - 1) && !ctx.registry.resolve(text.slice(toks[s].start, toks[k - 1].end))) {
      return interpret(text, toks, [s, k - 1], ctx, prior);
    }
    break;
  }

  // "Prime Minister Narendra Modi", "Pentagon spokesman John Kirby", "chief executive Lukas Brandt":
  // the named person speaks, except that a spokesperson speaks for the body named before the title.
  const named = nameAfterRole(toks, s, b);
  if (named) return personWithRole(text, toks, named.name, named.role, ctx, prior);

  // "the Foreign Office", "FO", "the foreign ministry spokesperson": whose? The article's country.
  if (GENERIC_MINISTRY.test(phrase)) {
    const p = phrase.replace(/^the\s+/i, "").replace(/^FO$/i, "Foreign Office").replace(/^MOFA$/i, "Ministry of Foreign Affairs");
    for (const c of articleCountries(ctx)) {
      const hit = ctx.registry.resolve(`${c} ${p}`) ?? ctx.registry.resolve(`${p} of ${c}`);
      if (hit) return fromRegistry(ctx, hit, undefined);
    }
  }

  // "the U.S. State Department’s Annual Country Report …", "Foggy Bottom’s report": the owner speaks.
  for (let k = s; k < b; k++) {
    if (!toks[k].poss) continue;
    if (TIME_WORDS.has(toks[k].lower)) break; // "this year's report"
    // "Norland’s Kellner", "Pakistan’s Imran Khan": a place's person is that person.
    if (b - k <= 3 && isPersonName(toks, k + 1, b) && !ctx.registry.findIn(text.slice(toks[k + 1].start, toks[b].end))) {
      return { speaker: newSpeaker(text.slice(toks[k + 1].start, toks[b].end), toks, k + 1, b, ctx), documentKey: null };
    }
    // "Norvik Air’s CEO", after "Norvik Air chief executive Ilse Marken": the person the article
    // gave that body's role, not the body.
    const holder = toks.slice(k + 1, b + 1).every((t) => isTitleWord(t.lower) || ROLE_ADJECTIVES.has(t.lower)) ? personByRole(toks, s, b, ctx) : null;
    if (holder) return { speaker: holder, documentKey: null };
    const owner = interpret(text, toks, [s, k], ctx, prior);
    if (owner?.speaker) {
      const rest = text.slice(toks[k + 1].start, toks[b].end);
      const doc = ctx.registry.findAll(rest).find((m) => m.entry.kind === "document");
      const restIsDoc = !!doc || toks.slice(k + 1, b + 1).some((t) => REPORTS.has(t.lower));
      let documentKey = owner.documentKey;
      if (doc) documentKey = noteDocument(ctx, doc.entry, doc.after ?? doc.before);
      if (restIsDoc) setDocument(ctx, owner.speaker, documentKey);
      return { speaker: owner.speaker, documentKey };
    }
    break;
  }

  // A known name inside a longer mention: accept it when it is the mention's
  // head ("the Pakistani Foreign Affairs Ministry"), or when the head is a
  // document or a spokesperson ("the Country Reports on Terrorism 2019 section").
  let coreEnd = b;
  for (let k = s + 1; k <= b; k++) {
    // "the … section on Afghanistan" (a common noun), not "Reports on Terrorism" (a title).
    if (["on", "in", "about", "regarding", "into"].includes(toks[k].lower) && DOCS.has(toks[k - 1].lower) && !toks[k - 1].cap) {
      coreEnd = k - 1;
      break;
    }
  }
  while (coreEnd > s && YEAR.test(toks[coreEnd].lower)) coreEnd--;
  const core = text.slice(toks[s].start, toks[coreEnd].end);
  const head = toks[coreEnd].lower;
  const roleHolder = toks[a].lower === "the" && coreEnd === b ? personByRole(toks, s, b, ctx) : null;
  if (roleHolder) return { speaker: roleHolder, documentKey: null };
  const m = ctx.registry.findIn(core);
  if (m && (m.atEnd || DOCS.has(head) || PERSON_HEADS.has(head) || m.entry.kind === "document")) {
    // "a senior US trade official", "Western diplomats": unnamed officials, sources and experts
    // are no voice of the body they belong to ("a Pentagon spokesman", "the U.N. envoy" are).
    if (UNNAMED_VOICES.has(head) && !m.atEnd && m.entry.kind !== "document") {
      return { speaker: { id: null, name: cleanName(core), kind: "person", generic: true }, documentKey: null };
    }
    return fromRegistry(ctx, m.entry, m.after ?? m.before);
  }

  // "the spokesperson", "the minister": the person last named with that title.
  if (toks[a].lower === "the" && coreEnd === s && !toks[s].cap && ctx.roles.has(head)) {
    return { speaker: ctx.roles.get(head)!, documentKey: null };
  }
  // "the WHO Director-General", after "WHO Director-General Tedros Adhanom Ghebreyesus": the person
  // named with that whole role (the title alone could be another body's).
  if (toks[a].lower === "the" && coreEnd > s && coreEnd === b) {
    const byRole = ctx.roles.get(roleKey(text, toks, s, coreEnd));
    if (byRole) return { speaker: byRole, documentKey: null };
  }
  // "the ministry", "the group": the speaker named before whose name has that word.
  if (toks[a].lower === "the" && coreEnd === s && !toks[s].cap && ORGS.has(head)) {
    for (let k = ctx.recent.length - 1; k >= 0; k--) {
      const r = ctx.recent[k];
      if (!new RegExp(`\\b${head}\\b`, "i").test(r.name)) continue;
      // "UN agency" (a description, as in a headline) … "the World Food Programme said" … "the agency":
      // the body named since the description is the one meant.
      if (new RegExp(`\\b${head}\\b`).test(r.name)) {
        const named = ctx.recent.slice(k + 1).reverse().find((x) => x.kind === "organisation" && !x.generic && isProperName(x.name));
        if (named) return { speaker: named, documentKey: null };
      }
      return { speaker: r, documentKey: null };
    }
  }
  // "The Bank of Norland kept its rate …" … "the bank said"; "AstraZeneca appeared to …" … "the
  // company said": a body that opened a sentence, with that word in its name, or the lead's
  // body for a company noun.
  if (toks[a].lower === "the" && coreEnd === s && !toks[s].cap && (ORGS.has(head) || COMPANY.has(head))) {
    const byWord = ctx.bodies.findLast((x) => normalizeName(x.name).split(" ").includes(head));
    if (byWord) return { speaker: byWord, documentKey: null };
    if (COMPANY.has(head) && ctx.leadBody && ctx.leadBody.kind !== "organisation") return { speaker: ctx.leadBody, documentKey: null };
  }
  // "the report", "the statement": the document (or organisation) named last.
  if (DOCS.has(head)) {
    // "a new Halden Institute report": the capitalised name before the document noun issued it.
    let n0 = coreEnd;
    while (n0 > s && toks[n0 - 1].cap && !toks[n0 - 1].poss && !TIME_WORDS.has(toks[n0 - 1].lower) && !/^\d/.test(toks[n0 - 1].lower)) n0--;
    if (n0 < coreEnd && (coreEnd - n0 >= 2 || ORGS.has(toks[coreEnd - 1].lower))) {
      const issuer: ResolvedSpeaker = { id: null, name: cleanName(text.slice(toks[n0].start, toks[coreEnd - 1].end)), kind: "organisation", generic: false };
      setDocument(ctx, issuer, null);
      return { speaker: issuer, documentKey: null };
    }
    const onlyCommon = toks.slice(s, coreEnd).every((t) => !t.cap);
    if (onlyCommon || toks[a].lower !== "a") {
      // A generic body ("privacy campaigners", "the company") is no document's known issuer.
      const sp = ctx.lastDocument ?? (ctx.lastOrg && !ctx.lastOrg.generic ? ctx.lastOrg : null);
      if (sp) return { speaker: sp, documentKey: ctx.lastDocumentKey };
    }
    return { speaker: { id: null, name: cleanName(phrase), kind: "document", generic: true }, documentKey: null };
  }
  // "the Justise Department": a known name misspelt in one word is that name.
  const misspelt = misspeltEntry(ctx.registry, phrase);
  if (misspelt) return fromRegistry(ctx, misspelt, undefined);
  return { speaker: newSpeaker(phrase, toks, s, b, ctx), documentKey: null };
}

const COMPANY = new Set(COMPANY_NOUNS);

const UNNAMED_VOICES = new Set(["official", "officials", "source", "sources", "analyst", "analysts", "expert", "experts", "diplomat", "diplomats"]);

export function fromRegistry(ctx: Context, e: SpeakerEntry, near: string | undefined): Interp {
  const speaker = fromEntry(ctx.registry, e);
  if (e.kind === "document") {
    const key = noteDocument(ctx, e, near);
    setDocument(ctx, speaker, key);
    return { speaker, documentKey: key };
  }
  return { speaker, documentKey: null };
}

export function noteDocument(ctx: Context, e: SpeakerEntry, near: string | undefined): string {
  const key = docKeyOf(e, near);
  const issuer = ctx.registry.speakerOf(e);
  const rec = ctx.documentKeys.get(key) ?? { key, issuer: issuer.id === e.id ? null : issuer.id, count: 0 };
  rec.count++;
  ctx.documentKeys.set(key, rec);
  return key;
}

export function setDocument(ctx: Context, issuer: ResolvedSpeaker, key: string | null) {
  ctx.lastDocument = issuer;
  ctx.lastDocumentKey = key;
}

// Conjunctions that open a subordinate clause set before the main one ("Although X's charter calls
// to “…”, towns lacked water, it said."): a name in that clause is not what the main clause's "it" means.
const SUBORDINATORS = new Set(["although", "though", "while", "whereas", "despite", "even", "if", "because", "since", "unless"]);

/**
 * Token k lies in a subordinate clause that opens the sentence, and the pronoun at `pron` is a
 * trailing cue of the main clause that follows it ("…, several towns lacked water, it said"), not
 * that clause's own subject ("While X's report calls out …, it wrongly classifies …": it is X's report).
 */
function inOpeningSubordinate(text: string, toks: Tok[], k: number, pron: number): boolean {
  if (!toks[0] || toks[0].kind !== "word" || !SUBORDINATORS.has(toks[0].lower)) return false;
  // The clause ends at the first comma after k (a quotation's own closing comma counts).
  for (let j = k; j < pron; j++) {
    const comma = toks[j].text === "," || (toks[j].kind === "quote" && /,\s*\p{Pf}?\p{Pi}?["'»«]?$/u.test(text.slice(toks[j].start, toks[j].end)));
    if (comma) return pron > j + 1 && toks[pron - 1].text === ",";
  }
  return false;
}

export function pronoun(p: string, ctx: Context, prior: Cue[]): ResolvedSpeaker | null {
  if (p === "he" || p === "she") return personForPronoun(ctx, p === "he" ? "male" : "female");
  // "I" and "we" outside quotation marks are the writer's, or a post's author: no one named here.
  if (p === "i" || p === "we" || p === "you") return null;
  for (let k = prior.length - 1; k >= 0; k--) {
    const sp = prior[k].speaker;
    if (sp && sp.kind !== "person") return sp;
  }
  if (ctx.lastSpeaker && ctx.lastSpeaker.kind !== "person") return ctx.lastSpeaker;
  return ctx.lastOrg ?? ctx.lastDocument ?? ctx.lastSpeaker;
}

/**
 * A person named after a title or role. A spokesperson speaks for the body named before the
 * title ("Pentagon spokesman John Kirby" → the Pentagon), and "she said" later means that body.
 */
function personWithRole(text: string, toks: Tok[], name: [number, number], role: [number, number], ctx: Context, prior: Cue[]): Interp | null {
  const titleAt = name[0] - 1;
  const gender = genderOf(toks, role[0], name[1]);
  if (/^spokes/.test(toks[titleAt].lower) && titleAt > role[0]) {
    const body = interpret(text, toks, [role[0], titleAt - 1], ctx, prior);
    if (body?.speaker?.id) {
      ctx.roles.set(toks[titleAt].lower, body.speaker);
      ctx.persons.push({ speaker: body.speaker, gender });
      return body;
    }
  }
  const phrase = text.slice(toks[name[0]].start, toks[name[1]].end);
  const known = ctx.registry.resolve(phrase);
  const person = known ? fromRegistry(ctx, known, undefined) : { speaker: personSpeaker(phrase, gender, ctx), documentKey: null };
  // Each title, and the whole role ("WHO Director-General"), for a later "the WHO Director-General said".
  if (person.speaker) rememberRole(text, toks, role, person.speaker, ctx);
  return person;
}


/** Titles that name whoever leads a body, whatever the title it was introduced with ("the WHO chief"). */
const LEADER_WORDS = new Set(["chief", "head", "leader", "boss", "ceo"]);

/**
 * "the WHO chief", "the Google CEO", "the chief executive", with no name: the one person the article
 * introduced with a role holding the same body's words ("WHO Director-General NAME", "Google chief
 * executive NAME") and the same title, or any title when the mention's is a leader word. Null when
 * no person or more than one fits, or when the title is a spokesperson's (who speaks for the body).
 */
function personByRole(toks: Tok[], s: number, b: number, ctx: Context): ResolvedSpeaker | null {
  if (b === s || /^spokes/.test(toks[b].lower) || toks[b].lower.endsWith("s")) return null;
  // The phrase ends in a title ("the WHO chief") or in a title and its noun ("the chief executive").
  if (!isTitleWord(toks[b].lower) && !isTitleWord(toks[b - 1].lower)) return null;
  const body: string[] = [];
  const titles: string[] = [];
  for (let k = s; k <= b; k++) {
    if (ROLE_ADJECTIVES.has(toks[k].lower)) continue;
    (isTitleWord(toks[k].lower) ? titles : body).push(toks[k].lower.replace(/['’]s$|’$/, ""));
  }
  const leader = titles.length === 1 && LEADER_WORDS.has(titles[0]);
  let found: ResolvedSpeaker | null = null;
  for (const [key, person] of ctx.roles) {
    const words = key.split(" ");
    if (words.length < 2 || person.kind === "organisation") continue;
    if (!body.every((w) => words.includes(w))) continue;
    if (!leader && !titles.every((w) => words.includes(w))) continue;
    if (found && found !== person && found.name !== person.name) return null;
    found = person;
  }
  return found;
}

/** Key of a role of several words in ctx.roles: its words, lower case, single-spaced (a one-word title is keyed by itself). */
function roleKey(text: string, toks: Tok[], from: number, to: number): string {
  return normalizeName(text.slice(toks[from].start, toks[to].end));
}

export function newSpeaker(phrase: string, toks: Tok[], s: number, b: number, ctx: Context): ResolvedSpeaker {
  const name = cleanName(phrase);
  const words = toks.slice(s, b + 1).filter((t) => t.kind === "word");
  const caps = words.filter((t) => t.cap);
  const orgish = words.some((t) => ORGS.has(t.lower) || isOrganizationWord(t.lower));
  if (!caps.length) return { id: null, name, kind: orgish ? "organisation" : "unknown", generic: true };
  if (words.length === 1) {
    const known = ctx.people.get(words[0].lower);
    if (known) return known;
    return { id: null, name, kind: orgish ? "organisation" : "unknown", generic: orgish };
  }
  if (!orgish && looksLikePersonName(toks, s, b)) return personSpeaker(phrase, genderOf(toks, s, b), ctx);
  return { id: null, name, kind: orgish ? "organisation" : "unknown", generic: false };
}

export function remember(ctx: Context, s: ResolvedSpeaker) {
  ctx.lastSpeaker = s;
  if (!s.generic) ctx.recent.push(s);
  if (s.kind === "person") {
    const last = ctx.persons[ctx.persons.length - 1];
    if (last?.speaker !== s) ctx.persons.push({ speaker: s, gender: s.gender ?? null });
  } else ctx.lastOrg = s;
}
