/**
 * npx tsx scripts/bench/hot-vs-static.ts BASE CORPUS_JSON [STATIC_PATH]
 *
 * One server's claim pages, as bench:web measures them (gzip asked for), for a server bench:web does
 * not start (the 'use cache' prototype in scripts/bench/use-cache-prototype/, or the app started by
 * hand): cold first renders of 100 claim pages of the corpus's sample (p50/p95, ms, and mean body
 * size), then 400 claim pages made hot and served to 32 autocannon connections against a static file
 * of the same server (STATIC_PATH, or the stylesheet its home page links), in three alternating 5 s
 * rounds (req/s and p99). CORPUS_JSON is a corpus description bench:web saved in .bench-data;
 * COLD_OFFSET (0) picks another 100 sample claims for a second run on the same server.
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { mean, percentile, staticAsset } from "./web-settings";

const [base, corpusFile, staticPath] = process.argv.slice(2);
if (!base || !corpusFile) throw new Error("usage: npx tsx scripts/bench/hot-vs-static.ts BASE CORPUS_JSON [STATIC_PATH]");
/** As bench:web asks (scripts/bench/web-load.ts): the public cache keeps a copy per content coding. */
const GZIP = { "accept-encoding": "gzip" };
const staticFile = staticPath ?? (await staticAsset(base));
const info = JSON.parse(readFileSync(corpusFile, "utf8")) as { sample: { slug: string }[] };
const offset = Number(process.env.COLD_OFFSET ?? 0);
const paths = info.sample.map((c) => `/claims/${c.slug}`);
const hot = paths.slice(0, 400);
const cold = paths.slice(400 + offset, 500 + offset);

const coldTimes: number[] = [];
let bytes = 0;
for (const p of cold) {
  const started = performance.now();
  const response = await fetch(base + p, { headers: GZIP });
  bytes += (await response.arrayBuffer()).byteLength;
  coldTimes.push(performance.now() - started);
  if (response.status !== 200) throw new Error(`${p}: HTTP ${response.status}`);
}
console.log(`cold first renders: p50 ${percentile(coldTimes, 50).toFixed(0)} ms, p95 ${percentile(coldTimes, 95).toFixed(0)} ms, mean body ${(bytes / cold.length / 1024).toFixed(1)} KB`);

async function rate(list: string[]) {
  let i = 0;
  const result = await autocannon({ url: base, connections: 32, duration: 5, headers: GZIP, requests: [{ setupRequest: (req) => ({ ...req, path: list[i++ % list.length] }) }] });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} responses were not 2xx`);
  return result;
}
for (let pass = 0; pass < 2; pass++) for (const p of [...hot, staticFile]) await (await fetch(base + p, { headers: GZIP })).arrayBuffer();
const hotRates: number[] = [];
const staticRates: number[] = [];
for (let round = 1; round <= 3; round++) {
  const h = await rate(hot);
  const s = await rate([staticFile]);
  hotRates.push(h.requests.average);
  staticRates.push(s.requests.average);
  console.log(`round ${round}: hot claim pages ${h.requests.average.toFixed(0)} req/s (p99 ${h.latency.p99} ms), static file ${s.requests.average.toFixed(0)} req/s`);
}
console.log(`hot / static ${(mean(hotRates) / mean(staticRates)).toFixed(2)}× (${mean(hotRates).toFixed(0)} / ${mean(staticRates).toFixed(0)} req/s)`);
