/**
 * The production server (`server.ts`, after `next build`) as a child process, for
 * Vitest tests that speak real HTTP to it: on a fresh embedded database of its
 * own, or on a fresh PostgreSQL database cloned from the migrated template
 * (tests/support/global-postgres.ts) when `database: "postgres"`. With the demo
 * seed on, the new database is a copy of one the server seeded once
 * (tests/support/global-http.ts).
 *
 * Ports: the first free one of HTTP_TEST_PORTS ("3012-3019") when set, so that
 * parallel checkouts stay in their own ranges; otherwise one the OS picks.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { templateName } from "./global-postgres";
import { createDatabase, freePort as osFreePort } from "./postgres";
import { TSX } from "./tsx";

export type DatabaseKind = "pglite" | "postgres";

export interface AppServer {
  url: string;
  port: number;
  database: DatabaseKind;
  /** PostgreSQL URL of this server's database (postgres only). */
  databaseUrl: string | null;
  /** Everything the server printed so far (stdout + stderr). */
  output(): string;
  stop(): Promise<void>;
}

const taken = new Set<number>();

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  const range = process.env.HTTP_TEST_PORTS;
  if (range) {
    const [from, to] = range.split("-").map(Number);
    for (let p = from; p <= to; p++) {
      if (!taken.has(p) && (await portFree(p))) {
        taken.add(p);
        return p;
      }
    }
    throw new Error(`no free port in HTTP_TEST_PORTS=${range}`);
  }
  return osFreePort();
}

/** Which databases the HTTP tests run on: both when a PostgreSQL template is provided. */
export function databases(): DatabaseKind[] {
  return inject("postgresTemplateUrl") ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A new database cloned from the migrated template, or with `seeded` from the one
 * the production server seeded (tests/support/global-http.ts) when there is one.
 */
export async function newPostgresDatabase({ seeded = false } = {}): Promise<string> {
  const template = (seeded && inject("postgresSeededTemplate")) || templateName(inject("postgresTemplateUrl"));
  return createDatabase(inject("postgresTemplateUrl"), `h_${randomBytes(6).toString("hex")}`, { template });
}

export interface StartOptions {
  database?: DatabaseKind;
  /** Load the seed corpus (default true). */
  seed?: boolean;
  /** Reuse this data directory (PGlite) or database URL (PostgreSQL) instead of a new one. */
  dataDir?: string;
  databaseUrl?: string;
  env?: Record<string, string | undefined>;
  waitTimeoutMs?: number;
}

export async function waitForHealth(url: string, child: ChildProcess, ms: number, output: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not become healthy in ${ms / 1000}s:\n${output()}`);
}

/** Waits until a running server's health check answers 200 again (after its database came back). */
export async function waitForHealthy(server: AppServer, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${server.url} did not become healthy again in ${ms / 1000}s:\n${server.output()}`);
}

/** Spawns `tsx server.ts` (own process group, so stop() ends Next's workers too). */
export function spawnServer(port: number, env: Record<string, string | undefined>): { child: ChildProcess; output: () => string } {
  const child = spawn(TSX, ["server.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  return { child, output: () => out };
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid!, signal);
  } catch {
    return Promise.resolve();
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }, 10_000);
  return exited.finally(() => clearTimeout(timer));
}

export async function startAppServer(options: StartOptions = {}): Promise<AppServer> {
  const database = options.database ?? "pglite";
  const port = await freePort();
  let tmp: string | null = null;
  const env: Record<string, string | undefined> = { CLAIMSCOPE_SEED: options.seed === false ? "0" : "1", ...options.env };
  let dbUrl: string | null = null;
  if (database === "postgres") {
    dbUrl = options.databaseUrl ?? (await newPostgresDatabase({ seeded: options.seed !== false }));
    env.DATABASE_URL = dbUrl;
  } else {
    delete env.DATABASE_URL;
    if (!options.dataDir) tmp = await mkdtemp(path.join(tmpdir(), "claimscope-http-"));
    env.PGLITE_DATA_DIR = options.dataDir ?? path.join(tmp!, "pglite");
    // A copy of the directory the production server seeded once (global-http.ts), when seeded.
    const seeded = !options.dataDir && options.seed !== false ? inject("pgliteSeededDir") : undefined;
    if (seeded) await cp(seeded, env.PGLITE_DATA_DIR, { recursive: true });
  }
  const { child, output } = spawnServer(port, { DATABASE_URL: undefined, ...env });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, options.waitTimeoutMs ?? 240_000, output);
  } catch (error) {
    await killGroup(child);
    if (tmp) await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    port,
    database,
    databaseUrl: dbUrl,
    output,
    async stop() {
      await killGroup(child);
      taken.delete(port);
      if (tmp) await rm(tmp, { recursive: true, force: true });
    },
  };
}

/** Signs in over HTTP and returns the session cookie header. */
export async function signIn(server: AppServer, email: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
