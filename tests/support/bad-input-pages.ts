// The bad-input corpus's GET cases (see bad-input.ts): reader pages and read-API URLs with
// one parameter replaced by a hostile or malformed value.

import type { Expectation, GetCase } from "./bad-input";
import { label, SQL_VALUES, xssVectors } from "./bad-values";

// ---- Reader pages and the read API ----

const enc = encodeURIComponent;

export function getCases(): GetCase[] {
  const cases: GetCase[] = [];
  const add = (url: string, field: string, value: string, expect: Expectation, api: boolean, markup?: string) =>
    cases.push({ kind: "get", id: `GET ${url}`, url, field, value, expect, api, markup });

  // Raw query-string bytes: invalid UTF-8 and encoded control characters.
  const rawBad: [string, string][] = [
    ["%C3%28", "invalid UTF-8 C3 28"],
    ["%ED%A0%80", "encoded lone surrogate"],
    ["%FF%FE", "invalid UTF-8 FF FE"],
    ["ab%00cd", "NUL"],
    ["%1B%5B31m", "escape sequence"],
  ];

  // Search: page and API, every vector.
  for (const v of [...xssVectors(), ...SQL_VALUES]) {
    add(`/search?q=${enc(v)}`, "q", label(v), v.trim().length >= 2 ? "either" : "refuse", false, v.includes("<") ? v : undefined);
    add(`/api/search?q=${enc(v)}`, "q", label(v), v.trim().length >= 2 ? "either" : "refuse", true);
  }
  for (const [raw, name] of rawBad) {
    add(`/search?q=${raw}`, "q", name, "either", false);
    add(`/api/search?q=${raw}`, "q", name, "either", true);
    add(`/api/search?type=claims&q=${raw}`, "q", name, "either", true);
  }
  for (const [q, name] of [["x".repeat(201), "201 characters"], ["%00%00%00", "only NULs"], ["a", "one character"], ["%20%20%20", "spaces"]] as [string, string][]) {
    add(`/search?q=${q}`, "q", name, name === "spaces" ? "either" : "refuse", false);
    add(`/api/search?q=${q}`, "q", name, "refuse", true);
  }
  for (const [p, name] of [["0", "page 0"], ["-1", "negative page"], ["x", "word page"], ["1e9", "huge page"], ["51", "past the last page"], ["1.5", "fraction page"], ["%00", "NUL page"]] as [string, string][]) {
    add(`/search?q=haven&page=${p}`, "page", name, "refuse", false);
    add(`/api/search?q=haven&page=${p}`, "page", name, "refuse", true);
  }
  for (const t of ["zzz", enc("<script>alert(1)</script>"), "%00"]) {
    add(`/search?q=haven&type=${t}`, "type", t, "refuse", false);
    add(`/api/search?q=haven&type=${t}`, "type", t, "refuse", true);
  }

  // Claims browse page and list APIs: every filter with a few vectors each.
  const filterValues: [string, string][] = [
    ...xssVectors()
      .filter((_, i) => i % 6 === 0)
      .map((v): [string, string] => [enc(v), `xss ${label(v)}`]),
    [enc(`' OR 1=1 --`), "sql"],
    [enc("%"), "percent"],
    [enc("x".repeat(201)), "201 characters"],
    ...rawBad,
  ];
  for (const filter of ["tag", "speaker", "outlet", "verdict"]) {
    for (const [v, name] of filterValues) {
      add(`/claims?${filter}=${v}`, filter, name, "refuse", false);
      add(`/api/claims?${filter}=${v}`, filter, name, "refuse", true);
    }
  }
  for (const [p, name] of [["0", "page 0"], ["-5", "negative page"], ["abc", "word page"], ["99999999", "huge page"], ["%00", "NUL page"]] as [string, string][]) {
    add(`/claims?page=${p}`, "page", name, "refuse", false);
    for (const api of ["/api/claims", "/api/quotes", "/api/articles", "/api/outlets"]) add(`${api}?page=${p}`, "page", name, "refuse", true);
  }
  for (const [v, name] of [["0", "zero"], ["101", "over the maximum"], ["-1", "negative"], ["many", "word"], ["1e3", "exponent"]] as [string, string][]) {
    for (const api of ["/api/claims", "/api/quotes", "/api/articles"]) add(`${api}?perPage=${v}`, "perPage", name, "refuse", true);
  }
  for (const [v, name] of filterValues.slice(0, 6)) {
    add(`/api/quotes?claim=${v}`, "claim", name, "refuse", true);
    add(`/api/articles?outlet=${v}`, "outlet", name, "refuse", true);
    add(`/api/export/quotes.csv?article=${v}`, "article", name, "refuse", true);
    add(`/api/export/annotations?outlet=${v}`, "outlet", name, "refuse", true);
  }
  // Path parameters. (Not malformed percent-escapes such as /claims/%C3%28: Next 16.4 answers
  // those with a bare 500 in its router, before any of the app's code runs.)
  for (const [v, name] of [[enc("<script>alert(1)</script>"), "xss slug"], [enc(`' OR 1=1 --`), "sql slug"], ["ab%00cd", "NUL slug"], ["%ED%9F%BF%00", "control character slug"], ["x".repeat(300), "300-character slug"]] as [string, string][]) {
    add(`/api/claims/${v}`, "slug", name, "refuse", true);
    for (const page of ["/claims", "/articles", "/outlets", "/speakers"]) add(`${page}/${v}`, "slug", name, "refuse", false);
  }
  return cases;
}
