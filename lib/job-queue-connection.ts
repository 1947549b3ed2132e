import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import PgBoss from "pg-boss";
import pg from "pg";
import { database, type Database } from "./db";
import type { QueueSpec } from "./job-queue";

/**
 * pg-boss 10 in this process: one instance, made on first use and kept on
 * `globalThis`, on either database. Jobs, retries and cron schedules are rows in
 * its `pgboss` schema. Adding and reading jobs is lib/job-queue.ts; running
 * them is lib/job-worker.ts.
 *
 * - PostgreSQL: pg-boss's own small pool; any number of worker processes
 *   (`npm run worker`) and app servers share the queue; a job is taken by
 *   exactly one of them (`FOR UPDATE SKIP LOCKED` inside pg-boss).
 * - PGlite: pg-boss talks to the app's in-process instance through its `db`
 *   option (one `executeSql` function), so no socket and no second process is
 *   needed; PGlite's own mutex keeps pg-boss's statements out of Prisma's open
 *   transactions. One worker runs inside the app (lib/startup.ts).
 *
 * Each process has a holder name, and on PostgreSQL one presence session whose
 * `application_name` is that name: lib/job-worker.ts tells from it which
 * running jobs lost their worker.
 */

export const SCHEMA = "pgboss";

export interface QueueRuntime {
  boss: PgBoss;
  /** This process's name on its job leases (and its presence session's application_name). */
  holder: string;
  kind: Database["kind"];
  presence: pg.Client | null;
  /** Queues this process has created or updated from their spec. */
  queues: Set<string>;
  /** Idle workers of this process, woken when it sends a job. */
  wake: Set<() => void>;
  stopped: boolean;
}

const globalForQueue = globalThis as unknown as { __claimscopeQueue?: Promise<QueueRuntime> };

/**
 * pg-boss's `db` option on PGlite: parameterised statements go through the
 * extended protocol; pg-boss's unparameterised scripts (its schema, `BEGIN; …;
 * COMMIT;` maintenance blocks) through the simple protocol, which takes
 * several statements.
 */
function pgliteAdapter(db: NonNullable<Database["pglite"]>): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length) return await db.query(text, values);
      const results = await db.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

/** `<host>:<pid>:<random>`, at most 63 bytes (PostgreSQL's limit for application_name). */
function newHolder(): string {
  const host = hostname().replace(/[^\w.-]/g, "").slice(0, 30);
  return `cs:${host}:${process.pid}:${randomBytes(6).toString("hex")}`.slice(0, 63);
}

async function openPresence(url: string, holder: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: holder });
  // A broken presence session only makes this worker's jobs look abandoned, and
  // running a job twice is safe; so errors are logged, not fatal.
  client.on("error", (error) => console.error(`job queue: presence session lost (${error.message})`));
  await client.connect();
  return client;
}

/** Advisory-lock key for the queue's schema, queues and schedules ("CSQS"); distinct from the migrations' key. */
const QUEUE_SETUP_LOCK = 0x43535153;

/**
 * Runs pg-boss's set-up statements (its schema migration, a queue's partition
 * table, a schedule's upsert) one process at a time across every process on the
 * database. Two workers starting together otherwise ran them at once and one
 * died with "deadlock detected" (tests/integration/feed-workers.test.ts, seen in
 * CI). A no-op on the embedded database, which one process holds.
 */
export function underSetupLock<T>(fn: () => Promise<T>): Promise<T> {
  return database.sql.withLock(QUEUE_SETUP_LOCK, fn);
}

async function createRuntime(): Promise<QueueRuntime> {
  const kind = database.kind;
  const holder = newHolder();
  const common = {
    schema: SCHEMA,
    // Every process runs pg-boss's maintenance (expiring jobs that ran too long,
    // archiving) and its cron clock; pg-boss lets one of them act each interval.
    supervise: true,
    schedule: true,
    maintenanceIntervalSeconds: 60,
    // Completed jobs stay visible a day (batch reports read them), then move to the archive.
    archiveCompletedAfterSeconds: 24 * 3600,
    deleteAfterDays: 7,
  };
  const boss =
    kind === "pglite"
      ? new PgBoss({ ...common, db: pgliteAdapter(database.pglite!) })
      : new PgBoss({ ...common, connectionString: process.env.DATABASE_URL, max: Number(process.env.JOB_POOL_SIZE ?? 4), application_name: holder });
  boss.on("error", (error) => console.error(`job queue: ${error.message}`));
  await underSetupLock(() => boss.start());
  const presence = kind === "postgres" ? await openPresence(process.env.DATABASE_URL!, holder) : null;
  return { boss, holder, kind, presence, queues: new Set(), wake: new Set(), stopped: false };
}

/** This process's pg-boss, started on first use (a failed start is tried again on the next call). */
export function runtime(): Promise<QueueRuntime> {
  globalForQueue.__claimscopeQueue ??= createRuntime().catch((error) => {
    globalForQueue.__claimscopeQueue = undefined;
    throw error;
  });
  return globalForQueue.__claimscopeQueue;
}

/** Creates the queue, or updates its retry and expiry policy from `spec`, once per process. */
export async function ensureQueue(rt: QueueRuntime, spec: QueueSpec): Promise<void> {
  if (rt.queues.has(spec.name)) return;
  const options = {
    name: spec.name,
    policy: spec.policy ?? "standard",
    retryLimit: spec.retryLimit,
    retryDelay: spec.retryDelay,
    retryBackoff: spec.retryBackoff ?? false,
    expireInSeconds: spec.expireInSeconds,
  };
  await underSetupLock(async () => {
    if (await rt.boss.getQueue(spec.name)) await rt.boss.updateQueue(spec.name, options);
    else await rt.boss.createQueue(spec.name, options);
  });
  rt.queues.add(spec.name);
}

/** Wakes this process's idle workers (a job was just added). */
export function wakeWorkers(rt: QueueRuntime) {
  for (const wake of rt.wake) wake();
}

/** Stops the queue in this process (before the database is closed). */
export async function stopJobQueue(): Promise<void> {
  const pending = globalForQueue.__claimscopeQueue;
  if (!pending) return;
  globalForQueue.__claimscopeQueue = undefined;
  const rt = await pending.catch(() => null);
  if (!rt) return;
  rt.stopped = true;
  wakeWorkers(rt);
  await rt.boss.stop({ graceful: false, wait: true, close: rt.kind === "postgres" });
  await rt.presence?.end().catch(() => {});
}
