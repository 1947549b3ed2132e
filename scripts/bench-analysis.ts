// Benchmarks the analysis as a user runs it, and claim grouping alone.
//
//   npm run bench:analysis [-- --articles 2500,10000] [--quotes 100000] [--million] [--keep DIR]
//
// 1. Writes folders of synthetic news articles (scripts/bench/synthetic-news.ts:
//    deterministic from a seed, 3–8 KB each, about one quotation per 400 bytes,
//    a quarter of them reprints of another outlet's wire copy, nothing taken from
//    the seed corpus or any gold set) and runs the whole `npm run analyze`
//    process on each (`tsx scripts/analyze.ts DIR --stats FILE`, output to
//    /dev/null; it analyses in worker threads, one per core). Prints MB/s per core
//    from the process's CPU time (all threads) and from wall time (divided by the
//    cores it could use: its threads, at most the machine's), and its peak RSS: at
//    2,500 and at 10,000 articles, so memory that grows with the corpus shows.
// 2. Groups 10k and 100k synthetic quotes (and 1M with --million, several
//    minutes) with ClaimGrouper in this process: time, the 100k/10k ratio, and
//    pairwise precision/recall against the statements the quotes were made from.
//
// Each figure is one line. CPU time is what a busy, shared machine does not
// distort; wall time is printed beside it.

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ClaimGrouper } from "../lib/analysis/claims";
import { type SyntheticQuote, syntheticArticles, syntheticQuotes } from "./bench/synthetic-news";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function writeCorpus(dir: string, n: number): { bytes: number; reprints: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let reprints = 0;
  for (const a of syntheticArticles({ articles: n })) {
    writeFileSync(join(dir, `${a.id}.txt`), a.text);
    bytes += Buffer.byteLength(a.text);
    if (a.reprintOf) reprints++;
  }
  return { bytes, reprints };
}

interface Stats {
  articles: number;
  bytes: number;
  quotes: number;
  claims: number;
  threads: number;
  cpuSeconds: number;
  wallSeconds: number;
  maxRssMB: number;
}

/** Runs the analyze command as `npm run analyze` does, in its own process. */
function runAnalyze(dir: string): Stats & { processWallSeconds: number } {
  const statsFile = join(dir, "..", `${dir.split("/").pop()}.stats.json`);
  const t0 = performance.now();
  execFileSync(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "analyze.ts"), dir, "--stats", statsFile], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    maxBuffer: 1 << 20,
  });
  const processWallSeconds = (performance.now() - t0) / 1000;
  return { ...(JSON.parse(readFileSync(statsFile, "utf8")) as Stats), processWallSeconds };
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Pairwise precision/recall of same-claim pairs, counted per cluster (no pair enumeration). */
function pairScores(quotes: SyntheticQuote[], claimOf: (i: number) => number) {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const truth = new Map<number, number>();
  const pred = new Map<number, number>();
  const both = new Map<string, number>();
  quotes.forEach((q, i) => {
    if (q.truth < 0) return;
    const c = claimOf(i);
    truth.set(q.truth, (truth.get(q.truth) ?? 0) + 1);
    pred.set(c, (pred.get(c) ?? 0) + 1);
    const k = `${c}|${q.truth}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  });
  let tp = 0, tpp = 0, tt = 0;
  for (const n of both.values()) tp += pairs(n);
  for (const n of pred.values()) tpp += pairs(n);
  for (const n of truth.values()) tt += pairs(n);
  return { precision: tpp ? tp / tpp : 1, recall: tt ? tp / tt : 1 };
}

function timeGrouping(quotes: SyntheticQuote[]) {
  const g = new ClaimGrouper();
  const claims = new Int32Array(quotes.length);
  const c0 = cpuSeconds();
  const t0 = performance.now();
  // Quotes arrive article by article, as from the analysis.
  for (let i = 0; i < quotes.length; ) {
    let j = i + 1;
    while (j < quotes.length && quotes[j].articleId === quotes[i].articleId) j++;
    const res = g.addArticle(quotes.slice(i, j));
    res.forEach((r, k) => (claims[i + k] = r.claim));
    i = j;
  }
  const cpu = cpuSeconds() - c0;
  const wall = (performance.now() - t0) / 1000;
  const scores = pairScores(quotes, (i) => g.find(claims[i]));
  return { cpu, wall, claims: g.claimCount, ...scores };
}

function main() {
  const sizes = (arg("articles") ?? "2500,10000").split(",").map(Number).filter((n) => n > 0);
  const nQuotes = Number(arg("quotes") ?? 100000);
  const base = arg("keep") ?? join(tmpdir(), "claimscope-bench-analysis");
  const print = (line: string) => process.stdout.write(line + "\n");

  for (const n of sizes) {
    const dir = join(base, `articles-${n}`);
    const { bytes, reprints } = writeCorpus(dir, n);
    const s = runAnalyze(dir);
    const mb = bytes / 1e6;
    const cores = Math.min(s.threads ?? 1, availableParallelism());
    print(`analyze ${n} articles: ${mb.toFixed(1)} MB, ${s.quotes} quotes, ${s.claims} claims, ${reprints} reprints (${((100 * reprints) / n).toFixed(0)}%)`);
    print(`analyze ${n} articles: ${(mb / s.cpuSeconds).toFixed(2)} MB/s per core from CPU time (${s.cpuSeconds.toFixed(2)} s CPU, ${s.threads ?? 1} threads)`);
    print(`analyze ${n} articles: ${(mb / s.processWallSeconds / cores).toFixed(2)} MB/s per core from wall time (${s.processWallSeconds.toFixed(2)} s, whole process, ${cores} cores; ${(mb / s.processWallSeconds).toFixed(2)} MB/s in all; load average ${loadavg()[0].toFixed(1)})`);
    print(`analyze ${n} articles: peak RSS ${s.maxRssMB.toFixed(0)} MB`);
    if (!arg("keep")) rmSync(dir, { recursive: true, force: true });
  }

  const all = syntheticQuotes(Math.max(nQuotes, 10000));
  timeGrouping(all.slice(0, 5000)); // warm-up: JIT the matcher before timing
  const r10 = timeGrouping(all.slice(0, Math.round(nQuotes / 10)));
  const r100 = timeGrouping(all.slice(0, nQuotes));
  const k = (x: number) => `${Math.round(x / 1000)}k`;
  print(`group ${k(nQuotes / 10)} quotes: ${r10.cpu.toFixed(2)} s CPU, ${r10.wall.toFixed(2)} s wall, ${r10.claims} claims`);
  print(`group ${k(nQuotes)} quotes: ${r100.cpu.toFixed(2)} s CPU, ${r100.wall.toFixed(2)} s wall, ${r100.claims} claims`);
  print(`group time ratio ${k(nQuotes)}/${k(nQuotes / 10)}: ${(r100.cpu / r10.cpu).toFixed(2)} (CPU), ${(r100.wall / r10.wall).toFixed(2)} (wall)`);
  print(`group ${k(nQuotes)} synthetic pairs: precision ${(100 * r100.precision).toFixed(1)}% recall ${(100 * r100.recall).toFixed(1)}%`);
  if (process.argv.includes("--million")) {
    const million = syntheticQuotes(1_000_000);
    const r = timeGrouping(million);
    print(`group 1000k quotes: ${r.cpu.toFixed(1)} s CPU, ${r.wall.toFixed(1)} s wall, ${r.claims} claims, precision ${(100 * r.precision).toFixed(1)}% recall ${(100 * r.recall).toFixed(1)}%`);
  }
  print(`bench process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main();
