import "server-only";
import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Pool } from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { reportDatabaseTrouble } from "./database-health";
import { applyMigrations } from "./migrate";
import { pgliteExtensions } from "./pglite-extensions";
import { pgliteRunner, pgPoolRunner, type SqlRunner } from "./sql-runner";

/**
 * The one database client.
 *
 * - DATABASE_URL set: PostgreSQL through `pg` (any number of app processes).
 * - DATABASE_URL unset: embedded PGlite in `.data/pglite` (or PGLITE_DATA_DIR;
 *   `memory://` for throw-away databases). PGlite has no cross-process lock, so
 *   exactly one process may open a data directory: the instance lives on
 *   globalThis so that Next's module reloading never opens a second one.
 */
export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlRunner;
  /** The embedded instance (PGlite only): the job queue talks to it in-process. */
  pglite?: PGlite;
  close(): Promise<void>;
}

/**
 * A burst of editorial writes (many editors, a bulk action) queues for the pool's
 * connections: Prisma's default 2 s wait for one fails the write with a generic
 * error, so transactions wait longer to start before giving up.
 */
const transactionOptions = { maxWait: 15_000, timeout: 15_000 };

function createDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (url) {
    // A connection attempt gives up after 5 s (pg's default waits forever on an unreachable host).
    const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5_000 });
    // An idle connection cut by a PostgreSQL restart reports here; the pool drops it and
    // opens a new one on the next query. Unheard, the event would end the process.
    // It may also mean PostgreSQL is gone: server.ts's gate probes before the next request.
    pool.on("error", (error) => {
      console.error("database: idle connection lost:", error.message);
      reportDatabaseTrouble();
    });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions });
    return {
      kind: "postgres",
      prisma,
      sql: pgPoolRunner(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  let dataDir = process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite");
  const inMemory = dataDir.startsWith("memory://");
  let unlock = () => {};
  if (!inMemory) {
    // The lock is keyed on the directory's real path: "dir/", "./dir" or a symbolic
    // link to it are the same directory and must meet the same lock.
    mkdirSync(dataDir, { recursive: true });
    dataDir = realpathSync(dataDir);
    unlock = lockDataDir(dataDir);
  }
  const pg = new PGlite({ dataDir: inMemory ? undefined : dataDir, extensions: pgliteExtensions });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pg), transactionOptions });
  return {
    kind: "pglite",
    prisma,
    sql: pgliteRunner(pg),
    pglite: pg,
    async close() {
      await prisma.$disconnect();
      await pg.close();
      unlock();
    },
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    // A killed process not yet reaped by its parent (a zombie) holds nothing.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/**
 * PGlite itself has no cross-process lock, and two processes writing one data
 * directory corrupt it. So the embedded mode takes a lock file holding its pid;
 * a second process (say `npm run import` while the app runs) gets a clear error.
 * A lock left by a process that no longer exists (kill -9) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lockFile, { force: true });
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockFile, "utf8"));
      if (owner === process.pid) return () => {};
      if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) {
        throw new Error(
          `The embedded database ${dataDir} is in use by process ${owner} (the app server?). ` +
            "Stop that process first, or set DATABASE_URL to use PostgreSQL, which any number of processes can share.",
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

const globalForDb = globalThis as unknown as { __claimscopeDb?: Database };

/** Opened on first use, not on import: `next build` imports modules it never queries through. */
export function getDatabase(): Database {
  return (globalForDb.__claimscopeDb ??= createDatabase());
}

function lazy<T extends object>(get: () => T): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const target = get();
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export const database: Database = lazy(getDatabase);
export const prisma: PrismaClient = lazy(() => getDatabase().prisma);

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Applies pending migrations (idempotent; serialised by an advisory lock on PostgreSQL). */
export function migrateDatabase() {
  return applyMigrations(database.sql);
}
