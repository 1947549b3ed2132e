/**
 * npm run import -- DIR|URLS.txt [--outlet NAME] [--raw] [--workers N] [--batch N]
 *
 * Imports a list of URLs (a text file, one per line; blank lines and lines
 * starting with # are skipped): each page is fetched (lib/safe-fetch), its
 * outlet found by domain (or --outlet NAME names a new one). Or a folder of
 * articles: every .txt, .html, .htm and .pdf file (a `<name>.json`
 * beside it may give title, outlet, url, published, byline; `*.raw.txt` copies
 * of a cleaned `<name>.txt` are skipped). Each file becomes one job of the
 * `import-file` queue (lib/import-queue.ts); this command's workers drain the
 * batch, taking --batch jobs (default 25, at most 50) at a time and storing
 * their articles in one transaction (one per article should that fail), so
 * the import is idempotent when re-run and safe to kill at any point. With DATABASE_URL, several machines can run
 * the same command on the same folder, or `npm run worker`, and share the work.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { SingleBar, Presets } from "cli-progress";
import { z } from "zod";
import { MAX_PDF_BYTES } from "../lib/validation/source-document";

const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** lib/ingest.ts INGEST_BATCH_MAX (that module is server-only: loaded after startup). */
const INGEST_BATCH_MAX = 50;

const metadataSchema = z
  .object({
    title: z.string().max(300).nullish(),
    outlet: z.string().max(120).nullish(),
    url: z.string().max(2000).nullish(),
    published: z.string().max(40).nullish(),
    publishedAt: z.string().max(40).nullish(),
    byline: z.string().max(200).nullish(),
  })
  .loose();

interface Args {
  dir: string;
  outlet: string | null;
  raw: boolean;
  workers: number;
  batch: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dir: "", outlet: null, raw: false, workers: 1, batch: 25 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--outlet") args.outlet = argv[++i] ?? null;
    else if (a === "--raw") args.raw = true;
    else if (a === "--workers") args.workers = Math.max(1, Math.min(8, Number(argv[++i]) || 1));
    else if (a === "--batch") args.batch = Math.max(1, Math.min(INGEST_BATCH_MAX, Number(argv[++i]) || 1));
    else if (!a.startsWith("--")) args.dir = a;
    else throw new Error(`unknown option ${a}`);
  }
  if (!args.dir) throw new Error("usage: npm run import -- DIR|URLS.txt [--outlet NAME] [--raw] [--workers N] [--batch N]");
  return args;
}

interface FilePlan {
  sourceName: string;
  payload: Record<string, unknown>;
}

async function planFiles(dir: string, args: Args): Promise<{ plans: FilePlan[]; problems: { file: string; error: string }[] }> {
  const names = (await readdir(dir)).sort();
  const present = new Set(names);
  const plans: FilePlan[] = [];
  const problems: { file: string; error: string }[] = [];
  for (const name of names) {
    const ext = path.extname(name).toLowerCase();
    if (![".txt", ".html", ".htm", ".pdf"].includes(ext)) continue;
    if (name.endsWith(".raw.txt") && present.has(name.replace(/\.raw\.txt$/, ".txt"))) continue;
    const file = path.join(dir, name);
    try {
      const info = await stat(file);
      if (!info.isFile()) continue;
      const pdf = ext === ".pdf";
      const limit = pdf ? MAX_PDF_BYTES : MAX_FILE_BYTES;
      if (info.size > limit) throw new Error(`too large (${(info.size / 1048576).toFixed(1)} MB; the limit is ${pdf ? `${(MAX_PDF_BYTES / 1e6).toFixed(1)} MB for a PDF` : "2 MB"})`);
      const bytes = await readFile(file);
      // A PDF goes as it is (base64, as the import form sends it); its text is read when its job runs.
      if (!pdf && bytes.includes(0)) throw new Error("not a text file (it contains NUL bytes)");
      const content = pdf ? bytes.toString("base64") : new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      const base = name.replace(/(\.raw)?\.(txt|html?|pdf)$/i, "");
      let meta: z.infer<typeof metadataSchema> = {};
      if (present.has(`${base}.json`)) {
        const json = JSON.parse(await readFile(path.join(dir, `${base}.json`), "utf8"));
        const parsed = metadataSchema.safeParse(json);
        if (!parsed.success) throw new Error(`${base}.json: ${parsed.error.issues[0]?.message ?? "invalid metadata"}`);
        meta = parsed.data;
      }
      const outlet = meta.outlet ?? args.outlet;
      if (!outlet) throw new Error(`no outlet: add "outlet" to ${base}.json or pass --outlet NAME`);
      plans.push({
        sourceName: name,
        payload: {
          format: pdf ? "pdf" : ext === ".txt" ? "text" : "html",
          content,
          newOutletName: outlet,
          title: meta.title ?? "",
          url: meta.url ?? "",
          publishedAt: (meta.publishedAt ?? meta.published ?? "").slice(0, 10),
          byline: meta.byline ?? "",
          stripBoilerplate: args.raw,
        },
      });
    } catch (error) {
      const message =
        error instanceof TypeError && /encoded data was not valid/.test(error.message)
          ? "not valid UTF-8 text"
          : error instanceof SyntaxError
            ? `metadata is not valid JSON (${error.message})`
            : error instanceof Error
              ? error.message
              : String(error);
      problems.push({ file: name, error: message });
    }
  }
  return { plans, problems };
}

/** A file of URLs, one per line: one job each (a repeated URL is one job). */
async function planUrls(file: string, args: Args): Promise<{ plans: FilePlan[]; problems: { file: string; error: string }[] }> {
  const info = await stat(file);
  if (info.size > MAX_FILE_BYTES) throw new Error(`${file} is too large for a list of URLs (the limit is 2 MB)`);
  const plans: FilePlan[] = [];
  const problems: { file: string; error: string }[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of (await readFile(file, "utf8")).split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || seen.has(line)) continue;
    seen.add(line);
    let url: URL | null = null;
    try {
      url = new URL(line);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) problems.push({ file: `line ${i + 1}`, error: `not an http(s) address: ${line.slice(0, 200)}` });
    else plans.push({ sourceName: line, payload: { kind: "url", url: line, newOutletName: args.outlet ?? "" } });
  }
  return { plans, problems };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = path.resolve(args.dir);
  const { ensureDatabaseReady } = await import("../lib/startup");
  const { database } = await import("../lib/db");
  const { startWorker } = await import("../lib/job-worker");
  const { stopJobQueue } = await import("../lib/job-queue-connection");
  const { enqueueImportBatch, importBatchStatus, importFileQueue, runImportFileJob, runImportFileJobs } = await import("../lib/import-queue");

  // The analysis threads start (and load their model) while the database opens.
  const warm = (await import("../lib/budgeted")).warmUp();
  await ensureDatabaseReady(await import("../prisma/seed"));
  const isList = (await stat(dir)).isFile();
  const { plans, problems } = isList ? await planUrls(dir, args) : await planFiles(dir, args);
  // The batch is the folder or the list: re-running the command on it resumes the same batch.
  const batchId = `${isList ? "list" : "dir"}:${createHash("sha256").update(dir).digest("hex").slice(0, 16)}`;
  const ids = await enqueueImportBatch(plans.map((p) => ({ batchId, sourceName: p.sourceName, payload: p.payload })));
  const mine = new Set(ids);
  const before = await importBatchStatus(ids);

  const total = plans.length;
  const bar = new SingleBar(
    { format: "importing [{bar}] {value}/{total} {file}", hideCursor: true, stream: process.stderr, noTTYOutput: true, notTTYSchedule: 250 },
    Presets.shades_classic,
  );
  await warm;
  bar.start(total, before.counts.done, { file: "" });
  const started = performance.now();
  // CPU time of this process, every thread (the analysis workers too): what a busy machine does not distort.
  const cpuStarted = process.cpuUsage();
  let created = 0;
  let duplicates = 0;
  let changed = 0;
  const changedItems: { name: string; articleId: string }[] = [];
  let stopping = false;

  const count = (jobId: string, output: unknown, name: string) => {
    if (!mine.has(jobId)) return;
    const o = output as { created: boolean; changed?: boolean; articleId?: string };
    if (o.created) created++;
    else if (o.changed) {
      changed++;
      if (o.articleId) changedItems.push({ name, articleId: o.articleId });
    } else duplicates++;
  };

  // Workers of this command take any import job (other batches' too: the work
  // is the same), --batch at a time (one transaction for their articles), and
  // stop when nothing of this batch is waiting or running. `npm run worker`
  // processes, when running, share the batch.
  const worker = await startWorker({
    concurrency: args.workers,
    idleMs: 250,
    queues: [
      {
        spec: importFileQueue,
        handler: async (data, job) => {
          const file = (data as { sourceName?: string }).sourceName ?? "";
          if (mine.has(job.id)) bar.update({ file });
          try {
            const output = await runImportFileJob(data, job);
            count(job.id, output, file);
            return output;
          } finally {
            if (mine.has(job.id)) bar.increment();
          }
        },
        batch: {
          size: args.batch,
          handler: async (jobs) => {
            const first = jobs.find((j) => mine.has(j.job.id));
            if (first) bar.update({ file: (first.data as { sourceName?: string }).sourceName ?? "" });
            const results = await runImportFileJobs(jobs);
            for (const [i, r] of results.entries()) {
              if ("output" in r) count(jobs[i].job.id, r.output, (jobs[i].data as { sourceName?: string }).sourceName ?? "");
              if (mine.has(jobs[i].job.id)) bar.increment();
            }
            return results;
          },
        },
      },
    ],
    until: async () => {
      const { counts } = await importBatchStatus(ids);
      return counts.queued + counts.running === 0;
    },
  });
  const stop = () => {
    stopping = true;
    void worker.stop();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await worker.done;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  bar.stop();

  const { counts, failures } = await importBatchStatus(ids);
  console.log(`${dir}`);
  if (isList) console.log(`  URLs: ${total + problems.length} (${total} to fetch, ${problems.length} not addresses)`);
  else console.log(`  files: ${total + problems.length} (${total} readable, ${problems.length} unreadable)`);
  console.log(`  imported now: ${created} new, ${duplicates} already in the database`);
  if (created + duplicates + changed > 0) {
    console.log(`  throughput: ${((created + duplicates + changed) / seconds).toFixed(1)} articles/s (${created + duplicates + changed} in ${seconds.toFixed(1)} s, analysis included)`);
    console.log(`  CPU time: ${((cpuSeconds * 1000) / (created + duplicates + changed)).toFixed(1)} ms per article (${cpuSeconds.toFixed(1)} s, all threads)`);
  }
  if (changed) console.log(`  changed since they were imported: ${changed} (correct the article's text to take the new version)`);
  for (const c of changedItems.sort((a, b) => a.name.localeCompare(b.name))) console.log(`  ↻ ${c.name}: changed; correct it at /editor/articles/${c.articleId}/correct`);
  console.log(`  batch: ${counts.done} done, ${counts.failed} failed, ${counts.queued + counts.running} left`);
  for (const p of problems) console.log(`  ✗ ${p.file}: ${p.error}`);
  for (const f of failures) console.log(`  ✗ ${f.sourceName}: ${f.error}`);
  if (stopping) console.log("  stopped early: run the same command again to finish");
  await stopJobQueue();
  await database.close();
  process.exitCode = problems.length + failures.length > 0 || stopping ? 1 : 0;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
