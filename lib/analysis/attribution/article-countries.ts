// The countries an article is about (its dateline, then the governments it names most), which
// turn "the foreign ministry" into a country's ministry.

import type { Context } from "./context";

export const GENERIC_MINISTRY = /^(?:(?:the\s+)?(?:foreign|external affairs|defen[cs]e|interior)\s+(?:office|ministry|affairs ministry)(?:\s+spokes(?:person|man|woman))?|ministry of (?:foreign|external) affairs|FO|MOFA)$/i;
export const DATELINE = /^\s*([A-Z][A-Za-z .'-]{2,30}?)\s*(?:,\s*(?:[A-Za-z.]+(?: +[A-Za-z.]+)*\s*)?)?(?:\(\w+\)\s*)?[:\-–—]\s/;

/** Demonyms and country names the article is about: its dateline first, then the most mentioned. */
export function articleCountries(ctx: Context): string[] {
  if (ctx.countries) return ctx.countries;
  const counts = new Map<string, number>();
  const names = new Map<string, string[]>(); // government entry id → [demonym-ish name, country]
  for (const e of ctx.registry.entries()) {
    if (!e.id.endsWith("-govt") || e.kind !== "government") continue;
    const country = e.name.replace(/^Government of /, "");
    const demonym = e.aliases.find((a) => / government$/.test(a) && !a.startsWith(country))?.replace(/ government$/, "") ?? country;
    names.set(e.id, [demonym, country]);
  }
  const body = ctx.text.slice(0, 20000);
  const para = body.split("\n").find((l, i) => i > 0 && l.trim()) ?? "";
  const dl = DATELINE.exec(para);
  for (const m of ctx.registry.findAll(body)) {
    if (!names.has(m.entry.id)) continue;
    counts.set(m.entry.id, (counts.get(m.entry.id) ?? 0) + 1);
  }
  if (dl) {
    const hit = ctx.registry.resolve(dl[1].trim().toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()));
    if (hit && names.has(hit.id)) counts.set(hit.id, (counts.get(hit.id) ?? 0) + 1000);
  }
  ctx.countries = [...counts.entries()].sort((a, b) => b[1] - a[1]).flatMap(([id]) => names.get(id)!);
  return ctx.countries;
}
