// Benchmarks the analysis core on a synthetic corpus built from the seed
// articles in lib/analysis/fixtures (no network, no database).
//
//   npm run bench:analysis [-- --mb 20 --quotes 100000]
//
// Prints one figure per line: article analysis throughput (MB/s on one core),
// claim matching time for 10k and 100k quotes and their ratio, the synthetic
// claim-matching precision/recall, and peak memory.

import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ClaimQuote, groupClaims } from "../lib/analysis/claims";
import { analyzeArticle } from "../lib/analysis/pipeline";
import { createSpeakerRegistry } from "../lib/analysis/speakers";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(here, "..", "lib", "analysis", "fixtures");

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

/** Deterministic PRNG (mulberry32) so every run measures the same corpus. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadSeeds(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".txt") && !f.endsWith(".raw.txt") && !f.startsWith("primary-"))
    .sort()
    .map((f) => readFileSync(join(FIXTURES, f), "utf8"));
}

/** Articles made by shuffling and mixing the seeds' paragraphs (headline kept first). */
function syntheticArticles(seeds: string[], targetBytes: number, rand: () => number): string[] {
  const paras = seeds.flatMap((s) => s.split(/\n+/).slice(1)).filter((p) => p.trim());
  const heads = seeds.map((s) => s.split("\n")[0]);
  const out: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const n = 8 + Math.floor(rand() * 20);
    const body: string[] = [];
    for (let i = 0; i < n; i++) body.push(paras[Math.floor(rand() * paras.length)]);
    const text = [heads[Math.floor(rand() * heads.length)], ...body].join("\n\n");
    out.push(text);
    bytes += Buffer.byteLength(text, "utf8");
  }
  return out;
}

/** A vocabulary from the seeds plus invented names, so synthetic claims differ the way real ones do. */
function vocabulary(seeds: string[], rand: () => number): { words: string[]; names: string[] } {
  const words = [...new Set(seeds.join(" ").toLowerCase().match(/[a-z][a-z-]{2,}/g) ?? [])];
  const syl = ["ka", "ra", "zan", "mir", "sha", "dor", "vel", "qu", "tor", "bin", "hal", "nes", "ter", "gul", "fa", "lo"];
  const names: string[] = [];
  for (let i = 0; i < 20000; i++) {
    let w = "";
    const k = 2 + Math.floor(rand() * 3);
    for (let j = 0; j < k; j++) w += syl[Math.floor(rand() * syl.length)];
    names.push(w[0].toUpperCase() + w.slice(1));
  }
  return { words, names };
}

interface SynthQuote extends ClaimQuote {
  truth: number;
}

function syntheticQuotes(total: number, seeds: string[], rand: () => number): SynthQuote[] {
  const { words, names } = vocabulary(seeds, rand);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const out: SynthQuote[] = [];
  let claim = 0;
  while (out.length < total) {
    const len = 8 + Math.floor(rand() * 22);
    const sentence: string[] = [];
    for (let i = 0; i < len; i++) sentence.push(rand() < 0.18 ? pick(names) : pick(words));
    const speakerKey = `speaker-${Math.floor(rand() * 500)}`;
    const documentKey = rand() < 0.3 ? `doc-${Math.floor(rand() * 50)}:${2015 + Math.floor(rand() * 6)}` : null;
    const copies = 1 + Math.floor(rand() * 6);
    for (let c = 0; c < copies && out.length < total; c++) {
      const r = rand();
      let text: string[];
      if (c === 0 || r < 0.35) text = sentence;
      else if (r < 0.6) {
        const a = Math.floor(rand() * (len - 3));
        text = sentence.slice(a, a + 3 + Math.floor(rand() * (len - a - 3)));
      } else if (r < 0.75) {
        const cut = 2 + Math.floor(rand() * (len - 4));
        text = [...sentence.slice(0, cut), "…", ...sentence.slice(cut + 2)];
      } else {
        text = sentence.map((w) => (rand() < 0.15 ? pick(words) : w)).filter(() => rand() > 0.05);
      }
      out.push({ id: `q${out.length}`, text: text.join(" "), articleId: `a${Math.floor(out.length / 12)}`, speakerKey, documentKey, truth: claim });
    }
    claim++;
  }
  return out;
}

/** CPU seconds (user + system) of this process: per-core figures that a busy machine does not distort. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function timeGrouping(quotes: SynthQuote[]) {
  const t0 = performance.now();
  const c0 = cpuSeconds();
  const res = groupClaims(quotes);
  const cpu = cpuSeconds() - c0;
  const ms = performance.now() - t0;
  // Pairwise precision/recall over same-claim pairs, counted per cluster (no pair enumeration).
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const truthSizes = new Map<number, number>();
  const predSizes = new Map<string, number>();
  const both = new Map<string, number>();
  for (const q of quotes) {
    const k = res.byQuote.get(q.id)!.claimKey;
    truthSizes.set(q.truth, (truthSizes.get(q.truth) ?? 0) + 1);
    predSizes.set(k, (predSizes.get(k) ?? 0) + 1);
    const bk = `${k}|${q.truth}`;
    both.set(bk, (both.get(bk) ?? 0) + 1);
  }
  let tp = 0, tpp = 0, tt = 0;
  for (const n of both.values()) tp += pairs(n);
  for (const n of predSizes.values()) tpp += pairs(n);
  for (const n of truthSizes.values()) tt += pairs(n);
  return { ms, cpu, precision: tpp ? tp / tpp : 1, recall: tt ? tp / tt : 1, claims: res.claims.length };
}

function main() {
  const mb = arg("mb", 20);
  const nQuotes = arg("quotes", 100000);
  const seeds = loadSeeds();
  const rand = rng(42);
  const registry = createSpeakerRegistry();

  const articles = syntheticArticles(seeds, mb * 1e6, rand);
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a, "utf8"), 0);
  for (const a of articles.slice(0, 50)) analyzeArticle(a, { registry }); // warm-up
  let quotes = 0;
  const t0 = performance.now();
  const c0 = cpuSeconds();
  for (const a of articles) quotes += analyzeArticle(a, { registry }).quotes.length;
  const cpu = cpuSeconds() - c0;
  const secs = (performance.now() - t0) / 1000;

  const all = syntheticQuotes(nQuotes, seeds, rng(7));
  const small = all.slice(0, Math.round(nQuotes / 10));
  timeGrouping(small.slice(0, 5000)); // warm-up: JIT the matcher before timing
  const r10 = timeGrouping(small);
  const r100 = timeGrouping(all);

  const mem = process.memoryUsage();
  const maxRss = process.resourceUsage().maxRSS; // KiB
  const lines = [
    `analysis corpus: ${articles.length} articles, ${(bytes / 1e6).toFixed(1)} MB, ${quotes} quotes`,
    `analysis throughput per core: ${(bytes / 1e6 / cpu).toFixed(2)} MB/s (${cpu.toFixed(2)} s CPU, single-threaded)`,
    `analysis throughput wall clock: ${(bytes / 1e6 / secs).toFixed(2)} MB/s (${secs.toFixed(2)} s)`,
    `claim matching ${small.length} quotes: ${r10.cpu.toFixed(2)} s CPU, ${(r10.ms / 1000).toFixed(2)} s wall (${r10.claims} claims)`,
    `claim matching ${all.length} quotes: ${r100.cpu.toFixed(2)} s CPU, ${(r100.ms / 1000).toFixed(2)} s wall (${r100.claims} claims)`,
    `claim matching time ratio ${all.length}/${small.length}: ${(r100.cpu / r10.cpu).toFixed(2)} (CPU), ${(r100.ms / r10.ms).toFixed(2)} (wall)`,
    `claim matching synthetic pairs (${all.length}): precision ${(100 * r100.precision).toFixed(1)}% recall ${(100 * r100.recall).toFixed(1)}%`,
    `peak memory (maxRSS): ${(maxRss / 1024).toFixed(0)} MB`,
    `heap used at end: ${(mem.heapUsed / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

main();
