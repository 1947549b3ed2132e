/**
 * BENCH_BASE=http://HOST:PORT npx tsx scripts/bench/hot-vs-static.ts CORPUS_JSON [STATIC_PATH]
 *
 * One server's claim pages, measured as bench:web measures them (scripts/bench/web-load.ts: gzip
 * asked for, BENCH_CONNECTIONS autocannon connections, BENCH_DURATION s rounds), for a server bench:web
 * does not start (the 'use cache' prototype in scripts/bench/use-cache-prototype/, or the app started
 * by hand): cold first renders of 100 claim pages of the corpus's sample (p50/p95, ms), then 400 claim
 * pages made hot against a static file of the same server (STATIC_PATH, or the stylesheet its home
 * page links), in three alternating rounds (req/s and p99). CORPUS_JSON is a corpus description
 * bench:web saved in .bench-data; COLD_OFFSET (0) picks another 100 sample claims for a second run on
 * the same server.
 */
import { readFileSync } from "node:fs";
import { cold, load, warm } from "./web-load";
import { BASE, mean, percentile, staticAsset } from "./web-settings";

const [corpusFile, staticPath] = process.argv.slice(2);
if (!process.env.BENCH_BASE || !corpusFile) throw new Error("usage: BENCH_BASE=http://HOST:PORT npx tsx scripts/bench/hot-vs-static.ts CORPUS_JSON [STATIC_PATH]");
const staticFile = staticPath ?? (await staticAsset(BASE));
const info = JSON.parse(readFileSync(corpusFile, "utf8")) as { sample: { slug: string }[] };
const offset = Number(process.env.COLD_OFFSET ?? 0);
const paths = info.sample.map((c) => `/claims/${c.slug}`);
const hot = paths.slice(0, 400);

const coldTimes = await cold(paths.slice(400 + offset, 500 + offset));
console.log(`cold first renders: p50 ${percentile(coldTimes, 50).toFixed(0)} ms, p95 ${percentile(coldTimes, 95).toFixed(0)} ms`);

await warm([...hot, staticFile]);
const hotRates: number[] = [];
const staticRates: number[] = [];
for (let round = 1; round <= 3; round++) {
  const h = await load(hot);
  const s = await load([staticFile]);
  if (h.errors + s.errors > 0) throw new Error(`${h.errors + s.errors} requests failed`);
  hotRates.push(h.rps);
  staticRates.push(s.rps);
  console.log(`round ${round}: hot claim pages ${h.rps.toFixed(0)} req/s (p99 ${h.p99} ms), static file ${s.rps.toFixed(0)} req/s`);
}
console.log(`hot / static ${(mean(hotRates) / mean(staticRates)).toFixed(2)}× (${mean(hotRates).toFixed(0)} / ${mean(staticRates).toFixed(0)} req/s)`);
