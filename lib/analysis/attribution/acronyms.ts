// Acronyms an article defines in brackets: "The Interior Ministry (IM) on Monday said",
// "the Africa Centres for Disease Control and Prevention (Africa CDC)". The acronym becomes an
// alias of the body (stored with a new speaker, so the registry learns it), and a later bare
// "IM said" resolves to the body.

import { normalizeName } from "../text";
import type { Tok } from "../tokens";
import type { Context } from "./context";
import { ARTICLES, NP_JOINERS } from "./words";

const ACRONYM = /^\p{Lu}[\p{Lu}\d&.-]*$/u;

/** Records "Name (ACRONYM)" pairs of one sentence in ctx.acronyms (acronym → name as written). */
export function noteAcronyms(text: string, toks: Tok[], ctx: Context) {
  for (let k = 2; k + 1 < toks.length; k++) {
    if (toks[k - 1].text !== "(" || toks[k + 1].text !== ")") continue;
    const acr = toks[k];
    if (acr.kind !== "word" || acr.text.length < 2 || !ACRONYM.test(acr.text.replace(/^\p{Lu}\p{Ll}+ /u, ""))) continue;
    // The capitalised name right before the bracket ("of", "and", "for" may join its words).
    let a = k - 2;
    while (a > 0 && toks[a - 1].kind === "word" && (toks[a - 1].cap || (NP_JOINERS.has(toks[a - 1].lower) && toks[a - 2]?.cap))) a--;
    while (a < k - 2 && (ARTICLES.has(toks[a].lower) || !toks[a].cap)) a++;
    if (!toks[k - 2].cap || initials(toks, a, k - 2).indexOf(acr.text[0]) < 0) continue;
    ctx.acronyms.set(acr.text, text.slice(toks[a].start, toks[k - 2].end));
  }
}

function initials(toks: Tok[], a: number, b: number): string {
  let s = "";
  for (let j = a; j <= b; j++) if (toks[j].cap) s += toks[j].text[0];
  return s;
}

/** The acronyms defined for a name ("Interior Ministry" → ["IM"]). */
export function acronymsOf(ctx: Context, name: string): string[] {
  const n = normalizeName(name);
  const out: string[] = [];
  for (const [acr, full] of ctx.acronyms) if (normalizeName(full) === n) out.push(acr);
  return out;
}
