/**
 * A throw-away PostgreSQL server for tests: initdb into a temporary directory,
 * pg_ctl start on a free 127.0.0.1 port, pg_ctl stop and delete afterwards.
 * As root (CI), the server runs as the `postgres` user, since initdb refuses root.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export interface TestPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Stops it (fast shutdown: sessions are cut) and starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops it (fast shutdown) keeping its data; `resume` starts it again on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
}

function findBinary(name: string): string {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  // Debian's postgresql package keeps its server binaries off PATH.
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort().reverse()) {
      const candidate = path.join(root, version, "bin", name);
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new Error(`${name} not found: install PostgreSQL (apt-get install postgresql) to run the PostgreSQL tests`);
}

/** A port the OS says is free on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function run(bin: string, args: string[], asPostgres: boolean) {
  const [cmd, argv] = asPostgres ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"] });
}

export interface StartPostgresOptions {
  /** Keep the cluster in this folder (made on first use, reused after, never deleted); default a new temporary one. */
  dir?: string;
  /** Default: one the OS says is free. */
  port?: number;
  /** More `-c name=value` server settings. */
  settings?: string[];
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const asPostgres = process.getuid?.() === 0;
  const keep = Boolean(options.dir);
  const base = options.dir ? path.resolve(options.dir) : await mkdtemp(path.join(tmpdir(), "claimscope-pg-"));
  const dataDir = path.join(base, "data");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(base, { recursive: true });
    if (asPostgres) {
      await chmod(base, 0o777);
      execFileSync("chown", ["postgres", base]);
    }
    run(findBinary("initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"], asPostgres);
  }
  if (keep && existsSync(path.join(dataDir, "postmaster.pid"))) {
    // Left running by a run that was killed: stop it, to start it with this run's settings.
    try {
      run(findBinary("pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "-t", "120", "stop"], asPostgres);
    } catch {
      // not running (a stale pid file): pg_ctl start takes over
    }
  }
  const port = options.port ?? (await freePort());
  const settings = ["listen_addresses=127.0.0.1", "fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=300", ...(options.settings ?? [])];
  const serverOptions = `-p ${port} -k ${base} ${settings.map((s) => `-c ${s}`).join(" ")}`;
  run(findBinary("pg_ctl"), ["-D", dataDir, "-o", serverOptions, "-l", path.join(base, "server.log"), "-w", "-t", "60", "start"], asPostgres);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    async restart() {
      run(findBinary("pg_ctl"), ["-D", dataDir, "-l", path.join(base, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"], asPostgres);
    },
    async pause() {
      run(findBinary("pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"], asPostgres);
    },
    async resume() {
      run(findBinary("pg_ctl"), ["-D", dataDir, "-o", serverOptions, "-l", path.join(base, "server.log"), "-w", "-t", "60", "start"], asPostgres);
    },
    async stop() {
      if (keep) {
        run(findBinary("pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "-t", "120", "stop"], asPostgres);
        return;
      }
      try {
        run(findBinary("pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], asPostgres);
      } finally {
        await rm(base, { recursive: true, force: true });
      }
    },
  };
}

/** The URL of database `name` on the same server as `url`. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Creates database `name` on the server of `url` (any database's URL there), a
 * copy of database `template` when given; with `replace`, a database of that
 * name from an earlier run is dropped first. Returns the new database's URL.
 */
export async function createDatabase(url: string, name: string, { template, replace = false }: { template?: string; replace?: boolean } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: databaseUrl(url, "postgres") });
  await admin.connect();
  try {
    if (replace) await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(url, name);
}
