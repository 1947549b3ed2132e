/**
 * npm run bench:web [-- --skip-build]
 *
 * The reader side under load. Generates a synthetic corpus (10,000 published
 * claims, 100,000 quotes in 20,000 articles) into a throw-away embedded database,
 * builds the app (into .next-bench; --skip-build reuses it), starts the
 * production server on that database, and prints side by side, from one run
 * with autocannon at 50 connections: a static file of the same server, claim
 * pages, and search (the JSON API and the HTML page), with throughput and
 * p50/p95/p99 latency, against the targets (claim pages ≥ 0.5× the static
 * file's throughput with p99 ≤ 100 ms; search p95 ≤ 50 ms). Then the cost of a
 * search the cache has not seen (one connection, distinct queries).
 *
 * Environment: BENCH_CLAIMS (10000), BENCH_QUOTES_PER_CLAIM (10), BENCH_PORT
 * (3400), BENCH_DURATION seconds per target (10), BENCH_CONNECTIONS (50),
 * BENCH_DIST_DIR (.next-bench).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 10_000);
const QUOTES_PER_CLAIM = Number(process.env.BENCH_QUOTES_PER_CLAIM ?? 10);
const QUOTES_PER_ARTICLE = 5;
const OUTLETS = 40;
const SPEAKERS = 200;
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DIST_DIR = process.env.BENCH_DIST_DIR ?? ".next-bench";
const SAMPLE_PAGES = 400;
const BASE = `http://127.0.0.1:${PORT}`;
const skipBuild = process.argv.includes("--skip-build");

// ---- A deterministic synthetic corpus ----

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20260624);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

const SUBJECTS = ["Pakistan", "Afghanistan", "the government", "the military", "Islamabad", "Kabul", "the ministry", "the army", "India", "the Taliban", "the police", "the cabinet"];
const NOUNS = ["safe haven", "terror financing", "border security", "peace talks", "militant groups", "counterterrorism", "insurgent networks", "refugee returns", "election reform", "trade routes", "water rights", "drone strikes", "arms smuggling", "press freedom", "sanctions relief", "ceasefire monitoring", "regional stability", "training camps", "madrassa reform", "cross-border raids"];
const VERBS_PHRASE = ["continued to serve as", "took modest steps toward", "failed to address", "played a constructive role in", "made progress on", "did not act against", "expanded support for", "remained a", "pledged to dismantle", "offered assurances about"];
const QUALIFIERS = ["certain regionally focused", "several", "some", "all", "newly formed", "long-standing", "externally based", "India-focused", "Afghanistan-focused", "domestic"];
const TAILS = ["in 2019", "throughout the country", "along the border", "despite government denials", "according to officials", "during the reporting period", "in the tribal areas", "without delay", "over the past year", "in the capital"];
const ATTRIBUTION = ["said", "noted", "claimed", "slams", "blasts", "warned", "stated", "insisted", "reported", "added"];
const HEDGES = ["still", "alleged", "seen as", "reportedly", "so-called"];
const FILLER = "Analysts in the region have followed the issue for years and officials declined to comment further on the details of the report or its sources.";

function claimSentence(i: number): string {
  return `${pick(SUBJECTS)} ${pick(VERBS_PHRASE)} ${pick(NOUNS)} for ${pick(QUALIFIERS)} ${pick(NOUNS)} ${pick(TAILS)} (finding ${i + 1}).`;
}

/** An outlet's wording: verbatim, trimmed (a word left out) or altered (a word changed). */
function variant(sentence: string): { exact: string; fidelity: "verbatim" | "trimmed" | "altered" } {
  const words = sentence.replace(/\.$/, "").split(" ");
  const r = random();
  if (r < 0.4) return { exact: words.join(" "), fidelity: "verbatim" };
  const at = 1 + Math.floor(random() * (words.length - 3));
  if (r < 0.7) return { exact: [...words.slice(0, at), ...words.slice(at + 1)].join(" "), fidelity: "trimmed" };
  return { exact: [...words.slice(0, at), pick(["remains", "is still", "was seen as", "allegedly"]), ...words.slice(at + 1)].join(" "), fidelity: "altered" };
}

const pad = (n: number, width = 6) => String(n).padStart(width, "0");
const iso = (d: Date) => d.toISOString().replace("Z", "");

async function generate(dataDir: string) {
  process.env.PGLITE_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  const { database, migrateDatabase, prisma } = await import("@/lib/db");
  const { seedDatabase } = await import("@/prisma/seed");
  const started = Date.now();
  await migrateDatabase();
  await seedDatabase(prisma);
  const labels = await prisma.verdictLabel.findMany({ select: { id: true } });
  const sql = database.sql;
  const now = iso(new Date());

  async function insert(table: string, rows: Record<string, unknown>[], batch = 2000) {
    const columns = Object.keys(rows[0]).map((c) => `"${c}"`).join(", ");
    for (let i = 0; i < rows.length; i += batch) {
      await sql.query(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`, [JSON.stringify(rows.slice(i, i + batch))]);
    }
  }

  const outlets = Array.from({ length: OUTLETS }, (_, i) => ({ id: `bench-o-${pad(i)}`, name: `Bench Outlet ${i + 1}`, slug: `bench-outlet-${i + 1}`, country: pick(["Pakistan", "Afghanistan", "United States", "India"]), updatedAt: now }));
  const speakers = Array.from({ length: SPEAKERS }, (_, i) => ({ id: `bench-s-${pad(i)}`, name: `Bench Speaker ${i + 1}`, slug: `bench-speaker-${i + 1}`, kind: pick(["person", "organisation", "government"]), aliases: [], updatedAt: now }));
  await insert("Outlet", outlets);
  await insert("Speaker", speakers);

  const claims = Array.from({ length: CLAIMS }, (_, i) => ({
    id: `bench-c-${pad(i)}`,
    slug: `bench-claim-${pad(i)}`,
    canonical: claimSentence(i),
    speakerId: pick(speakers).id,
    status: "published",
    publishedAt: iso(new Date(Date.UTC(2016, 0, 1) + i * 3_600_000 * 7)),
    updatedAt: now,
  }));
  await insert("Claim", claims);
  await insert(
    "Rating",
    claims.map((c, i) => ({
      id: `bench-r-${pad(i)}`,
      claimId: c.id,
      verdictLabelId: pick(labels).id,
      verdictExplanation: "Synthetic verdict for the benchmark.",
      fidelityRating: 1 + Math.floor(random() * 5),
      fidelityExplanation: "Synthetic.",
      framingRating: 1 + Math.floor(random() * 5),
      framingExplanation: "Synthetic.",
      publishedAt: c.publishedAt,
      updatedAt: now,
    })),
  );

  // Each article carries QUOTES_PER_ARTICLE quotes of different claims, one per paragraph pair.
  const totalQuotes = CLAIMS * QUOTES_PER_CLAIM;
  const articleCount = Math.ceil(totalQuotes / QUOTES_PER_ARTICLE);
  const perArticle: { claim: (typeof claims)[number]; n: number }[][] = Array.from({ length: articleCount }, () => []);
  for (let c = 0; c < CLAIMS; c++) for (let j = 0; j < QUOTES_PER_CLAIM; j++) perArticle[(c * QUOTES_PER_CLAIM + j * 7919) % articleCount].push({ claim: claims[c], n: j });

  const ARTICLE_BATCH = 2000;
  let quoteNo = 0;
  for (let a0 = 0; a0 < articleCount; a0 += ARTICLE_BATCH) {
    const articles: Record<string, unknown>[] = [];
    const quotes: Record<string, unknown>[] = [];
    for (let a = a0; a < Math.min(articleCount, a0 + ARTICLE_BATCH); a++) {
      const items = perArticle[a];
      const title = `Report: ${items[0]?.claim.canonical.split(" ").slice(0, 8).join(" ") ?? "news"} (${a + 1})`;
      let body = `${title}\n\n${FILLER}`;
      let paragraph = 1;
      const id = `bench-a-${pad(a)}`;
      for (const { claim } of items) {
        const { exact, fidelity } = variant(claim.canonical);
        const verb = pick(ATTRIBUTION);
        const hedges = random() < 0.25 ? [pick(HEDGES)] : [];
        const lead = `${hedges.length ? `In what is ${hedges[0]} described as a turning point, ` : ""}the report ${verb}: “`;
        body += `\n\n${lead}`;
        const quoteParagraph = ++paragraph;
        const start = body.length;
        body += `${exact}.”`;
        const end = start + exact.length;
        body += `\n\n${FILLER}`;
        paragraph++;
        quotes.push({
          id: `bench-q-${pad(quoteNo++, 7)}`,
          articleId: id,
          claimId: claim.id,
          speakerId: claim.speakerId,
          exact,
          start,
          end,
          cue: `the report ${verb}`,
          verb,
          reviewStatus: "confirmed",
          fidelity,
          paragraphIndex: quoteParagraph,
          inHeadline: false,
          hedges,
          updatedAt: now,
        });
      }
      for (const q of quotes.slice(quotes.length - items.length)) {
        q.prefix = body.slice(Math.max(0, (q.start as number) - 32), q.start as number);
        q.suffix = body.slice(q.end as number, (q.end as number) + 32);
      }
      articles.push({
        id,
        outletId: outlets[a % OUTLETS].id,
        title,
        slug: `bench-article-${pad(a)}`,
        body,
        contentHash: createHash("sha256").update(`${id}:${body}`).digest("hex"),
        publishedAt: iso(new Date(Date.UTC(2016, 0, 1) + a * 3_600_000 * 3)),
        updatedAt: now,
      });
    }
    await insert("Article", articles, 500);
    await insert("Quote", quotes, 2500);
    process.stdout.write(`\r  corpus: ${Math.min(articleCount, a0 + ARTICLE_BATCH).toLocaleString("en")} / ${articleCount.toLocaleString("en")} articles, ${quoteNo.toLocaleString("en")} quotes`);
  }
  await sql.exec("ANALYZE");
  const counts = { claims: await prisma.claim.count({ where: { status: "published" } }), quotes: await prisma.quote.count(), articles: await prisma.article.count() };
  await database.close();
  console.log(`\n  corpus ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${counts.claims.toLocaleString("en")} published claims, ${counts.quotes.toLocaleString("en")} quotes, ${counts.articles.toLocaleString("en")} articles`);
  return { claimSlugs: claims.map((c) => c.slug), sentences: claims.map((c) => c.canonical) };
}

// ---- Server ----

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  const server = spawn("npx", ["tsx", "server.ts"], {
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, PGLITE_DATA_DIR: dataDir, CLAIMSCOPE_SEED: "0", NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_URL: BASE, SITE_URL: BASE, PORT: String(PORT) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopServer(server);
  throw new Error("the server did not start within 2 minutes");
}

function stopServer(server: ChildProcess) {
  if (server.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function warm(paths: string[], concurrency = 4) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const res = await fetch(`${BASE}${paths[next++]}`);
        if (!res.ok) throw new Error(`${res.url}: ${res.status}`);
        await res.arrayBuffer();
      }
    }),
  );
}

// ---- Measuring ----

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function load(name: string, paths: string[]): Promise<Figures> {
  let i = 0;
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status >= 400) errors++;
    });
  });
  times.sort((a, b) => a - b);
  return { name, rps: result.requests.average, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), errors: errors + result.errors + result.timeouts, requests: times.length };
}

async function coldSearch(queries: string[]): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    const res = await fetch(`${BASE}/api/search?q=${encodeURIComponent(q)}`);
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

async function main() {
  console.log(`Claimscope web benchmark: ${CLAIMS.toLocaleString("en")} claims × ${QUOTES_PER_CLAIM} quotes, autocannon ${CONNECTIONS} connections, ${DURATION} s per target`);
  const dataDir = await mkdtemp(path.join(tmpdir(), "claimscope-bench-"));
  let server: ChildProcess | null = null;
  try {
    const corpus = await generate(path.join(dataDir, "pglite"));
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
    server = await startServer(path.join(dataDir, "pglite"));

    const step = Math.max(1, Math.floor(corpus.claimSlugs.length / SAMPLE_PAGES));
    const claimPaths = corpus.claimSlugs.filter((_, i) => i % step === 0).slice(0, SAMPLE_PAGES).map((s) => `/claims/${s}`);
    const queries = [...new Set([...NOUNS, ...NOUNS.map((n) => `${pick(SUBJECTS)} ${n}`)])];
    const searchApi = queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
    const searchPage = queries.map((q) => `/search?q=${encodeURIComponent(q)}`);
    console.log(`  warming ${claimPaths.length} claim pages and ${queries.length} searches (first render, then cached until an editor's write) …`);
    let t = performance.now();
    await warm(claimPaths);
    const firstRender = (performance.now() - t) / claimPaths.length;
    t = performance.now();
    await warm([...searchApi, ...searchPage]);
    const firstSearch = (performance.now() - t) / (2 * queries.length);

    const figures: Figures[] = [];
    figures.push(await load("static file  /robots.txt", ["/robots.txt"]));
    figures.push(await load(`claim pages  (${claimPaths.length} pages)`, claimPaths));
    figures.push(await load(`search API   (${queries.length} queries)`, searchApi));
    figures.push(await load(`search page  (${queries.length} queries)`, searchPage));
    const cold = await coldSearch(Array.from({ length: 60 }, (_, i) => `${NOUNS[i % NOUNS.length]} ${SUBJECTS[i % SUBJECTS.length]} ${i}`));

    const [staticFile, claimPages, searchJson, searchHtml] = figures;
    const rows = figures.map((f) => [
      f.name.padEnd(30),
      Math.round(f.rps).toLocaleString("en").padStart(8),
      ms(f.p50).padStart(9),
      ms(f.p95).padStart(9),
      ms(f.p99).padStart(9),
      `${(f.rps / staticFile.rps).toFixed(2)}×`.padStart(8),
      String(f.errors).padStart(7),
    ]);
    console.log();
    console.log(`${"target".padEnd(30)}${"req/s".padStart(8)}${"p50".padStart(9)}${"p95".padStart(9)}${"p99".padStart(9)}${"vs static".padStart(10)}${"errors".padStart(7)}`);
    for (const r of rows) console.log(r.join(""));
    console.log();
    console.log(`first render of a claim page (cache miss, 4 at a time): ${ms(firstRender)} each; first search: ${ms(firstSearch)} each`);
    console.log(`search not yet cached (one connection, 60 distinct queries): p50 ${ms(cold.p50)}, p95 ${ms(cold.p95)}, max ${ms(cold.max)}`);
    console.log();
    const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
    const ratio = claimPages.rps / staticFile.rps;
    const searchP95 = Math.max(searchJson.p95, searchHtml.p95);
    console.log(`claim pages ≥ 0.5× static throughput: ${verdict(ratio >= 0.5)} (${ratio.toFixed(2)}×)`);
    console.log(`claim pages p99 ≤ 100 ms:              ${verdict(claimPages.p99 <= 100)} (${ms(claimPages.p99)})`);
    console.log(`search p95 ≤ 50 ms:                    ${verdict(searchP95 <= 50)} (API ${ms(searchJson.p95)}, page ${ms(searchHtml.p95)})`);
    if (figures.some((f) => f.errors > 0)) console.log("some requests failed: see the errors column");
  } finally {
    if (server) stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
