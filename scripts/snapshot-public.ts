/**
 * Snapshots of everything a reader can fetch, to prove a refactoring changed
 * nothing for users.
 *
 *   npx tsx scripts/snapshot-public.ts capture OUT [--backup FILE] [--no-build] [--port N]
 *   npx tsx scripts/snapshot-public.ts compare BEFORE AFTER
 *   npx tsx scripts/snapshot-public.ts normalise FILE CONTENT-TYPE
 *
 * `capture` builds the app for production (`next build`, as `npm run build`), starts `server.ts` on a fresh embedded database that
 * seeds itself, and saves every public page, read-API response, export and feed
 * it can reach: a fixed list of entry points (lists, filters, searches, exports,
 * refusals) plus every public link found in the pages and JSON, followed until
 * none is new. It then writes the seeded database to `OUT/seeded.jsonl`
 * (`npm run backup` format).
 *
 * Seeding makes fresh ids and timestamps, so two seeded runs cannot be compared
 * byte for byte. With `--backup FILE` (the `seeded.jsonl` of an earlier capture)
 * the capture also restores that database into a second fresh directory and
 * saves the same pages from it under `OUT/restored/`: same data, new code.
 *
 * `compare BEFORE AFTER` then checks:
 * - AFTER/restored/ against BEFORE/seeded/, byte for byte, after replacing only
 *   what differs between two builds or two requests of the same code: Next's
 *   build id, the hashed `/_next/static/…` asset names and client-module ids in
 *   the page payload, and the request-time `dateModified`/`generated` stamps of
 *   the two exports;
 * - the two seeded databases, with the values a seed run makes afresh (cuid
 *   ids, timestamps of the run) masked and the rows compared as sorted sets, so
 *   that the seed itself (ingest, analysis, editorial decisions) still makes the
 *   same records.
 * It prints every difference and exits 1 if there is any.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = ".next";
const SITE_URL = "https://claimscope.test";
const MAX_URLS = 3000;

/** Entry points the links alone would not reach: filters, searches, paging, refusals. */
const ENTRY_POINTS = [
  "/",
  "/claims",
  "/articles",
  "/outlets",
  "/speakers",
  "/tags",
  "/search",
  "/search?q=safe+haven",
  "/search?q=safe+havn",
  "/search?q=terrorism&type=claims",
  "/search?q=terrorism&type=quotes",
  "/search?q=terrorism&type=articles",
  "/search?q=terrorism&type=quotes&page=2",
  "/search?q=Pakistan",
  "/search?q=%22safe+haven%22+-india",
  "/search?q=zzzzqqq",
  "/robots.txt",
  "/no-such-page",
  "/claims/no-such-claim",
  "/articles/no-such-article",
  "/outlets/no-such-outlet",
  "/speakers/no-such-speaker",
  "/claims?page=2",
  "/claims?page=999",
  "/api/claims",
  "/api/claims?perPage=1",
  "/api/claims?perPage=1&page=2",
  "/api/claims?perPage=abc",
  "/api/claims/no-such-claim",
  "/api/quotes",
  "/api/quotes?perPage=100",
  "/api/quotes?perPage=100&page=2",
  "/api/quotes?page=0",
  "/api/articles",
  "/api/articles?perPage=2",
  "/api/outlets",
  "/api/outlets?perPage=2",
  "/api/search?q=safe+haven",
  "/api/search?q=safe+havn",
  "/api/search?q=terrorism&type=quotes",
  "/api/search?q=Pakistan&type=articles",
  "/api/search",
  "/api/export/claim-review",
  "/api/export/annotations",
  "/api/export/claims.csv",
  "/api/export/quotes.csv",
  "/api/health",
];

/** Paths a reader (or a crawler) may fetch; editor and auth routes are not public output. */
const PUBLIC_PATH = /^\/(?:$|\?|claims|articles|outlets|speakers|tags|search|robots\.txt|api\/(?:claims|quotes|articles|outlets|search|export)(?:[/?.]|$))/;

function usage(): never {
  console.error(
    "usage: snapshot-public.ts capture OUT [--backup FILE] [--no-build] [--port N]\n       snapshot-public.ts compare BEFORE AFTER\n       snapshot-public.ts normalise FILE CONTENT-TYPE",
  );
  process.exit(2);
}

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${result.status}`);
}

// ---- Capture ----

function startServer(port: number, env: Record<string, string>): ChildProcess {
  const child = spawn("npx", ["--no-install", "tsx", "server.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOSTNAME: "127.0.0.1", SITE_URL, BETTER_AUTH_URL: SITE_URL, ...env },
    detached: true,
  });
  return child;
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
}

async function waitForHealth(base: string, child: ChildProcess) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not answer /api/health within 3 minutes");
}

/** Public links in a page or a JSON body, as paths with their queries. */
function linksIn(body: string): string[] {
  const found = new Set<string>();
  const add = (raw: string) => {
    let href = raw.replace(/&amp;/g, "&");
    if (href.startsWith(SITE_URL)) href = href.slice(SITE_URL.length) || "/";
    href = href.split("#")[0];
    if (href.startsWith("/") && !href.startsWith("//") && PUBLIC_PATH.test(href)) found.add(href);
  };
  for (const m of body.matchAll(/href="([^"]+)"/g)) add(m[1]);
  for (const m of body.matchAll(/"(?:url|page|next|prev|id|source)":"([^"]+)"/g)) add(m[1]);
  return [...found];
}

const VERDICTS = ["accurate", "mostly-accurate", "mixed", "misleading", "inaccurate", "unverifiable"];

/** The filtered lists and exports a record's page implies (forms, not links, lead there). */
function derivedFrom(url: string): string[] {
  const [, kind, slug] = url.match(/^\/(claims|articles|outlets|speakers)\/([a-z0-9-]+)$/) ?? [];
  const tag = url.match(/^\/claims\?tag=([a-z0-9-]+)$/)?.[1];
  if (tag) return [`/api/claims?tag=${tag}`];
  if (url === "/claims") return VERDICTS.flatMap((v) => [`/claims?verdict=${v}`, `/api/claims?verdict=${v}`]);
  if (!kind) return [];
  const list = { claims: "claim", articles: "article", outlets: "outlet", speakers: "speaker" }[kind];
  if (kind === "speakers") return [`/claims?speaker=${slug}`, `/api/claims?speaker=${slug}`];
  return [
    `/api/quotes?${list}=${slug}`,
    `/api/export/annotations?${list}=${slug}`,
    `/api/export/quotes.csv?${list}=${slug}`,
    ...(kind === "outlets" ? [`/claims?outlet=${slug}`, `/api/claims?outlet=${slug}`, `/api/articles?outlet=${slug}`] : []),
  ];
}

/** A file name for a URL: readable, and unique (a hash of the exact URL). */
function fileFor(url: string): string {
  const readable = url.replace(/^\//, "").replace(/[^\w.-]+/g, "_").slice(0, 80) || "index";
  return `${readable}.${createHash("sha256").update(url).digest("hex").slice(0, 10)}`;
}

interface Entry {
  url: string;
  status: number;
  type: string;
  file: string;
}

async function crawl(base: string, out: string): Promise<Entry[]> {
  mkdirSync(out, { recursive: true });
  const queue = [...ENTRY_POINTS];
  const seen = new Set(queue);
  const entries: Entry[] = [];
  while (queue.length) {
    if (seen.size > MAX_URLS) throw new Error(`more than ${MAX_URLS} public URLs: is a link generating new ones?`);
    const url = queue.shift()!;
    const response = await fetch(base + url, { redirect: "manual" });
    const body = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get("content-type") ?? "";
    const location = response.headers.get("location");
    const file = fileFor(url);
    writeFileSync(path.join(out, file), location ? `${response.status} → ${location}\n` : body);
    entries.push({ url, status: response.status, type, file });
    for (const link of [...linksIn(location ? `href="${location}"` : body.toString("utf8")), ...derivedFrom(url)]) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  writeFileSync(path.join(out, "index.json"), `${JSON.stringify(entries, null, 1)}\n`);
  return entries;
}

async function captureFrom(label: string, outDir: string, port: number, dataDir: string, env: Record<string, string>) {
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(port, { PGLITE_DATA_DIR: dataDir, ...env });
  try {
    await waitForHealth(base, server);
    const entries = await crawl(base, outDir);
    console.log(`${label}: ${entries.length} responses saved in ${path.relative(ROOT, outDir)}`);
  } finally {
    await stopServer(server);
  }
}

async function capture(out: string, options: { backup?: string; build: boolean; port: number }) {
  out = path.resolve(out);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  if (options.build) run("npx", ["--no-install", "next", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  const buildId = readFileSync(path.join(ROOT, DIST, "BUILD_ID"), "utf8").trim();
  writeFileSync(path.join(out, "build-id"), `${buildId}\n`);
  mkdirSync(path.join(ROOT, ".data"), { recursive: true });
  const work = mkdtempSync(path.join(ROOT, ".data", "snapshot-"));
  try {
    const seeded = path.join(work, "seeded");
    await captureFrom("seeded", path.join(out, "seeded"), options.port, seeded, {});
    run("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/backup.ts", path.join(out, "seeded.jsonl")], { PGLITE_DATA_DIR: seeded });
    if (options.backup) {
      const restored = path.join(work, "restored");
      run("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/restore.ts", path.resolve(options.backup)], { PGLITE_DATA_DIR: restored });
      // The demo seed stays on: the restored database is a demo one (its accounts have the
      // README's passwords, which a production start refuses), and the seed changes no row
      // that exists.
      await captureFrom("restored", path.join(out, "restored"), options.port, restored, {});
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---- Compare ----

/**
 * What two builds of the same code, or two requests, may print differently:
 * Next's build id, content-hashed asset names, the ids the bundler gives client
 * modules, and the two exports' request-time stamps.
 */
function normaliseText(text: string, buildId: string): string {
  return (buildId ? text.split(buildId).join("<build-id>") : text)
    .replace(/\/_next\/static\/[^"'\s)\\]+/g, "/_next/static/<asset>")
    // The bundler's runtime lists its chunks without the /_next/ prefix.
    .replace(/"static\/chunks\/[^"\\]+(\\?")/g, '"static/chunks/<asset>$1')
    .replace(/"(dateModified|generated)":"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"$1":"<now>"');
}

/**
 * React's flight payload (the page's data for hydration) as rows, in order of
 * their ids. Next streams it in `self.__next_f.push` scripts whose boundaries
 * and order follow the timing of the render, so the rows are compared, not the
 * scripts. Rows naming a chunk or a client module (bundler ids) are masked.
 */
function flightRows(html: string): string[] {
  let payload = "";
  for (const m of html.matchAll(/<script>self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)) {
    const [kind, text] = JSON.parse(m[1]) as [number, string?];
    if (kind === 1 && text) payload += text;
  }
  const bytes = Buffer.from(payload, "utf8");
  const rows: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    const colon = bytes.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = bytes.subarray(i, colon).toString();
    let end: number;
    if (bytes[colon + 1] === 0x54 /* T: text of a given byte length */) {
      const comma = bytes.indexOf(0x2c, colon);
      end = comma + 1 + parseInt(bytes.subarray(colon + 2, comma).toString(), 16);
    } else {
      end = bytes.indexOf(0x0a, colon);
      if (end < 0) end = bytes.length;
    }
    let row = bytes.subarray(colon + 1, end).toString();
    if (/^I\[/.test(row)) row = row.replace(/^I\[[^\]]*\]/, "I[<module>]");
    if (/^"\/_next\/static\//.test(row)) row = '"<chunk>"';
    rows.push(`${id}:${row}`);
    i = bytes[end] === 0x0a ? end + 1 : end;
  }
  return rows.sort();
}

/**
 * The markup a reader gets, without what the bundler decides: chunk scripts and
 * their preload/stylesheet links (their number and order follow how modules
 * were split), and the flight scripts (compared as rows). JSON-LD and every
 * other inline script stay.
 */
function markup(html: string): string {
  return html
    .replace(/<script\b[^>]+\bsrc="[^"]*"[^>]*><\/script>/g, "")
    .replace(/<script>\(?self\.__next_f[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]+\bhref="\/_next\/static\/[^"]*"[^>]*>/g, "");
}

function normalise(body: string, type: string, buildId: string): string {
  if (!type.startsWith("text/html")) return normaliseText(body, buildId);
  return `${normaliseText(markup(body), buildId)}\n---- flight rows ----\n${flightRows(body).map((r) => normaliseText(r, buildId)).join("\n")}`;
}

function readIndex(dir: string): Map<string, Entry> {
  const entries = JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8")) as Entry[];
  return new Map(entries.map((e) => [e.url, e]));
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 80), i + 120));
  return `at character ${i}:\n      before ${show(a)}\n      after  ${show(b)}`;
}

function comparePages(beforeDir: string, beforeBuild: string, afterDir: string, afterBuild: string): string[] {
  const problems: string[] = [];
  const before = readIndex(beforeDir);
  const after = readIndex(afterDir);
  for (const url of before.keys()) if (!after.has(url)) problems.push(`${url}: only before`);
  for (const url of after.keys()) if (!before.has(url)) problems.push(`${url}: only after`);
  for (const [url, b] of before) {
    const a = after.get(url);
    if (!a) continue;
    if (a.status !== b.status || a.type !== b.type) problems.push(`${url}: ${b.status} ${b.type} before, ${a.status} ${a.type} after`);
    const bodyBefore = normalise(readFileSync(path.join(beforeDir, b.file), "utf8"), b.type, beforeBuild);
    const bodyAfter = normalise(readFileSync(path.join(afterDir, a.file), "utf8"), a.type, afterBuild);
    if (bodyBefore !== bodyAfter) problems.push(`${url}: body differs ${firstDifference(bodyBefore, bodyAfter)}`);
  }
  return problems;
}

/** A seeded database with what a seed run makes afresh masked: ids and the run's own timestamps. */
function seededRows(file: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  let current: string[] | null = null;
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  for (const line of lines.slice(1)) {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (typeof value.table === "string" && Array.isArray(value.columns) && typeof value.rows === "number" && Object.keys(value).length === 3) {
      current = [];
      tables.set(value.table, current);
      continue;
    }
    const masked = line
      .replace(/"c[a-z0-9]{24}"/g, '"<id>"')
      // Timestamps of the run (2025 and later); the corpus's own dates are older.
      .replace(/"20(?:2[5-9]|[3-9]\d)-\d\d-\d\dT[\d:.+-]+"/g, '"<now>"')
      // better-auth's random ids (uuids) and salted password hashes.
      .replace(/"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g, '"<uuid>"')
      .replace(/"password":"[^"]*"/g, '"password":"<hash>"');
    current?.push(masked);
  }
  for (const rows of tables.values()) rows.sort();
  return tables;
}

function compareSeeds(beforeFile: string, afterFile: string): string[] {
  const problems: string[] = [];
  const before = seededRows(beforeFile);
  const after = seededRows(afterFile);
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(table) ?? [];
    const a = after.get(table) ?? [];
    const onlyBefore = b.filter((row) => !a.includes(row));
    const onlyAfter = a.filter((row) => !b.includes(row));
    if (b.length !== a.length || onlyBefore.length || onlyAfter.length) {
      problems.push(`seeded ${table}: ${b.length} rows before, ${a.length} after`);
      for (const row of onlyBefore.slice(0, 3)) problems.push(`    only before: ${row.slice(0, 300)}`);
      for (const row of onlyAfter.slice(0, 3)) problems.push(`    only after:  ${row.slice(0, 300)}`);
    }
  }
  return problems;
}

function compare(beforeDir: string, afterDir: string): number {
  const buildOf = (dir: string) => readFileSync(path.join(dir, "build-id"), "utf8").trim();
  const restored = path.join(afterDir, "restored");
  if (!existsSync(restored)) {
    console.error(`${afterDir} has no restored/ pages: capture it with --backup ${path.join(beforeDir, "seeded.jsonl")}`);
    return 2;
  }
  const problems = [
    ...comparePages(path.join(beforeDir, "seeded"), buildOf(beforeDir), restored, buildOf(afterDir)),
    ...compareSeeds(path.join(beforeDir, "seeded.jsonl"), path.join(afterDir, "seeded.jsonl")),
  ];
  const count = readdirSync(restored).length - 1;
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} differences` : `identical: ${count} public responses, and the seeded database`);
  return problems.length ? 1 : 0;
}

// ---- Command line ----

const [mode, ...args] = process.argv.slice(2);
if (mode === "capture") {
  const out = args[0];
  if (!out || out.startsWith("--")) usage();
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  await capture(out, { backup: option("--backup"), build: !args.includes("--no-build"), port: Number(option("--port") ?? process.env.PORT ?? 3020) });
} else if (mode === "normalise" && args.length === 2) {
  // What compare sees of one saved response (to read a difference): FILE in OUT/seeded or OUT/restored, its content type.
  const [file, type] = args;
  console.log(normalise(readFileSync(file, "utf8"), type, readFileSync(path.join(path.dirname(path.dirname(path.resolve(file))), "build-id"), "utf8").trim()));
} else if (mode === "compare") {
  if (args.length !== 2) usage();
  process.exitCode = compare(path.resolve(args[0]), path.resolve(args[1]));
} else usage();
