// Speaker registry: maps the names outlets use ("Foggy Bottom", "the
// Pakistani foreign office", "Country Reports on Terrorism") to one entry.
// The app builds one per request from its database speakers; editors extend
// it by adding aliases there, so nothing here is specific to an article.

import { DEFAULT_SPEAKERS, type SpeakerEntry, type SpeakerKind } from "./data/default-speakers";
import { foldTypography, normalizeName } from "./text";

export type { SpeakerEntry, SpeakerKind };

export interface SpeakerMatch {
  entry: SpeakerEntry;
  /** Token range of the alias inside the searched mention. */
  from: number;
  to: number;
  /** The words right before and after the alias (a year next to a report title, a possessive). */
  before?: string;
  after?: string;
  /** The alias ends the searched text (it is the mention's head). */
  atEnd: boolean;
}

export interface SpeakerRegistry {
  /** The entry a whole mention names ("the State Department’s" → State), or null. */
  resolve(mention: string): SpeakerEntry | null;
  /** The longest alias found anywhere inside a longer mention, left-most first on ties. */
  findIn(mention: string): SpeakerMatch | null;
  get(id: string): SpeakerEntry | undefined;
  /** Every alias occurrence in a text, longest first, non-overlapping, left to right. */
  findAll(text: string): SpeakerMatch[];
  /** Document aliases among already split, lower-cased words (fast path for scanning every sentence). */
  findDocuments(words: string[]): SpeakerMatch[];
  /** For a document entry, the entry of its issuer; otherwise the entry itself. */
  speakerOf(entry: SpeakerEntry): SpeakerEntry;
  entries(): readonly SpeakerEntry[];
  /** True for a body other entries belong to (U.S. Government, Government of Pakistan). */
  isUmbrella(id: string): boolean;
}

export interface RegistryOptions {
  /** Include the built-in entries (default true). App entries win on id and alias clashes. */
  defaults?: boolean;
}

interface AliasRecord {
  entry: SpeakerEntry;
  /** Acronyms ("WHO", "IS") must match exactly; capitalised one-word aliases ("State") need a capital. */
  exact: string | null;
  needsCapital: boolean;
}

const MAX_ALIAS_TOKENS = 12;

/** Tokens used for alias look-up: dots dropped (U.S. = US), possessive kept apart. */
function aliasTokens(s: string): { norm: string[]; raw: string[] } {
  const raw = foldTypography(s)
    .replace(/'s\b/g, " 's")
    .replace(/[,;:()[\]"“”]/g, " ")
    .split(/\s+/)
    .filter((w) => w && w !== "'s" && w !== "'");
  const norm = raw.map((w) => w.toLowerCase().replace(/\./g, "").replace(/'$/, ""));
  return { norm, raw };
}

export function createSpeakerRegistry(entries: readonly SpeakerEntry[] = [], opts: RegistryOptions = {}): SpeakerRegistry {
  const byId = new Map<string, SpeakerEntry>();
  const all = [...(opts.defaults === false ? [] : DEFAULT_SPEAKERS), ...entries];
  for (const e of all) byId.set(e.id, e); // later (app) entries replace built-ins with the same id
  const aliases = new Map<string, AliasRecord[]>();
  // First token of every alias → longest alias length starting with it, so
  // scanning a text costs one map probe per token.
  const firstTokens = new Map<string, number>();
  const docFirstTokens = new Map<string, number>();
  const add = (alias: string, entry: SpeakerEntry) => {
    const { norm, raw } = aliasTokens(alias);
    if (!norm.length) return;
    if (norm[0] === "the") {
      norm.shift();
      raw.shift();
    }
    const key = norm.join(" ");
    firstTokens.set(norm[0], Math.max(firstTokens.get(norm[0]) ?? 0, norm.length));
    if (entry.kind === "document") docFirstTokens.set(norm[0], Math.max(docFirstTokens.get(norm[0]) ?? 0, norm.length));
    const acronym = raw.length === 1 && /^[A-Z][A-Z.&]{1,5}$/.test(raw[0]) && raw[0] !== "U.S.";
    const rec: AliasRecord = {
      entry,
      exact: acronym ? raw[0].replace(/\./g, "") : null,
      needsCapital: raw.length === 1 && /^\p{Lu}/u.test(raw[0]),
    };
    const list = aliases.get(key) ?? [];
    // An app entry's alias overrides a built-in one with the same spelling.
    const filtered = list.filter((r) => r.entry.id !== entry.id);
    const appFirst = entries.includes(entry);
    aliases.set(key, appFirst ? [rec, ...filtered] : [...filtered, rec]);
  };
  for (const e of byId.values()) {
    add(e.name, e);
    for (const a of e.aliases) add(a, e);
  }

  const accept = (rec: AliasRecord, raw: string[]) => {
    if (rec.exact) return raw.length === 1 && raw[0].replace(/\./g, "") === rec.exact;
    if (rec.needsCapital) return raw.length === 1 && /^\p{Lu}/u.test(raw[0]);
    return true;
  };

  const lookup = (norm: string[], raw: string[], from: number, to: number): SpeakerEntry | null => {
    const recs = aliases.get(norm.slice(from, to).join(" "));
    if (!recs) return null;
    for (const r of recs) if (accept(r, raw.slice(from, to))) return r.entry;
    return null;
  };

  const scan = (norm: string[], raw: string[], first = firstTokens): SpeakerMatch[] => {
    const found: SpeakerMatch[] = [];
    for (let from = 0; from < norm.length; from++) {
      const max = first.get(norm[from]);
      if (!max) continue;
      for (let len = Math.min(max, MAX_ALIAS_TOKENS, norm.length - from); len >= 1; len--) {
        const hit = lookup(norm, raw, from, from + len);
        if (hit) {
          found.push({ entry: hit, from, to: from + len, before: raw[from - 1], after: raw[from + len], atEnd: from + len === norm.length });
          break;
        }
      }
    }
    return found;
  };

  const findIn = (mention: string): SpeakerMatch | null => {
    const { norm, raw } = aliasTokens(mention);
    let best: SpeakerMatch | null = null;
    for (const m of scan(norm, raw)) if (!best || m.to - m.from > best.to - best.from) best = m;
    return best;
  };

  const findAll = (text: string): SpeakerMatch[] => {
    const { norm, raw } = aliasTokens(text);
    const out: SpeakerMatch[] = [];
    let reach = 0;
    for (const m of scan(norm, raw)) {
      if (m.from < reach) continue;
      out.push(m);
      reach = m.to;
    }
    return out;
  };

  const findDocuments = (words: string[]): SpeakerMatch[] => {
    let any = false;
    const norm = words.map((w) => {
      const n = w.includes(".") ? w.replace(/\./g, "") : w;
      if (docFirstTokens.has(n)) any = true;
      return n;
    });
    if (!any) return [];
    const out: SpeakerMatch[] = [];
    let reach = 0;
    for (const m of scan(norm, words, docFirstTokens)) {
      if (m.from < reach || m.entry.kind !== "document") continue;
      out.push(m);
      reach = m.to;
    }
    return out;
  };

  const resolve = (mention: string): SpeakerEntry | null => {
    const cleaned = mention.trim().replace(/['’]s?$/, "");
    const { norm, raw } = aliasTokens(cleaned);
    let from = 0;
    while (from < norm.length && (norm[from] === "the" || norm[from] === "a" || norm[from] === "an")) from++;
    return from < norm.length ? lookup(norm, raw, from, norm.length) : null;
  };

  const parents = new Set<string>();
  for (const e of byId.values()) if (e.parentId) parents.add(e.parentId);

  const speakerOf = (e: SpeakerEntry) => (e.kind === "document" && e.issuerId ? byId.get(e.issuerId) ?? e : e);

  return {
    resolve,
    findIn,
    findAll,
    findDocuments,
    get: (id) => byId.get(id),
    speakerOf,
    entries: () => [...byId.values()],
    isUmbrella: (id) => parents.has(id),
  };
}

/** Compares two display names the way editors (and the scorer) do. */
export function sameSpeakerName(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return normalizeName(a) === normalizeName(b);
}
