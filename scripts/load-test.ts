/**
 * npm run test:load [-- --seconds 60 --connections 100]
 *
 * Runs the production build (npm run build first) on a fresh, seeded database
 * (embedded by default, DATABASE_URL if set), then drives a mix of reader pages
 * with autocannon and prints throughput, latency, errors and the server's memory
 * before and after. Ends with repeated failed sign-ins, which must be refused
 * with 429 once the limit is reached. Traffic goes to 127.0.0.1 only.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const SECONDS = arg("seconds", 60);
const CONNECTIONS = arg("connections", 100);
const PORT = arg("port", 3900);
const BASE = `http://127.0.0.1:${PORT}`;

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

async function paths(): Promise<string[]> {
  const home = await (await fetch(`${BASE}/`)).text();
  const claims = [...new Set([...home.matchAll(/href="(\/claims\/[^"#?]+)"/g)].map((m) => m[1]))];
  const articles = [...new Set([...(await (await fetch(`${BASE}/articles`)).text()).matchAll(/href="(\/articles\/[^"#?]+)"/g)].map((m) => m[1]))];
  return ["/", "/claims", "/articles", "/outlets", "/search?q=safe+haven", "/search?q=modest+steps", ...claims, ...articles];
}

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), "claimscope-load-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), BETTER_AUTH_URL: BASE, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  if (!process.env.DATABASE_URL) Object.assign(env, { PGLITE_DATA_DIR: path.join(dir, "db") });
  const server = spawn("npx", ["tsx", "server.ts"], { env: { ...env, HOSTNAME: "127.0.0.1" }, stdio: ["ignore", "ignore", "inherit"], detached: true });
  try {
    await waitFor(`${BASE}/api/health`, 180_000);
    const mix = await paths();
    for (const p of mix) await fetch(`${BASE}${p}`); // warm every page once
    const before = treeRssMb(server.pid!);
    console.log(`database: ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}; ${mix.length} reader pages in the mix`);
    console.log(`server memory before: ${before} MB`);

    const result = await autocannon({
      url: BASE,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: mix.map((p) => ({ method: "GET", path: p })),
    });
    const after = treeRssMb(server.pid!);
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(`load: ${SECONDS}s at ${CONNECTIONS} connections`);
    console.log(`requests: ${result.requests.total} (${Math.round(result.requests.average)}/s)`);
    console.log(`latency ms: p50 ${result.latency.p50}, p99 ${result.latency.p99}, max ${result.latency.max}`);
    console.log(`errors: ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
    console.log(`server memory after: ${after} MB`);

    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const r = await fetch(`${BASE}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE },
        body: JSON.stringify({ email: "editor@claimscope.local", password: `wrong-${i}` }),
      });
      statuses.push(r.status);
    }
    const limited = statuses.filter((s) => s === 429).length;
    console.log(`failed sign-ins: ${statuses.join(" ")} → ${limited} of ${statuses.length} refused with 429`);
    process.exitCode = errors === 0 && limited > 0 ? 0 : 1;
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1000));
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
