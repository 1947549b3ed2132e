/**
 * Countries as ISO 3166-1 alpha-2 codes ("PK"), named in English through the
 * runtime's Intl data (no table to keep up to date). Pure: the editor form and the
 * server parse a country with the same functions.
 */

// Two-letter codes Intl names that are no country: unknown, private use, groupings.
const NOT_COUNTRIES = /^(?:ZZ|EU|EZ|UN|Q[M-Z]|X[A-JL-Z])$/;

let names: Intl.DisplayNames | null = null;
let all: { code: string; name: string }[] | null = null;

/** The English name of a country code ("PK" → "Pakistan"), or null for a code that names no country. */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.test(code)) return null;
  names ??= new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  return names.of(code) ?? null;
}

/** Every country Intl names, by name: [{ code: "AF", name: "Afghanistan" }, …]. */
export function listCountries(): { code: string; name: string }[] {
  if (!all) {
    const out: { code: string; name: string }[] = [];
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const name = countryName(code);
        if (name) out.push({ code, name });
      }
    }
    all = out.sort((x, y) => x.name.localeCompare(y.name, "en"));
  }
  return all;
}

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().trim();

/**
 * A country as an editor types it — a code ("pk", "PK") or its English name
 * ("Pakistan", "pakistan") — as its code; "" for empty input, null when it names no country.
 */
export function parseCountry(typed: string): string | null | "" {
  const text = typed.trim();
  if (!text) return "";
  if (/^[a-z]{2}$/i.test(text)) return countryName(text.toUpperCase()) ? text.toUpperCase() : null;
  const key = fold(text);
  return listCountries().find((c) => fold(c.name) === key)?.code ?? null;
}
