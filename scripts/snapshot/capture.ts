/**
 * `snapshot-public.ts capture`: build, start server.ts on a fresh embedded
 * database that seeds itself, and save every public response it can reach
 * (see scripts/snapshot-public.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
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

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${result.status}`);
}

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

export interface Entry {
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

export async function capture(out: string, options: { backup?: string; build: boolean; port: number }) {
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
