/**
 * npm run bench:web [-- --corpora pg:10k,pg:100k,pg:1m,pglite:100k] [--skip-build] [--fresh] [--zipf 0.8]
 *
 * The reader side at scale, printed side by side in one run: for each corpus
 * (a database kind and a number of quotes), the production server (server.ts,
 * built into .next-bench) on a synthetic corpus of that size
 * (scripts/bench/web-corpus.ts: Zipf-sized claims, built in SQL), measured for
 *
 * - hot claim pages vs the same server's static file (/robots.txt): req/s at
 *   BENCH_CONNECTIONS connections, in alternating rounds so that a change in
 *   the machine's load hits both alike;
 * - cold renders, one request at a time: claim pages never requested before
 *   (no copy in the cache, as after a purge: colder, since the database has not
 *   read them either), the largest claim's page, /claims (pages, filters),
 *   outlet and speaker pages, the other list pages;
 * - search: distinct queries nobody ran before (a quarter misspelt), p50/p95;
 * - reader throughput (claim pages and lists) with one editorial write per
 *   second (an editor's summary edit through the server action, which purges
 *   what it changed) against none, in alternating rounds.
 *
 * Then PASS/FAIL per target of issue 13. PostgreSQL corpora run with Redis
 * (REDIS_URL: the production set-up for several app servers); the embedded one
 * without. Corpora are kept in BENCH_DATA_DIR (.bench-data: a PostgreSQL
 * cluster and PGlite folders) and reused while the generator's version is the
 * same (--fresh rebuilds them); the server applies new migrations to them on
 * start. `uptime`'s load average is printed beside each corpus: the machine is
 * shared, so compare the ratios measured in the same run.
 *
 * Environment: BENCH_PORT (3400; PostgreSQL on +1, Redis on +2),
 * BENCH_DURATION seconds per round (5), BENCH_ROUNDS (3), BENCH_CONNECTIONS
 * (32), BENCH_DATA_DIR (.bench-data), BENCH_DIST_DIR (.next-bench).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import autocannon from "autocannon";
import pg from "pg";
import { applyMigrations } from "@/lib/migrate";
import { pgliteExtensions } from "@/lib/pglite-extensions";
import { pgliteRunner, pgPoolRunner } from "@/lib/sql-runner";
import { databaseUrl, startPostgres, type TestPostgres } from "@/tests/support/postgres";
import { startRedis, type TestRedis } from "@/tests/support/redis";
import { callActionOver } from "@/tests/support/server-actions";
import { buildCorpus, CORPUS_VERSION, searchQueries, type ClaimRef, type CorpusDb, type CorpusInfo } from "./bench/web-corpus";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const PORT = Number(process.env.BENCH_PORT ?? 3400);
const PG_PORT = PORT + 1;
const REDIS_PORT = PORT + 2;
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DATA_DIR = path.resolve(process.env.BENCH_DATA_DIR ?? ".bench-data");
const DIST_DIR = process.env.BENCH_DIST_DIR ?? ".next-bench";
const ZIPF = Number(arg("zipf") ?? 0.8);
const BASE = `http://127.0.0.1:${PORT}`;
const HOT_PAGES = 400;
const COLD_PAGES = 100;
const SEARCHES = 100;

interface CorpusSpecArg {
  kind: "pg" | "pglite";
  quotes: number;
  label: string;
}

function parseCorpora(text: string): CorpusSpecArg[] {
  return text.split(",").map((part) => {
    const m = /^(pg|pglite):(\d+(?:\.\d+)?)([km]?)$/i.exec(part.trim());
    if (!m) throw new Error(`--corpora: "${part}" is not KIND:SIZE (pg:100k, pglite:10k, pg:1m)`);
    const quotes = Math.round(Number(m[2]) * (m[3].toLowerCase() === "m" ? 1e6 : m[3].toLowerCase() === "k" ? 1e3 : 1));
    return { kind: m[1].toLowerCase() as "pg" | "pglite", quotes, label: `${m[1].toLowerCase() === "pg" ? "PostgreSQL" : "embedded"} ${m[2]}${m[3].toUpperCase()}` };
  });
}

const corpora = parseCorpora(arg("corpora") ?? "pg:10k,pg:100k,pg:1m,pglite:100k");
const skipBuild = process.argv.includes("--skip-build");
const fresh = process.argv.includes("--fresh");

const uptime = () => loadavg().map((l) => l.toFixed(1)).join(" ");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

// ---- Corpora ----

const corpusName = (spec: CorpusSpecArg) => `bench_${spec.kind}_${spec.quotes}_z${String(ZIPF).replace(".", "")}_v${CORPUS_VERSION}`;

async function savedInfo(name: string): Promise<CorpusInfo | null> {
  try {
    const info = JSON.parse(await readFile(path.join(DATA_DIR, `${name}.json`), "utf8")) as CorpusInfo;
    return info.version === CORPUS_VERSION ? info : null;
  } catch {
    return null;
  }
}

async function build(db: CorpusDb, spec: CorpusSpecArg, name: string): Promise<CorpusInfo> {
  console.log(`  building ${spec.label} quotes …`);
  const info = await buildCorpus(db, { quotes: spec.quotes, zipf: ZIPF, seed: 20260624 + spec.quotes }, (line) => console.log(`    ${line}`));
  await writeFile(path.join(DATA_DIR, `${name}.json`), JSON.stringify(info));
  console.log(`  ${spec.label}: ${info.counts.quotes.toLocaleString("en")} quotes, ${info.counts.claims.toLocaleString("en")} claims (${info.counts.published.toLocaleString("en")} published, the largest with ${info.largest.quotes.toLocaleString("en")} quotes), ${info.counts.articles.toLocaleString("en")} articles, built in ${info.buildSeconds} s`);
  return info;
}

async function postgresCorpus(server: TestPostgres, spec: CorpusSpecArg): Promise<{ info: CorpusInfo; url: string }> {
  const name = corpusName(spec);
  const url = databaseUrl(server.url, name);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
    const info = exists && !fresh ? await savedInfo(name) : null;
    if (info) return { info, url };
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  // Migrations take an advisory lock on one connection and run on another; the
  // build keeps its temporary tables on one connection (max 1).
  const migrations = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await applyMigrations(pgPoolRunner(migrations));
  } finally {
    await migrations.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    return { info: await build(pgPoolRunner(pool), spec, name), url };
  } finally {
    await pool.end();
  }
}

async function embeddedCorpus(spec: CorpusSpecArg): Promise<{ info: CorpusInfo; dataDir: string }> {
  const name = corpusName(spec);
  const dataDir = path.join(DATA_DIR, name);
  const info = existsSync(dataDir) && !fresh ? await savedInfo(name) : null;
  if (info) return { info, dataDir };
  await rm(dataDir, { recursive: true, force: true });
  const db = new PGlite({ dataDir, extensions: pgliteExtensions });
  try {
    const runner = pgliteRunner(db);
    await applyMigrations(runner);
    return { info: await build(runner, spec, name), dataDir };
  } finally {
    await db.close();
  }
}

// ---- The server ----

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn("npx", ["tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      CLAIMSCOPE_SEED: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      PORT: String(PORT),
      BETTER_AUTH_URL: BASE,
      BETTER_AUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
      SITE_URL: BASE,
      DATABASE_URL: "",
      REDIS_URL: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  child.stdout!.on("data", (d) => (out = (out + d).slice(-20_000)));
  child.stderr!.on("data", (d) => (out = (out + d).slice(-20_000)));
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${out}`);
    try {
      if ((await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(5000) })).ok) return { child, output: () => out };
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  stopServer(child);
  throw new Error(`the server did not start within 10 minutes:\n${out}`);
}

async function stopServer(child: ChildProcess) {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([exited, sleep(10_000)]);
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // gone
  }
}

async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

// ---- Measuring ----

async function get(pathname: string): Promise<{ ms: number; cache: string | null }> {
  const t = performance.now();
  const res = await fetch(`${BASE}${pathname}`, { headers: { "accept-encoding": "gzip" } });
  await res.arrayBuffer();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`${pathname}: ${res.status}`);
  return { ms, cache: res.headers.get("x-claimscope-cache") };
}

/** First requests, one at a time: the render cost of a page with no cached copy. */
async function cold(paths: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const p of paths) {
    const { ms, cache } = await get(p);
    if (cache === "HIT") throw new Error(`${p} was expected to be a miss`);
    times.push(ms);
  }
  return times;
}

async function warm(paths: string[], concurrency = 4) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < paths.length) await get(paths[next++]);
  }));
}

interface Load {
  rps: number;
  p99: number;
  errors: number;
}

async function load(paths: string[], seconds = DURATION): Promise<Load> {
  let i = 0;
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { "accept-encoding": "gzip" },
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, status) => {
      if (status >= 400) errors++;
    });
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: errors + result.errors + result.timeouts };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** One editorial write a second (a summary edit of a claim readers are reading) until `stop`. */
function writer(cookie: string, claims: ClaimRef[], versions: Map<string, number>) {
  let stopped = false;
  let writes = 0;
  let failures = 0;
  const times: number[] = [];
  const done = (async () => {
    for (let n = 0; !stopped; n++) {
      const started = Date.now();
      const claim = claims[(n * 7919) % claims.length];
      const t = performance.now();
      try {
        const result = await callActionOver(BASE, "editClaimAction", cookie, {
          id: claim.id,
          version: versions.get(claim.id) ?? 1,
          canonical: claim.canonical,
          summary: `Benchmark edit ${Date.now()}`,
          speakerId: claim.speakerId,
          sourceDocumentId: null,
          rebutsId: null,
        });
        if (result.ok) {
          versions.set(claim.id, (result.data as { version: number }).version);
          writes++;
          times.push(performance.now() - t);
        } else {
          failures++;
          if (failures <= 3) console.log(`    write refused: ${result.error}`);
        }
      } catch (error) {
        failures++;
        if (failures <= 3) console.log(`    write failed: ${String(error).slice(0, 200)}`);
      }
      await sleep(Math.max(0, 1000 - (Date.now() - started)));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return { writes, failures, times };
    },
  };
}

interface Figures {
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
  otherListsMax: number;
  searchP50: number;
  searchP95: number;
  misspelt: number;
  readRps: number;
  readWriteRps: number;
  readP99: number;
  readWriteP99: number;
  writes: number;
  writeFailures: number;
  writeP50: number;
  errors: number;
}

/** The claims' current versions (earlier runs edited them): an edit names the version it replaces. */
async function claimVersions(db: CorpusDb, ids: string[]): Promise<Map<string, number>> {
  const rows = await db.query<{ id: string; version: number }>(`SELECT id, version FROM "Claim" WHERE id = ANY($1::text[])`, [ids]);
  return new Map(rows.map((r) => [r.id, Number(r.version)]));
}

async function measure(spec: CorpusSpecArg, info: CorpusInfo, env: Record<string, string>, versions: Map<string, number>): Promise<Figures> {
  const loadBefore = uptime();
  console.log(`  ${spec.label}: starting the server (load average ${loadBefore}) …`);
  const server = await startServer(env);
  try {
    const rand = (() => {
      let s = 42;
      return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    })();
    const pickN = <T>(xs: readonly T[], n: number) => Array.from({ length: n }, () => xs[Math.floor(rand() * xs.length)]);
    const hot = info.sample.slice(0, HOT_PAGES);
    const coldClaims = info.sample.slice(HOT_PAGES, HOT_PAGES + COLD_PAGES);
    const hotPaths = hot.map((c) => `/claims/${c.slug}`);

    // Cold renders first, while nothing is cached.
    console.log("    cold renders …");
    const coldClaimTimes = await cold(coldClaims.map((c) => `/claims/${c.slug}`));
    const pageCount = Math.max(1, Math.ceil(info.counts.published / 20));
    const claimsLists = [
      "/claims",
      ...[1, 2, 3].map((i) => `/claims?render=${i}`),
      ...pickN(Array.from({ length: pageCount - 1 }, (_, i) => i + 2), 6).map((p, i) => `/claims?page=${p}&render=${i}`),
      ...pickN(info.outlets, 2).map((s) => `/claims?outlet=${s}`),
      ...pickN(info.speakers, 2).map((s) => `/claims?speaker=${s}`),
      ...pickN(info.tags, 2).map((s, i) => `/claims?tag=${s}&render=${i}`),
      ...pickN(info.verdicts, 2).map((s, i) => `/claims?verdict=${s}&render=${i}`),
    ];
    const claimsListTimes = await cold([...new Set(claimsLists)]);
    const outletTimes = await cold([...new Set(pickN(info.outlets, 20))].map((s) => `/outlets/${s}`));
    const speakerTimes = await cold([...new Set(pickN(info.speakers, 20))].map((s) => `/speakers/${s}`));
    const otherTimes = await cold(["/", "/outlets", "/speakers", "/articles", "/tags"]);

    console.log("    search …");
    const queries = searchQueries(info, SEARCHES, 7 + spec.quotes);
    const searchTimes = await cold(queries.map((q) => `/search?q=${encodeURIComponent(q.q)}`));

    console.log("    hot pages vs the static file …");
    await warm(hotPaths);
    await warm(["/robots.txt"]);
    const statics: Load[] = [];
    const hots: Load[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      statics.push(await load(["/robots.txt"]));
      hots.push(await load(hotPaths));
    }

    console.log("    reader throughput with one write a second vs none …");
    const cookie = await signIn(info.editor.email, info.editor.password);
    const lists = ["/", "/claims", "/claims?page=2", "/outlets", "/speakers", ...info.outlets.slice(0, 5).map((s) => `/outlets/${s}`)];
    const mix = hotPaths.flatMap((p, i) => (i % 9 === 0 ? [p, lists[(i / 9) % lists.length]] : [p]));
    await warm(mix);
    const reads: Load[] = [];
    const readWrites: Load[] = [];
    let writes = 0;
    let failures = 0;
    const writeTimes: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      reads.push(await load(mix));
      const w = writer(cookie, hot, versions);
      readWrites.push(await load(mix));
      const done = await w.stop();
      writes += done.writes;
      failures += done.failures;
      writeTimes.push(...done.times);
      await warm(mix);
    }

    // The largest claim last: its page is the heaviest (tens of thousands of quotes at 1M), and a
    // failure there must not lose the other figures.
    console.log("    the largest claim's page …");
    let largestTimes = [NaN];
    try {
      largestTimes = await cold([`/claims/${info.largest.slug}`, ...[1, 2].map((i) => `/claims/${info.largest.slug}?render=${i}`)]);
    } catch (error) {
      console.log(`    the largest claim's page failed: ${String(error).slice(0, 300)}`);
    }

    const figures: Figures = {
      label: spec.label,
      load: `${loadBefore} → ${uptime()}`,
      quotes: info.counts.quotes,
      largestQuotes: info.largest.quotes,
      staticRps: mean(statics.map((l) => l.rps)),
      hotRps: mean(hots.map((l) => l.rps)),
      hotP99: Math.max(...hots.map((l) => l.p99)),
      coldClaimP50: percentile(coldClaimTimes, 50),
      coldClaimP95: percentile(coldClaimTimes, 95),
      largestClaim: percentile(largestTimes, 50),
      claimsListP95: percentile(claimsListTimes, 95),
      outletP95: percentile(outletTimes, 95),
      speakerP95: percentile(speakerTimes, 95),
      otherListsMax: Math.max(...otherTimes),
      searchP50: percentile(searchTimes, 50),
      searchP95: percentile(searchTimes, 95),
      misspelt: queries.filter((q) => q.misspelt).length / queries.length,
      readRps: mean(reads.map((l) => l.rps)),
      readWriteRps: mean(readWrites.map((l) => l.rps)),
      readP99: Math.max(...reads.map((l) => l.p99)),
      readWriteP99: Math.max(...readWrites.map((l) => l.p99)),
      writes,
      writeFailures: failures,
      writeP50: percentile(writeTimes, 50),
      errors: [...statics, ...hots, ...reads, ...readWrites].reduce((a, l) => a + l.errors, 0),
    };
    console.log(`    done (load average ${uptime()})`);
    return figures;
  } catch (error) {
    console.error(server.output());
    throw error;
  } finally {
    await stopServer(server.child);
  }
}

// ---- Report ----

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 1 : 0)} ms` : "–");
const x = (n: number) => `${n.toFixed(2)}×`;
const int = (n: number) => Math.round(n).toLocaleString("en");

function report(all: Figures[]) {
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
    ["/, /outlets, /speakers, /articles, /tags cold max", (f) => ms(f.otherListsMax)],
    ["uncached search p50", (f) => ms(f.searchP50)],
    ["uncached search p95", (f) => ms(f.searchP95)],
    ["  misspelt queries", (f) => `${Math.round(f.misspelt * 100)}%`],
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

async function main() {
  console.log(`Claimscope web benchmark: ${corpora.map((c) => c.label).join(", ")} quotes; Zipf ${ZIPF}; autocannon ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s; load average ${uptime()}`);
  await mkdir(DATA_DIR, { recursive: true });
  if (!skipBuild) {
    console.log(`  building the app into ${DIST_DIR} …`);
    // next build adds its build folder's types to tsconfig.json: put the file back as it was.
    const tsconfig = await readFile("tsconfig.json", "utf8");
    try {
      await run("npx", ["next", "build"], { ...process.env, NEXT_DIST_DIR: DIST_DIR, PGLITE_DATA_DIR: "memory://", NEXT_TELEMETRY_DISABLED: "1" });
    } finally {
      await writeFile("tsconfig.json", tsconfig);
    }
  }
  process.env.NEXT_DIST_DIR = DIST_DIR; // server-actions.ts reads the build's action ids from it

  let postgres: TestPostgres | null = null;
  let redis: TestRedis | null = null;
  const results: Figures[] = [];
  try {
    if (corpora.some((c) => c.kind === "pg")) {
      postgres = await startPostgres({
        dir: path.join(DATA_DIR, "postgres"),
        port: PG_PORT,
        // A modest production-like server: the working set of the hot tables fits in memory.
        settings: ["shared_buffers=512MB", "work_mem=16MB", "maintenance_work_mem=256MB", "max_wal_size=4GB", "checkpoint_timeout=30min"],
      });
      redis = await startRedis(REDIS_PORT);
    }
    for (const spec of corpora) {
      if (spec.kind === "pg") {
        const { info, url } = await postgresCorpus(postgres!, spec);
        const pool = new pg.Pool({ connectionString: url, max: 1 });
        const versions = await claimVersions(pgPoolRunner(pool), info.sample.map((c) => c.id)).finally(() => pool.end());
        results.push(await measure(spec, info, { DATABASE_URL: url, REDIS_URL: redis!.url }, versions));
      } else {
        const { info, dataDir } = await embeddedCorpus(spec);
        const db = new PGlite({ dataDir, extensions: pgliteExtensions });
        const versions = await claimVersions(pgliteRunner(db), info.sample.map((c) => c.id)).finally(() => db.close());
        results.push(await measure(spec, info, { PGLITE_DATA_DIR: dataDir }, versions));
      }
      // The table so far after each corpus: a run stopped later still leaves its figures.
      if (results.length < corpora.length) report(results);
    }
  } finally {
    await redis?.stop();
    await postgres?.stop();
  }
  report(results);
}

await main();
