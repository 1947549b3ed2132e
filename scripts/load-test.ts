/**
 * npm run test:load [-- --seconds 20 --connections 50 --port 3900 --flood-rate 10 --import-wait 600]
 *
 * Issue 9's load figure, re-measured: readers must keep at least 0.8× their
 * throughput while a sign-in flood runs, and while an editor imports a large page.
 *
 * Starts the production build (`npm run build` first) on a fresh, seeded embedded
 * database (DATABASE_URL: that PostgreSQL instead), then drives readers with
 * autocannon for `--seconds` in three phases and prints each phase's throughput
 * (requests/s) and latency (p50, p99, ms), the machine's load average, and for
 * (b) and (c) PASS or FAIL against 0.8× of (a):
 *   (a) readers alone;
 *   (b) readers while a sign-in flood runs: `--flood-rate` attempts a second (10),
 *       each with a new e-mail address and a random X-Forwarded-For (which the
 *       server must not believe: no TRUSTED_PROXIES);
 *   (b2) the same flood, each attempt from a different real address: a socket bound to
 *       a random address of 127.0.0.0/8 (Linux routes the whole block to loopback), so
 *       the per-address limit never applies and every attempt reaches the password
 *       check, as a botnet's would;
 *   (c) readers while an editor imports an 806 KB HTML page of 12,000 quoted
 *       paragraphs through the import action, for the whole import (at most
 *       `--import-wait` s): its analysis in a worker thread, then its writes.
 * The reader mix, per 10 requests: 6 cached pages (home, lists, the seed's claim
 * and article pages, two searches; all warmed), 2 cold claim pages (a claim page
 * with a query string never requested before, so the public cache misses and
 * Next renders it from the database) and 2 searches nobody ran before (two words
 * of a vocabulary, a pair never repeated). Traffic goes to 127.0.0.1 only.
 * Exits 1 when a phase fails its target or readers get errors.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { postAction } from "../tests/support/server-actions";
import { largeQuotedPage } from "../tests/support/large-page";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const SECONDS = arg("seconds", 20);
const CONNECTIONS = arg("connections", 50);
const PORT = arg("port", 3900);
const FLOOD_RATE = arg("flood-rate", 10);
/** Phase (c)'s longest run, and how long to wait after it for the import to finish, in s. */
const IMPORT_WAIT = arg("import-wait", 600);
const TARGET = 0.8;
const BASE = `http://127.0.0.1:${PORT}`;
const EDITOR = { email: "editor@claimscope.local", password: "claimscope-editor" };

/** Resident memory of a process and all its descendants, in MB. */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // process ended while we looked
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // gone
    }
    stack.push(...(children.get(p) ?? []));
  }
  return Math.round(kb / 1024);
}

async function waitFor(url: string, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000}s`);
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

// ---- The reader mix ----

/** Words for never-run searches: pairs of them, each pair used once. */
const VOCABULARY = (
  "report state department pakistan terrorism safe haven militant groups government afghanistan taliban network security border " +
  "steps action financing prosecution leaders camps region policy officials minister statement pentagon washington islamabad " +
  "kabul attack operations counterterrorism cooperation progress role peace talks haqqani lashkar army intelligence funds " +
  "sanctions aid congress review annual country chapter modest constructive pressure allies support claims evidence outlets " +
  "framing quote source verdict rating published editor analysis news coverage journal radio press agency wire story week " +
  "year month spokesman foreign affairs embassy troops withdrawal strategy democracy elections economy trade water energy"
).split(" ");

function searchNobodyRan(n: number): string {
  const size = VOCABULARY.length;
  const a = VOCABULARY[n % size];
  const b = VOCABULARY[Math.floor(n / size) % size];
  // Beyond size² requests the pairs repeat: add a third word so they do not.
  const c = n >= size * size ? ` ${VOCABULARY[Math.floor(n / (size * size)) % size]}` : "";
  return `/search?q=${encodeURIComponent(`${a} ${b}${c}`)}`;
}

async function readerPaths(): Promise<{ cached: string[]; claims: string[] }> {
  const home = await (await fetch(`${BASE}/`)).text();
  const claims = [...new Set([...home.matchAll(/href="(\/claims\/[^"#?]+)"/g)].map((m) => m[1]))];
  const articles = [...new Set([...(await (await fetch(`${BASE}/articles`)).text()).matchAll(/href="(\/articles\/[^"#?]+)"/g)].map((m) => m[1]))];
  return { cached: ["/", "/claims", "/articles", "/outlets", "/search?q=safe+haven", "/search?q=modest+steps", ...claims, ...articles], claims };
}

/** One shared sequence over all phases, so no cold page or search is ever requested twice. */
function readerMix(paths: { cached: string[]; claims: string[] }) {
  let i = 0;
  let cold = 0;
  let searches = 0;
  return () => {
    const slot = i++ % 10;
    if (slot < 6) return paths.cached[i % paths.cached.length];
    if (slot < 8) return `${paths.claims[cold % paths.claims.length]}?cold=${cold++}-${randomBytes(3).toString("hex")}`;
    return searchNobodyRan(searches++);
  };
}

interface Phase {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** What the errors were: connection errors, timeouts (10 s), answers other than 2xx. */
  errorKinds: string;
  seconds: number;
  load: string;
}

/** Readers for `duration` seconds, or until `stopWhen` settles if it does sooner. */
function runReaders(name: string, next: () => string, { duration = SECONDS, stopWhen }: { duration?: number; stopWhen?: Promise<unknown> } = {}): Promise<Phase> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const instance = autocannon(
      {
        url: BASE,
        connections: CONNECTIONS,
        duration,
        requests: [
          {
            method: "GET",
            setupRequest: (req) => ({ ...req, path: next() }),
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = (Date.now() - started) / 1000;
        resolve({
          name,
          requestsPerSecond: Math.round(result.requests.total / seconds),
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx,
          errorKinds: `connection ${result.errors}, timeout ${result.timeouts}, non-2xx ${result.non2xx}`,
          seconds: Math.round(seconds * 10) / 10,
          load: load(),
        });
      },
    );
    void stopWhen?.finally(() => instance.stop());
  });
}

function print(phase: Phase, baseline?: Phase): boolean {
  const ratio = baseline ? phase.requestsPerSecond / baseline.requestsPerSecond : null;
  const verdict = ratio === null ? "" : ` → ${ratio.toFixed(2)}× of alone: ${ratio >= TARGET ? "PASS" : "FAIL"} (target ≥ ${TARGET}×)`;
  console.log(
    `${phase.name}: ${phase.requestsPerSecond} req/s, p50 ${phase.p50} ms, p99 ${phase.p99} ms, errors ${phase.errors} (${phase.errorKinds}), ${phase.seconds} s, load average ${phase.load}${verdict}`,
  );
  return (ratio === null || ratio >= TARGET) && phase.errors === 0;
}

// ---- (b) the sign-in flood ----

/** One sign-in attempt from the socket address `localAddress`; resolves to the status or "network error". */
function signInFrom(localAddress: string, body: string): Promise<string> {
  return new Promise((resolve) => {
    const req = httpRequest(
      `${BASE}/api/auth/sign-in/email`,
      { method: "POST", localAddress, headers: { "content-type": "application/json", origin: BASE, "content-length": Buffer.byteLength(body) }, timeout: 30_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve(String(res.statusCode)));
      },
    );
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve("network error"));
    req.end(body);
  });
}

/**
 * Sends `ratePerSecond` sign-in attempts a second, each with a new e-mail address:
 * from 127.0.0.1 with a forged X-Forwarded-For, or (`manyAddresses`) each from its
 * own address in 127.0.0.0/8. Returns a function that stops it and describes it.
 */
function startFlood(ratePerSecond: number, { manyAddresses = false } = {}) {
  const statuses = new Map<string, number>();
  let sent = 0;
  let inFlight = 0;
  const started = Date.now();
  const fire = () => {
    if (inFlight >= 200) {
      statuses.set("skipped (200 in flight)", (statuses.get("skipped (200 in flight)") ?? 0) + 1);
      return;
    }
    sent++;
    inFlight++;
    const octet = () => 1 + (randomBytes(1)[0] % 254);
    const body = JSON.stringify({ email: `flood-${randomBytes(6).toString("hex")}@example.com`, password: `guess-${randomBytes(6).toString("hex")}` });
    const attempt = manyAddresses
      ? signInFrom(`127.${octet()}.${octet()}.${octet()}`, body)
      : fetch(`${BASE}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": `${octet()}.${octet()}.${octet()}.${octet()}` },
          body,
          signal: AbortSignal.timeout(30_000),
        }).then(
          async (res) => {
            await res.arrayBuffer();
            return String(res.status);
          },
          () => "network error",
        );
    void attempt.then((status) => {
      inFlight--;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  };
  const timer = setInterval(fire, 1000 / ratePerSecond);
  return async () => {
    clearInterval(timer);
    const seconds = (Date.now() - started) / 1000;
    const end = Date.now() + 30_000;
    while (inFlight > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    const counts = [...statuses].map(([status, n]) => `${status}×${n}`).join(", ");
    return `sign-in flood${manyAddresses ? " from as many addresses" : ""}: ${sent} attempts in ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(1)}/s), answers ${counts}`;
  };
}

// ---- (c) the large import ----

async function signInCookie(): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify(EDITOR),
  });
  if (res.status !== 200) throw new Error(`editor sign-in: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), "claimscope-load-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), BETTER_AUTH_URL: BASE, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", TRUSTED_PROXIES: "" };
  if (!process.env.DATABASE_URL) Object.assign(env, { PGLITE_DATA_DIR: path.join(dir, "db") });
  const server = spawn("npx", ["tsx", "server.ts"], { env: { ...env, HOSTNAME: "127.0.0.1" }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  let ok = true;
  try {
    await waitFor(`${BASE}/api/health`, 300_000);
    const paths = await readerPaths();
    for (const p of paths.cached) await fetch(`${BASE}${p}`); // warm every cached page once
    // Signed in before the flood: the flood comes from this machine's address too, which
    // the server rightly makes wait, so the editor could not sign in during it.
    const cookie = await signInCookie();
    const next = readerMix(paths);
    console.log(`database: ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}; ${CONNECTIONS} connections, ${SECONDS} s a phase`);
    console.log(`reader mix per 10 requests: 6 cached (${paths.cached.length} pages), 2 cold claim pages (${paths.claims.length} claims, new query string each), 2 searches nobody ran before`);
    console.log(`server memory before: ${treeRssMb(server.pid!)} MB; load average ${load()}`);

    const alone = await runReaders("(a) readers alone", next);
    ok = print(alone) && ok;

    const stopFlood = startFlood(FLOOD_RATE);
    const flooded = await runReaders("(b) readers during a sign-in flood", next);
    const floodReport = await stopFlood();
    ok = print(flooded, alone) && ok;
    console.log(`    ${floodReport}`);

    const stopWideFlood = startFlood(FLOOD_RATE, { manyAddresses: true });
    const widelyFlooded = await runReaders("(b2) readers during a sign-in flood from many addresses", next);
    const wideFloodReport = await stopWideFlood();
    ok = print(widelyFlooded, alone) && ok;
    console.log(`    ${wideFloodReport}`);

    const page = largeQuotedPage();
    const importStarted = Date.now();
    let importSeconds: number | null = null;
    const importing = postAction(BASE, "/editor/import", "importArticleAction", cookie, { format: "html", content: page, newOutletName: "Load Test Wire", stripBoilerplate: true }).then(
      (r) => {
        importSeconds = (Date.now() - importStarted) / 1000;
        return r.result?.ok ? `imported (${JSON.stringify(r.result.data).slice(0, 120)})` : `refused: ${r.status} ${r.result?.error ?? r.body.slice(0, 200)}`;
      },
      (error: Error) => `failed: ${error.message}`,
    );
    // The whole import, not its first `--seconds`: analysis in a worker first, then the writes.
    const importPhase = await runReaders("(c) readers during an 806 KB import", next, { duration: IMPORT_WAIT, stopWhen: importing });
    ok = print(importPhase, alone) && ok;
    const stillRunning = importSeconds === null;
    const outcome = await Promise.race([importing, new Promise<string>((r) => setTimeout(() => r(`still running ${IMPORT_WAIT} s after the phase`), IMPORT_WAIT * 1000))]);
    console.log(
      `    import of ${(Buffer.byteLength(page) / 1024).toFixed(0)} KB, 12,000 quoted paragraphs: ${outcome}; ${importSeconds === null ? "unfinished" : `${(importSeconds as number).toFixed(1)} s`}${stillRunning ? ` (still running after ${IMPORT_WAIT} s: the phase stopped)` : " (the phase lasted the whole import)"}`,
    );
    console.log(`server memory after: ${treeRssMb(server.pid!)} MB; load average ${load()}`);
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1000));
    await rm(dir, { recursive: true, force: true });
  }
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
