/**
 * A throw-away PostgreSQL server for tests: initdb into a temporary directory,
 * pg_ctl start on a free 127.0.0.1 port, pg_ctl stop and delete afterwards.
 * As root (CI), the server runs as the `postgres` user, since initdb refuses root.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TestPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Stops it (fast shutdown: sessions are cut) and starts it again on the same port. */
  restart(): Promise<void>;
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

export async function startPostgres(): Promise<TestPostgres> {
  const asPostgres = process.getuid?.() === 0;
  const base = await mkdtemp(path.join(tmpdir(), "claimscope-pg-"));
  const dataDir = path.join(base, "data");
  if (asPostgres) {
    await chmod(base, 0o777);
    execFileSync("chown", ["postgres", base]);
  }
  run(findBinary("initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"], asPostgres);
  const port = await freePort();
  const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  run(findBinary("pg_ctl"), ["-D", dataDir, "-o", options, "-l", path.join(base, "server.log"), "-w", "-t", "60", "start"], asPostgres);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    async restart() {
      run(findBinary("pg_ctl"), ["-D", dataDir, "-l", path.join(base, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"], asPostgres);
    },
    async stop() {
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
