// Analyses every <id>.txt in DIR and prints the predictions JSON (the format
// shared/eval/score.mjs reads) to stdout, and nothing else.
//
//   npm run --silent analyze -- DIR [--primary DIR] [--stats FILE] [--jobs N]
//
// *.raw.txt and *.json files are ignored: the CLI never reads labels.
//
// Articles are analysed in N worker threads (default: the machine's cores; --jobs 1, or a
// folder of fewer than WORKER_MIN articles, analyses in this thread) and grouped into claims
// on this thread in the folder's order, so the output is the same whatever N is.
//
// The folder is streamed: each article is read, analysed and written out (to a
// temporary file) before the next is read, and only the claim index (one entry
// per claim) is kept between articles, so memory does not grow with the
// articles' text. Claims can merge as later articles show two phrases to be one
// assertion, so the temporary file holds claim numbers; a second pass writes it
// to stdout with each number resolved to its final claim key.
//
// --stats FILE writes this process's CPU seconds (all its threads), wall seconds, peak RSS,
// threads and counts as JSON when it is done (`npm run bench:analysis` reads it).

import { createReadStream, createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { indexSources, type PrimarySource } from "../lib/analysis/fidelity";
import { CorpusStream, prepareArticle } from "../lib/analysis/pipeline";
import { createSpeakerRegistry } from "../lib/analysis/speakers";
import { type AnalyzeResult, type AnalyzeTask, slimArticle } from "./analyze-shared";

/** Below this many articles, starting threads (each loads the NLP models, ≈0.5 s) costs more than it saves. */
const WORKER_MIN = 64;
/** Articles sent to a thread ahead of its answers, and analysed articles held waiting for their turn, per thread. */
const AHEAD = 4;
const HELD = 16;

function usage(msg?: string): never {
  if (msg) process.stderr.write(`analyze: ${msg}\n`);
  process.stderr.write("usage: npm run --silent analyze -- DIR [--primary DIR] [--stats FILE] [--jobs N]\n");
  process.exit(2);
}

function textFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".txt") && !f.endsWith(".raw.txt"))
      .sort();
  } catch (e) {
    usage(`cannot read ${dir}: ${(e as Error).message}`);
  }
}

/** Writes a line, waiting when the stream's buffer is full (so a huge folder never piles up in memory). */
async function writeLine(out: NodeJS.WritableStream, line: string) {
  if (!out.write(line)) await once(out, "drain");
}

/** The folder's articles analysed in this thread, in order. */
function* inThisThread(tasks: AnalyzeTask[], primary: PrimarySource[] | undefined): Generator<AnalyzeResult> {
  const registry = createSpeakerRegistry();
  const sources = primary?.length ? indexSources(primary) : null;
  for (const t of tasks) {
    const text = readFileSync(t.path, "utf8");
    yield { n: t.n, bytes: Buffer.byteLength(text), article: slimArticle(prepareArticle({ id: t.id, text }, registry, sources)) };
  }
}

/**
 * The folder's articles analysed in `jobs` worker threads (scripts/analyze-worker.ts), yielded
 * in order. At most jobs·HELD articles are analysed ahead of the one awaited, so memory stays bounded.
 */
async function* inWorkers(tasks: AnalyzeTask[], primary: PrimarySource[] | undefined, jobs: number): AsyncGenerator<AnalyzeResult> {
  const workers = Array.from({ length: jobs }, () => new Worker(new URL("./analyze-worker.mjs", import.meta.url), { workerData: { primary } }));
  const ready = new Map<number, AnalyzeResult>();
  const inflight = new Array<number>(jobs).fill(0);
  let sent = 0;
  let emitted = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const send = (w: number) => {
    while (inflight[w] < AHEAD && sent < tasks.length && sent - emitted < jobs * HELD) {
      workers[w].postMessage(tasks[sent++]);
      inflight[w]++;
    }
  };
  workers.forEach((worker, w) => {
    worker.on("message", (r: AnalyzeResult) => {
      inflight[w]--;
      ready.set(r.n, r);
      send(w);
      wake?.();
    });
    worker.on("error", (e) => {
      failure = e;
      wake?.();
    });
  });
  try {
    workers.forEach((_, w) => send(w));
    for (; emitted < tasks.length; ) {
      let r: AnalyzeResult | undefined;
      while (!(r = ready.get(emitted))) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      ready.delete(emitted++);
      workers.forEach((_, w) => send(w));
      yield r;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function main(argv: string[]) {
  let dir: string | undefined;
  let primaryDir: string | undefined;
  let statsFile: string | undefined;
  let jobs = Math.max(1, availableParallelism());
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--primary") primaryDir = argv[++i] ?? usage("--primary needs a directory");
    else if (a.startsWith("--primary=")) primaryDir = a.slice("--primary=".length);
    else if (a === "--stats") statsFile = argv[++i] ?? usage("--stats needs a file");
    else if (a === "--jobs") {
      jobs = Number(argv[++i]);
      if (!Number.isInteger(jobs) || jobs < 1) usage("--jobs needs a whole number of threads, 1 or more");
    } else if (a === "-h" || a === "--help") usage();
    else if (!dir) dir = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!dir) usage();
  const t0 = performance.now();
  const names = textFiles(dir);
  const primary = primaryDir ? textFiles(primaryDir).map((f) => ({ id: f.slice(0, -4), text: readFileSync(join(primaryDir!, f), "utf8") })) : undefined;
  // Grouping needs no registry or primary sources of its own: the articles come prepared.
  const stream = new CorpusStream({ registry: createSpeakerRegistry() });
  const tasks: AnalyzeTask[] = names.map((f, n) => ({ n, id: f.slice(0, -4), path: join(dir!, f) }));
  const threads = jobs > 1 && tasks.length >= WORKER_MIN ? jobs : 0;
  const analysed = threads ? inWorkers(tasks, primary, threads) : inThisThread(tasks, primary);

  const tmp = mkdtempSync(join(tmpdir(), "claimscope-analyze-"));
  try {
    const pass1 = join(tmp, "articles.jsonl");
    const spool = createWriteStream(pass1);
    let bytes = 0;
    let quotes = 0;
    for await (const r of analysed) {
      bytes += r.bytes;
      const a = stream.group(r.article);
      quotes += a.quotes.length;
      const record = {
        id: a.id,
        quotes: a.quotes.map((q) => ({
          start: q.start,
          end: q.end,
          kind: q.kind,
          speaker: q.speakerName,
          claim: q.claim,
          cue: q.cue,
          verb: q.verb,
          fidelity: q.fidelity ? q.fidelity.status : null,
        })),
      };
      await writeLine(spool, JSON.stringify(record) + "\n");
    }
    spool.end();
    await once(spool, "close");

    // Second pass: the same records, each claim number resolved to its final key.
    const out = process.stdout;
    await writeLine(out, '{"articles":[');
    let first = true;
    for await (const line of createInterface({ input: createReadStream(pass1), crlfDelay: Infinity })) {
      if (!line) continue;
      const rec = JSON.parse(line) as { id: string; quotes: { claim: number | string | null }[] };
      for (const q of rec.quotes) if (q.claim !== null) q.claim = stream.claimKey(q.claim as number);
      await writeLine(out, (first ? "" : ",") + JSON.stringify(rec));
      first = false;
    }
    await writeLine(out, "]}\n");

    if (statsFile) {
      const cpu = process.cpuUsage();
      writeFileSync(
        statsFile,
        JSON.stringify({
          articles: names.length,
          bytes,
          quotes,
          claims: stream.claimCount,
          threads: threads + 1,
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
          wallSeconds: (performance.now() - t0) / 1000,
          maxRssMB: process.resourceUsage().maxRSS / 1024,
        }) + "\n",
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`analyze: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
