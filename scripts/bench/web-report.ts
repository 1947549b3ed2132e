// The table `npm run bench:web` prints, one column per corpus, and PASS/FAIL per target of issue 13.
import { corpora } from "./web-settings";

export interface Figures {
  label: string;
  load: string;
  quotes: number;
  largestQuotes: number;
  staticRps: number;
  hotRps: number;
  hotP99: number;
  coldClaimP50: number;
  coldClaimP95: number;
  largestClaim: number;
  claimsListP95: number;
  outletP95: number;
  speakerP95: number;
  /** Cold render of each of OTHER_LISTS, in that order (ms). */
  otherLists: number[];
  searchP50: number;
  searchP95: number;
  misspelt: number;
  misspeltP95: number;
  /** Share of the misspelt queries that found something (as typed, through stemming, or corrected). */
  misspeltFound: number;
  /** Share of the misspelt queries answered with a corrected query's results. */
  misspeltCorrected: number;
  readRps: number;
  readWriteRps: number;
  readP99: number;
  readWriteP99: number;
  writes: number;
  writeFailures: number;
  writeP50: number;
  errors: number;
}

/** The other list pages, each rendered once cold. */
export const OTHER_LISTS = ["/", "/outlets", "/speakers", "/articles", "/tags"] as const;

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 1 : 0)} ms` : "–");
const x = (n: number) => `${n.toFixed(2)}×`;
const int = (n: number) => Math.round(n).toLocaleString("en");

export function report(all: Figures[]) {
  const rows: [string, (f: Figures) => string][] = [
    ["load average (1, 5, 15 min) before → after", (f) => f.load],
    ["quotes (largest claim)", (f) => `${int(f.quotes)} (${int(f.largestQuotes)})`],
    ["static file req/s", (f) => int(f.staticRps)],
    ["hot claim pages req/s", (f) => int(f.hotRps)],
    ["  hot / static", (f) => x(f.hotRps / f.staticRps)],
    ["  hot p99", (f) => ms(f.hotP99)],
    ["cold claim page p50", (f) => ms(f.coldClaimP50)],
    ["cold claim page p95", (f) => ms(f.coldClaimP95)],
    ["largest claim page, cold (p50 of 3)", (f) => ms(f.largestClaim)],
    ["/claims cold p95 (pages, filters)", (f) => ms(f.claimsListP95)],
    ["outlet pages cold p95", (f) => ms(f.outletP95)],
    ["speaker pages cold p95", (f) => ms(f.speakerP95)],
    ...OTHER_LISTS.map((path, i) => [`${path} cold`, (f: Figures) => ms(f.otherLists[i])] as [string, (f: Figures) => string]),
    ["uncached search p50", (f) => ms(f.searchP50)],
    ["uncached search p95", (f) => ms(f.searchP95)],
    ["  misspelt queries", (f) => `${Math.round(f.misspelt * 100)}%`],
    ["  misspelt only: p95", (f) => ms(f.misspeltP95)],
    ["  misspelt: found something (corrected)", (f) => `${Math.round(f.misspeltFound * 100)}% (${Math.round(f.misspeltCorrected * 100)}%)`],
    ["readers req/s, no writes", (f) => int(f.readRps)],
    ["readers req/s, 1 write/s", (f) => int(f.readWriteRps)],
    ["  with writes / without", (f) => x(f.readWriteRps / f.readRps)],
    ["  p99 without → with writes", (f) => `${ms(f.readP99)} → ${ms(f.readWriteP99)}`],
    ["  writes done (failed), p50", (f) => `${f.writes} (${f.writeFailures}), ${ms(f.writeP50)}`],
    ["errors under load", (f) => String(f.errors)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  const col = Math.max(16, ...all.flatMap((f) => rows.map(([, get]) => get(f).length + 2)));
  console.log();
  console.log("".padEnd(width) + all.map((f) => f.label.padStart(col)).join(""));
  for (const [name, get] of rows) console.log(name.padEnd(width) + all.map((f) => get(f).padStart(col)).join(""));
  console.log();

  const verdicts: [string, boolean | null, string][] = [];
  const check = (name: string, ok: boolean | null, detail: string) => verdicts.push([name, ok, detail]);
  const find = (kind: "pg" | "pglite", quotes: number) => all.find((f, i) => corpora[i].kind === kind && corpora[i].quotes === quotes);
  const pgMillion = find("pg", 1_000_000);
  const pgHundred = find("pg", 100_000);
  const embedded = find("pglite", 100_000);
  check("hot claim pages ≥ 0.9× the static file", all.every((f) => f.hotRps / f.staticRps >= 0.9), all.map((f) => `${f.label} ${x(f.hotRps / f.staticRps)}`).join(", "));
  check("cold claim page p95 ≤ 100 ms at 1M on PostgreSQL", pgMillion ? pgMillion.coldClaimP95 <= 100 : null, pgMillion ? ms(pgMillion.coldClaimP95) : "not run");
  check("/claims cold ≤ 200 ms", all.every((f) => f.claimsListP95 <= 200), all.map((f) => `${f.label} ${ms(f.claimsListP95)}`).join(", "));
  check("uncached search p95 ≤ 100 ms at 1M on PostgreSQL", pgMillion ? pgMillion.searchP95 <= 100 : null, pgMillion ? ms(pgMillion.searchP95) : "not run");
  check("uncached search p95 ≤ 300 ms at 100k embedded", embedded ? embedded.searchP95 <= 300 : null, embedded ? ms(embedded.searchP95) : "not run");
  check("one write/s keeps reader throughput ≥ 0.9×", all.every((f) => f.readWriteRps / f.readRps >= 0.9), all.map((f) => `${f.label} ${x(f.readWriteRps / f.readRps)}`).join(", "));
  if (pgMillion && pgHundred) {
    const paths: [string, (f: Figures) => number][] = [
      ["cold claim page p95", (f) => f.coldClaimP95],
      ["/claims cold p95", (f) => f.claimsListP95],
      ["outlet pages cold p95", (f) => f.outletP95],
      ["speaker pages cold p95", (f) => f.speakerP95],
      ["uncached search p95", (f) => f.searchP95],
    ];
    for (const [name, get] of paths) {
      const ratio = get(pgMillion) / get(pgHundred);
      check(`time(1M)/time(100k) ≤ 2: ${name}`, ratio <= 2, `${ms(get(pgHundred))} → ${ms(get(pgMillion))}: ${x(ratio)}`);
    }
  } else {
    check("time(1M)/time(100k) ≤ 2 for the cold paths", null, "needs pg:100k and pg:1m");
  }
  for (const [name, ok, detail] of verdicts) console.log(`${ok === null ? "SKIP" : ok ? "PASS" : "FAIL"}  ${name} (${detail})`);
}
