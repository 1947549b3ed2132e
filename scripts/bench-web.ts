/**
 * npm run bench:web [-- --corpora pg:10k,pg:100k,pg:1m,pglite:100k] [--skip-build] [--fresh] [--zipf 0.8]
 *
 * The reader side at scale, printed side by side in one run: for each corpus
 * (a database kind and a number of quotes), the production server (server.ts,
 * built into .next-bench) on a synthetic corpus of that size
 * (scripts/bench/web-corpus.ts: Zipf-sized claims, built in SQL), measured for
 *
 * - hot claim pages vs the same server's static file (the stylesheet the home page links, a
 *   file of the build that Next serves as it is; /robots.txt is a route): req/s at
 *   BENCH_CONNECTIONS connections, in alternating rounds so that a change in
 *   the machine's load hits both alike;
 * - cold renders, one request at a time: claim pages never requested before
 *   (no copy in the cache, as after a purge: colder, since the database has not
 *   read them either), the largest claim's page, /claims (pages, filters),
 *   outlet and speaker pages, the other list pages;
 * - search: distinct queries nobody ran before (a quarter misspelt), p50/p95,
 *   and p95 of the misspelt ones alone, with the share of them that found
 *   something (and that were answered by a corrected query);
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
 */import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { applyMigrations } from "@/lib/migrate";
import { pgliteExtensions } from "@/lib/pglite-extensions";
import { pgliteRunner, pgPoolRunner } from "@/lib/sql-runner";
import { databaseUrl, startPostgres, type TestPostgres } from "@/tests/support/postgres";
import { startRedis, type TestRedis } from "@/tests/support/redis";
import { buildCorpus, CORPUS_VERSION, type CorpusDb, type CorpusInfo } from "./bench/web-corpus";
import { cold, load, warm, writer, type Load } from "./bench/web-load";
import { OTHER_LISTS, report, type Figures } from "./bench/web-report";
import { run, signIn, startServer, stopServer } from "./bench/web-server";
import {
  COLD_PAGES,
  CONNECTIONS,
  corpora,
  DATA_DIR,
  DIST_DIR,
  DURATION,
  fresh,
  HOT_PAGES,
  hugePages,
  staticAsset,
  mean,
  percentile,
  PG_PORT,
  REDIS_PORT,
  ROUNDS,
  SEARCHES,
  BASE,
  skipBuild,
  uptime,
  ZIPF,
  type CorpusSpecArg,
} from "./bench/web-settings";
import { searchQueries } from "./bench/web-words";

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

/**
 * Every migration a corpus lacks: all of them on a new database, and on a saved corpus the ones
 * written after it was built, as a deploy would apply them (said, with their time).
 */
async function migrate(runner: Parameters<typeof applyMigrations>[0], spec: CorpusSpecArg, saved: boolean): Promise<void> {
  const started = Date.now();
  const { applied } = await applyMigrations(runner);
  if (saved && applied.length) console.log(`  ${spec.label}: applied ${applied.join(", ")} to the saved corpus (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function postgresCorpus(server: TestPostgres, spec: CorpusSpecArg): Promise<{ info: CorpusInfo; url: string }> {
  const name = corpusName(spec);
  const url = databaseUrl(server.url, name);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  let info: CorpusInfo | null;
  try {
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
    info = exists && !fresh ? await savedInfo(name) : null;
    if (!info) {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
  } finally {
    await admin.end();
  }
  // Migrations take an advisory lock on one connection and run on another; the
  // build keeps its temporary tables on one connection (max 1).
  const migrations = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await migrate(pgPoolRunner(migrations), spec, info !== null);
  } finally {
    await migrations.end();
  }
  if (info) return { info, url };
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
  if (!info) await rm(dataDir, { recursive: true, force: true });
  const db = new PGlite({ dataDir, extensions: pgliteExtensions });
  try {
    const runner = pgliteRunner(db);
    await migrate(runner, spec, info !== null);
    return { info: info ?? (await build(runner, spec, name)), dataDir };
  } finally {
    await db.close();
  }
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
    const otherTimes = await cold([...OTHER_LISTS]);

    console.log("    search …");
    const queries = searchQueries(info, SEARCHES, 7 + spec.quotes);
    const searchTimes = await cold(queries.map((q) => `/search?q=${encodeURIComponent(q.q)}`));
    // What did the misspelt ones find? Asked afterwards through the API (its own cache keys), so
    // the timed requests above stay first of their kind.
    type Answer = { correctedQ: string | null; claims: { total: number }; quotes: { total: number }; articles: { total: number } };
    const answers = await Promise.all(
      queries.filter((q) => q.misspelt).map(async (q) => (await (await fetch(`${BASE}/api/search?q=${encodeURIComponent(q.q)}`)).json()) as Answer),
    );

    console.log("    hot pages vs the static file …");
    const staticFile = await staticAsset(BASE);
    await warm(hotPaths);
    await warm([staticFile]);
    const statics: Load[] = [];
    const hots: Load[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      statics.push(await load([staticFile]));
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
      otherLists: otherTimes,
      searchP50: percentile(searchTimes, 50),
      searchP95: percentile(searchTimes, 95),
      misspelt: queries.filter((q) => q.misspelt).length / queries.length,
      misspeltP95: percentile(searchTimes.filter((_, i) => queries[i].misspelt), 95),
      misspeltFound: answers.filter((a) => a.claims.total + a.quotes.total + a.articles.total > 0).length / Math.max(1, answers.length),
      misspeltCorrected: answers.filter((a) => a.correctedQ !== null).length / Math.max(1, answers.length),
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
        // huge_pages=try (PostgreSQL's default, said here) takes huge pages when vm.nr_hugepages provides them.
        settings: ["shared_buffers=512MB", "huge_pages=try", "work_mem=16MB", "maintenance_work_mem=256MB", "max_wal_size=4GB", "checkpoint_timeout=30min"],
      });
      const huge = hugePages();
      console.log(
        huge.used > 0
          ? `  PostgreSQL's shared memory is in huge pages (${huge.used} of ${huge.total} 2 MB pages in use)`
          : `  PostgreSQL's shared memory is in 4 KB pages (vm.nr_hugepages = ${huge.total}): each new connection faults in every page it touches first (README "New connections")`,
      );
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
