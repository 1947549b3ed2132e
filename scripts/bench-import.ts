/**
 * npm run bench:import [-- N] [--workers W] [--library S,P]
 *
 * Bulk import throughput on the embedded database: writes N (default 300)
 * distinct text articles of at least 5 KB each — headline, datelined prose,
 * quotations attributed to named speakers, numbers — to a temporary folder,
 * prepares a fresh PGlite database (migrations and seed corpus) with one run
 * of `npm run import` on an empty folder, then times `npm run import` on the
 * articles (quote extraction, attribution, claim matching and the
 * transactions included) and prints its articles-per-second figure, and the
 * CPU time per article (all the import's threads), which a busy shared
 * machine does not distort as it does the wall-clock figure.
 *
 * --library S,P puts S primary sources (about 43 KB of text each) and P speakers
 * in the database before the timed run, as a newsroom's database has after a
 * while: every quote's fidelity is checked against every source, and the
 * analysis threads are sent the registry and the sources.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pgliteExtensions } from "../lib/pglite-extensions";

const run = promisify(execFile);
const args = process.argv.slice(2);
const workersAt = args.indexOf("--workers");
const workers = workersAt >= 0 ? Math.max(1, Number(args[workersAt + 1]) || 1) : 1;
const libraryAt = args.indexOf("--library");
const [librarySources, librarySpeakers] = libraryAt >= 0 ? (args[libraryAt + 1] ?? "").split(",").map((n) => Math.max(0, Number(n) || 0)) : [0, 0];
const count = Number(args.find((a, i) => /^\d+$/.test(a) && (workersAt < 0 || i !== workersAt + 1)) ?? 300);

const SPEAKERS = ["Maria Lund", "Teodor Malm", "Nadia Osei", "Hanne Lie", "Per Aune", "Ingrid Solheim", "Tom Berg", "Grace Obi"];
const TOPICS = ["the harbour dredging", "the water price rise", "the new footbridge", "the ferry timetable", "the tram extension", "the school merger"];
const VERBS = ["said", "told reporters", "added", "warned", "argued"];

function article(i: number): string {
  const topic = TOPICS[i % TOPICS.length];
  const paras = [`Council vote ${i} on ${topic} divides the town`];
  for (let p = 0; paras.join("\n\n").length < 5200; p++) {
    const s = SPEAKERS[(i + p) % SPEAKERS.length];
    const v = VERBS[(i * 3 + p) % VERBS.length];
    const n = (i * 7 + p * 13) % 97;
    paras.push(
      p % 3 === 0
        ? `The council debated ${topic} for ${n + 2} hours on Tuesday, the ${p + 1}th session on the matter this year, before a vote of ${n % 9} to ${(n + 4) % 9} that left both sides unhappy and the budget of ${n * 3 + 10} million unresolved.`
        : p % 3 === 1
          ? `“We cannot keep postponing ${topic} while costs rise by ${n} percent a year, and every delay makes the bill larger for households that have already paid enough,” ${s} ${v}, adding that a decision was needed before the spring.`
          : `${s}, who has followed the plans since ${2000 + (n % 25)}, ${v} that the proposal was “${["a fair compromise", "too expensive by half", "the best of bad options", "long overdue"][(i + p) % 4]} for a town of this size” and promised to study case ${i}-${p} in detail.`,
    );
  }
  return paras.join("\n\n");
}

/** Primary sources (reports in the same prose, other numbers) and speakers, written straight into the closed database. */
async function addLibrary(dataDir: string, sources: number, speakers: number) {
  const pg = new PGlite({ dataDir, extensions: pgliteExtensions });
  const texts = Array.from({ length: sources }, (_, i) => Array.from({ length: 8 }, (_, k) => article(100_000 + i * 8 + k)).join("\n\n"));
  await pg.query(
    `INSERT INTO "SourceDocument" (id, title, slug, text, "updatedAt")
     SELECT 'bench-source-' || n, 'Bench report ' || n, 'bench-report-' || n, t, now() FROM unnest($1::text[]) WITH ORDINALITY AS s(t, n)`,
    [texts],
  );
  await pg.query(
    `INSERT INTO "Speaker" (id, name, slug, aliases, "updatedAt")
     SELECT 'bench-speaker-' || n, 'Speaker' || n || ' Benchfield', 'speaker' || n || '-benchfield', ARRAY['Speaker' || n || ' Benchfield'], now() FROM generate_series(1, $1::int) AS n`,
    [speakers],
  );
  await pg.close();
}

const dir = await mkdtemp(path.join(tmpdir(), "claimscope-bench-import-"));
try {
  const articles = path.join(dir, "articles");
  const empty = path.join(dir, "empty");
  await mkdir(articles);
  await mkdir(empty);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = article(i);
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(articles, `a${String(i).padStart(5, "0")}.txt`), text);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: path.join(dir, "db"), NODE_OPTIONS: "" };
  delete env.DATABASE_URL; // the embedded database, always
  const cli = (folder: string) => run("npx", ["tsx", "--conditions=react-server", "scripts/import.ts", folder, "--outlet", "Bench Gazette", "--workers", String(workers)], { env, cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 });
  await cli(empty).catch((e) => e); // migrations and seed, not timed
  if (librarySources || librarySpeakers) await addLibrary(path.join(dir, "db"), librarySources ?? 0, librarySpeakers ?? 0);
  const started = performance.now();
  const result = await cli(articles);
  const seconds = (performance.now() - started) / 1000;
  const line = result.stdout.split("\n").find((l: string) => l.includes("throughput:"));
  const library = librarySources || librarySpeakers ? `, a library of ${librarySources} primary sources and ${librarySpeakers} speakers` : "";
  console.log(`bulk import, embedded PGlite, ${count} text articles of ${(bytes / count / 1024).toFixed(1)} KB on average, ${workers} worker(s)${library}:`);
  console.log(`  import loop:${line?.split("throughput:")[1] ?? " (no figure)"}`);
  const cpu = result.stdout.split("\n").find((l: string) => l.includes("CPU time:"));
  console.log(`  import loop CPU time:${cpu?.split("CPU time:")[1] ?? " (no figure)"}`);
  console.log(`  whole command (process start, open database, queue, import): ${(count / seconds).toFixed(1)} articles/s (${seconds.toFixed(1)} s)`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
