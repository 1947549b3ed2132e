import "server-only";
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync, writeFileSync, writeSync } from "node:fs";
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
 *   `memory://` for throw-away databases). A throw-away database, or a data
 *   directory opened for the first time, starts from the data directory dumped
 *   to the file PGLITE_TEMPLATE when it is set — PGlite's `dumpDataDir`, as the
 *   tests' template; 3 s to start instead of 6 s of initdb and migrations. PGlite has no cross-process lock, so
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

/**
 * DATABASE_QUERY_EVENTS=1 (the integration tests) has Prisma report every statement it sends, to
 * onQuery's listeners: tests/integration/reader-queries.test.ts checks the reader paths' plans and
 * that their number of statements does not grow with the rows shown. Off, Prisma builds no events.
 */
const queryEvents = process.env.DATABASE_QUERY_EVENTS === "1" ? { log: [{ emit: "event" as const, level: "query" as const }] } : {};

/** A statement Prisma sent: its SQL and its parameters as a JSON array. */
export interface QueryEvent {
  query: string;
  params: string;
}

const queryListeners = new Set<(event: QueryEvent) => void>();
let queryHooked = false;

/**
 * Calls `listener` with each statement the database client sends from now on, and returns the
 * function that stops it. Only with DATABASE_QUERY_EVENTS=1.
 * @throws Error when DATABASE_QUERY_EVENTS is not 1 (no events would ever come).
 */
export function onQuery(listener: (event: QueryEvent) => void): () => void {
  if (!queryEvents.log) throw new Error("onQuery needs DATABASE_QUERY_EVENTS=1 before the database client is created");
  if (!queryHooked) {
    queryHooked = true;
    (database.prisma as unknown as { $on(event: "query", cb: (e: QueryEvent) => void): void }).$on("query", (e) => {
      for (const l of queryListeners) l(e);
    });
  }
  queryListeners.add(listener);
  return () => void queryListeners.delete(listener);
}

/**
 * Pooled PostgreSQL connections live for minutes, not pg's default 10 s of idleness. A new
 * connection is a new server process, and its first queries are slow: it loads the `english`
 * text-search dictionary (5 ms) and takes a page fault on each page of shared buffers it touches
 * for the first time (on the benchmark machine 775 faults, 22 ms, for one article search that
 * takes 3 ms on a connection that has run before, and 5 ms on a new one when PostgreSQL has huge pages;
 * README "New connections were the rest of search's p95"). Readers arriving a few
 * seconds apart would otherwise keep meeting new connections. TCP keep-alive notices a
 * connection that a firewall dropped while idle; `allowExitOnIdle` lets a command exit without
 * waiting for its idle connections to time out.
 */
const LONG_LIVED_CONNECTIONS = { idleTimeoutMillis: 5 * 60_000, keepAlive: true, allowExitOnIdle: true };

function createDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new Pool({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // A connection attempt gives up after 5 s (pg's default waits forever on an unreachable host).
      connectionTimeoutMillis: 5_000,
      ...LONG_LIVED_CONNECTIONS,
    });
    // An idle connection cut by a PostgreSQL restart reports here; the pool drops it and
    // opens a new one on the next query. Unheard, the event would end the process.
    // It may also mean PostgreSQL is gone: server.ts's gate probes before the next request.
    pool.on("error", (error) => {
      console.error("database: idle connection lost:", error.message);
      reportDatabaseTrouble();
    });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions, ...queryEvents });
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
    // Not a file the server ships: no output tracing (Turbopack would trace the whole project).
    dataDir = realpathSync(/*turbopackIgnore: true*/ dataDir);
    unlock = lockDataDir(dataDir);
  }
  // A new directory (no PG_VERSION yet) starts from the template too, so that a
  // command a test spawns on a directory of its own skips initdb and migrations.
  const fresh = inMemory || !existsSync(path.join(dataDir, "PG_VERSION"));
  const template = fresh && process.env.PGLITE_TEMPLATE ? new Blob([readFileSync(process.env.PGLITE_TEMPLATE)]) : undefined;
  const pg = new PGlite({ dataDir: inMemory ? undefined : dataDir, extensions: pgliteExtensions, loadDataDir: template });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(yielding(pg)), transactionOptions, ...queryEvents });
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

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite runs each statement synchronously on this thread (WebAssembly) and
 * resolves its promise at once, so a long chain of awaited statements is one
 * unbroken run of microtasks in which no request is even read: while an 806 KB
 * page's 12,000 quotes were written, /robots.txt waited 24 s (issue 9, item 5).
 * So the client Prisma uses yields to the event loop (setImmediate) before each
 * statement and each transaction, inside transactions too: requests are read and
 * cached pages answered between statements, and a reader's query waits for at
 * most the transaction under way, not for the whole import.
 */
function yielding<T extends Pick<PGlite, "query">>(client: T): T {
  return new Proxy(client, {
    get(target, property) {
      if (property === "query") {
        return async (...args: Parameters<PGlite["query"]>) => {
          await yieldToEventLoop();
          return target.query(...args);
        };
      }
      if (property === "transaction") {
        const pglite = target as unknown as PGlite;
        return async <R>(fn: (tx: Parameters<Parameters<PGlite["transaction"]>[0]>[0]) => Promise<R>) => {
          await yieldToEventLoop();
          return pglite.transaction((tx) => fn(yielding(tx)));
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
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

/** flock(1)'s exit code when the lock is held elsewhere (its `--conflict-exit-code`). */
const FLOCK_CONFLICT = 75;

/**
 * Takes flock(2) LOCK_EX on the data directory itself, without waiting: an
 * OS-level lock on the directory's inode, so every spelling of its path (a
 * trailing slash, a relative path, a symbolic link) meets it, and the kernel
 * releases it when this process ends in any way, kill -9 included.
 *
 * Node has no flock(), so util-linux's `flock(1)` takes it on a descriptor
 * this process opened and lends the child as its fd 3 ("flock [options]
 * number", man 1 flock). A flock lock belongs to the open file description,
 * which parent and child share, and lasts until every descriptor of it is
 * closed (man 2 flock): the child exits at once and this process keeps the lock
 * until it closes `fd`. Node opens files close-on-exec, so no other child
 * inherits (and outlives us with) the lock.
 *
 * @returns the open descriptor that holds the lock; "busy" when another process
 *   holds it; "unavailable" when there is no `flock` command (not Linux).
 */
function flockDirectory(dataDir: string): number | "busy" | "unavailable" {
  const fd = openSync(dataDir, "r");
  const result = spawnSync("flock", ["--nonblock", "--exclusive", "--conflict-exit-code", String(FLOCK_CONFLICT), "3"], {
    stdio: ["ignore", "ignore", "pipe", fd],
    encoding: "utf8",
  });
  if (result.status === 0) return fd;
  closeSync(fd);
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") return "unavailable";
  if (result.status === FLOCK_CONFLICT) return "busy";
  throw new Error(`Could not lock ${dataDir}: flock ${result.error?.message ?? `exited with ${result.status}: ${result.stderr}`}`);
}

function inUseError(dataDir: string, owner: number | null): Error {
  return new Error(
    `The embedded database ${dataDir} is in use by ${owner ? `process ${owner}` : "another process"} (the app server?). ` +
      "Stop that process first, or set DATABASE_URL to use PostgreSQL, which any number of processes can share.",
  );
}

function lockOwner(lockFile: string): number | null {
  try {
    const owner = Number(readFileSync(lockFile, "utf8"));
    return Number.isInteger(owner) && owner > 0 ? owner : null;
  } catch {
    return null;
  }
}

const globalForLocks = globalThis as unknown as { __claimscopeDataDirLocks?: Map<string, () => void> };

/**
 * PGlite itself has no cross-process lock, and two processes writing one data
 * directory corrupt it. So the embedded mode holds two locks on the directory's
 * real path:
 * - flock(2) on the directory itself (flockDirectory): the lock that decides.
 *   It cannot go stale: a process killed with -9 holds nothing, and the next one
 *   takes it at once, whatever pid the old one had (no pid-reuse guess).
 * - a lock file `<dir>.lock` holding the owner's pid, which names the owner in
 *   the error, and is the lock itself where there is no flock(1) (a lock left by
 *   a process that no longer exists is then taken over by pid).
 * A second process (say `npm run import` while the app runs) gets a clear error.
 * Within one process the lock is taken once (Next may load this module twice).
 * @throws Error "… is in use by process N …" when another process holds it.
 */
function lockDataDir(dataDir: string): () => void {
  const locks = (globalForLocks.__claimscopeDataDirLocks ??= new Map());
  if (locks.has(dataDir)) return () => {};
  const lockFile = `${dataDir}.lock`;
  const fd = flockDirectory(dataDir);
  if (fd === "busy") throw inUseError(dataDir, lockOwner(lockFile));
  if (fd === "unavailable") lockByPid(dataDir, lockFile);
  else writeFileSync(lockFile, String(process.pid)); // we hold the directory: any pid file here is stale
  const onExit = () => rmSync(lockFile, { force: true });
  process.once("exit", onExit);
  const release = () => {
    if (!locks.delete(dataDir)) return;
    process.off("exit", onExit);
    onExit();
    if (typeof fd === "number") closeSync(fd);
  };
  locks.set(dataDir, release);
  return release;
}

/** The pid lock file alone (no flock(1)): created exclusively; a dead owner's file is taken over. */
function lockByPid(dataDir: string, lockFile: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = lockOwner(lockFile);
      if (owner === process.pid) return;
      if (owner && processAlive(owner)) throw inUseError(dataDir, owner);
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
