import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hostname } from "node:os";
import PgBoss from "pg-boss";
import pg from "pg";
import { database, type Database } from "./db";

/**
 * The job queue: pg-boss 10 (PostgreSQL-backed; jobs, retries and cron
 * schedules are rows in its `pgboss` schema), on either database.
 *
 * - PostgreSQL: pg-boss's own small pool; any number of worker processes
 *   (`npm run worker`) and app servers share the queue; a job is taken by
 *   exactly one of them (`FOR UPDATE SKIP LOCKED` inside pg-boss).
 * - PGlite: pg-boss talks to the app's in-process instance through its `db`
 *   option (one `executeSql` function), so no socket and no second process is
 *   needed; PGlite's own mutex keeps pg-boss's statements out of Prisma's open
 *   transactions. One worker runs inside the app (lib/startup.ts).
 *
 * A worker killed mid-job (kill -9) loses nothing: every running job has a
 * lease row naming its worker process, and every worker process holds one
 * PostgreSQL session whose `application_name` is that name. When a worker looks
 * for work it puts back every job whose holder's session is gone (on PGlite:
 * whose holder is not this process, since only one process may open it). Jobs
 * are idempotent, so one that ran halfway runs again from the start. pg-boss's
 * own expiry (`expireInSeconds` per queue) is the backstop.
 */

export type JobData = Record<string, unknown>;
export type JobOutput = Record<string, unknown> | void;

export interface QueueSpec {
  name: string;
  policy?: PgBoss.QueuePolicy;
  retryLimit: number;
  /** Seconds before a failed job is tried again (doubled each time with retryBackoff). */
  retryDelay: number;
  retryBackoff?: boolean;
  /** A job running longer than this is failed by pg-boss (and retried if it has tries left). */
  expireInSeconds: number;
}

export interface RunningJob {
  id: string;
  queue: string;
  /** 0 on the first run. */
  retryCount: number;
}

export type JobHandler = (data: unknown, job: RunningJob) => Promise<JobOutput>;

/** Thrown by a handler for input that will never succeed: the job fails without its retries. */
export class PermanentJobError extends Error {}

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

const SCHEMA = "pgboss";

/** A job id (pg-boss ids are UUIDs) derived from `parts`: the same work is the same job, enqueued once. */
export function stableJobId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\0")).digest("hex");
  // RFC 9562 layout: version 8 (custom), variant 10.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface QueueRuntime {
  boss: PgBoss;
  holder: string;
  kind: Database["kind"];
  presence: pg.Client | null;
  queues: Set<string>;
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
function underSetupLock<T>(fn: () => Promise<T>): Promise<T> {
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

function runtime(): Promise<QueueRuntime> {
  globalForQueue.__claimscopeQueue ??= createRuntime().catch((error) => {
    globalForQueue.__claimscopeQueue = undefined;
    throw error;
  });
  return globalForQueue.__claimscopeQueue;
}

async function ensureQueue(rt: QueueRuntime, spec: QueueSpec): Promise<void> {
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

function wakeWorkers(rt: QueueRuntime) {
  for (const wake of rt.wake) wake();
}

export interface SendOptions {
  /** A job with this id already in the queue is not added again (idempotent enqueue). */
  id?: string;
  /** With the `stately` policy: at most one waiting and one running job per key. */
  singletonKey?: string;
  startAfter?: Date;
}

/** Adds one job; returns its id, or null when an identical job (same id or singleton key) is already queued. */
export async function sendJob(spec: QueueSpec, data: JobData, options: SendOptions = {}): Promise<string | null> {
  const rt = await runtime();
  await ensureQueue(rt, spec);
  const id = await rt.boss.send(spec.name, data, { ...options });
  wakeWorkers(rt);
  return id;
}

/** Adds many jobs in one statement; jobs whose id is already in the queue are skipped. */
export async function sendJobs(spec: QueueSpec, jobs: { id?: string; data: JobData; singletonKey?: string }[]): Promise<void> {
  if (!jobs.length) return;
  const rt = await runtime();
  await ensureQueue(rt, spec);
  for (let i = 0; i < jobs.length; i += 1000) {
    await rt.boss.insert(jobs.slice(i, i + 1000).map((j) => ({ name: spec.name, id: j.id, data: j.data, singletonKey: j.singletonKey })));
  }
  wakeWorkers(rt);
}

/** Keeps a cron schedule in the database (pg-boss's `schedule` table); replaces an earlier one for the queue. */
export async function scheduleJob(spec: QueueSpec, cron: string, data: JobData = {}): Promise<void> {
  const rt = await runtime();
  await ensureQueue(rt, spec);
  await underSetupLock(() => rt.boss.schedule(spec.name, cron, data, { tz: "UTC" }));
}

export interface JobRecord {
  id: string;
  state: JobState;
  data: JobData;
  output: Record<string, unknown> | null;
}

/** The jobs with these ids, waiting, running, done or archived (pg-boss v10's `job` and `archive` tables). */
export async function getJobs(spec: QueueSpec, ids: string[]): Promise<JobRecord[]> {
  if (!ids.length) return [];
  const rt = await runtime();
  await ensureQueue(rt, spec);
  return database.sql.query<JobRecord>(
    `SELECT id::text, state::text, data, output FROM ${SCHEMA}.job WHERE name = $1 AND id = ANY($2::uuid[])
     UNION ALL
     SELECT a.id::text, a.state::text, a.data, a.output FROM ${SCHEMA}.archive a
      WHERE a.name = $1 AND a.id = ANY($2::uuid[])
        AND NOT EXISTS (SELECT 1 FROM ${SCHEMA}.job j WHERE j.name = a.name AND j.id = a.id)`,
    [spec.name, ids],
  );
}

/** Puts failed jobs back in the queue (each gets one more try). */
export async function retryJobs(spec: QueueSpec, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const rt = await runtime();
  await ensureQueue(rt, spec);
  await rt.boss.retry(spec.name, ids);
  wakeWorkers(rt);
}

/**
 * Puts back in their queues the jobs whose worker process is gone (its presence
 * session closed: killed, crashed, or its machine lost). Returns how many.
 */
export async function requeueAbandonedJobs(): Promise<number> {
  const rt = await runtime();
  const leases =
    rt.kind === "pglite"
      ? await database.sql.query<{ jobId: string; queue: string }>(`SELECT "jobId", queue FROM "JobLease" WHERE holder <> $1`, [rt.holder])
      : await database.sql.query<{ jobId: string; queue: string }>(
          `SELECT "jobId", queue FROM "JobLease" l
            WHERE holder <> $1
              AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.application_name = l.holder AND a.datname = current_database())`,
          [rt.holder],
        );
  for (const lease of leases) {
    // The lease goes first: should this process die now, the job is only left to pg-boss's expiry.
    const deleted = await database.sql.query(`DELETE FROM "JobLease" WHERE "jobId" = $1 AND holder <> $2 RETURNING 1`, [lease.jobId, rt.holder]);
    if (deleted.length) await rt.boss.fail(lease.queue, lease.jobId, { message: "the worker running it stopped (killed or crashed); tried again" });
  }
  if (leases.length) wakeWorkers(rt);
  return leases.length;
}

function errorOutput(error: unknown) {
  return { message: (error instanceof Error ? error.message : String(error)).slice(0, 2000) };
}

/** One job's result in a batch: its output (completed) or the error it failed with. */
export type BatchJobResult = { output: JobOutput } | { error: unknown };

/**
 * Runs several jobs of one queue at once (in the order given): one result per
 * job, in order. Throwing fails every job of the batch.
 */
export type BatchJobHandler = (jobs: { data: unknown; job: RunningJob }[]) => Promise<BatchJobResult[]>;

export interface WorkerOptions {
  /**
   * Handlers by queue; queues are polled in this order (earlier first). With
   * `batch`, a slot takes up to `batch.size` waiting jobs of the queue at once
   * and gives them to `batch.handler` (leases, completion and failure as for
   * single jobs, in one statement each).
   */
  queues: { spec: QueueSpec; handler: JobHandler; batch?: { size: number; handler: BatchJobHandler } }[];
  /** Jobs run at once by this process. */
  concurrency: number;
  /** Checked when no job is waiting: true stops the worker (a command that drains one batch). */
  until?: () => Promise<boolean>;
  /** Milliseconds between looks when idle (jobs sent by this process wake it at once). */
  idleMs?: number;
}

export interface Worker {
  /** Resolves when every slot has stopped. */
  done: Promise<void>;
  /** Stops taking jobs; resolves when running jobs have finished. */
  stop(): Promise<void>;
}

/**
 * Runs jobs: `concurrency` loops, each taking one job at a time from the first
 * queue that has one. A job's handler resolving completes it (its return value
 * is stored as the output); throwing fails it, and pg-boss retries it after the
 * queue's delay while it has tries left (a PermanentJobError uses none).
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const rt = await runtime();
  for (const q of options.queues) await ensureQueue(rt, q.spec);
  await requeueAbandonedJobs();
  const idleMs = options.idleMs ?? 1000;
  let stopping = false;
  let lastSweep = Date.now();
  const sleepers = new Set<() => void>();
  const wake = () => {
    for (const s of sleepers) s();
  };
  rt.wake.add(wake);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  const takeJob = async () => {
    for (const q of options.queues) {
      const jobs = await rt.boss.fetch<unknown>(q.spec.name, { batchSize: Math.max(1, q.batch?.size ?? 1), includeMetadata: true });
      if (jobs.length) return { q, jobs };
    }
    return null;
  };

  const runBatch = async (q: WorkerOptions["queues"][number], fetched: PgBoss.JobWithMetadata<unknown>[]) => {
    // In the order single fetches take them (pg-boss: priority, then age, then id).
    const jobs = [...fetched].sort((a, b) => b.priority - a.priority || a.createdOn.getTime() - b.createdOn.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const ids = jobs.map((j) => j.id);
    await database.sql.query(
      `INSERT INTO "JobLease" ("jobId", queue, holder) SELECT id, $2, $3 FROM unnest($1::text[]) AS id
       ON CONFLICT ("jobId") DO UPDATE SET queue = EXCLUDED.queue, holder = EXCLUDED.holder, "startedAt" = now()`,
      [ids, q.spec.name, rt.holder],
    );
    try {
      let results: BatchJobResult[];
      try {
        results = await q.batch!.handler(jobs.map((job) => ({ data: job.data, job: { id: job.id, queue: q.spec.name, retryCount: job.retryCount } })));
      } catch (error) {
        results = jobs.map(() => ({ error }));
      }
      const done = jobs.flatMap((job, i) => (results[i] && "output" in results[i] ? [{ id: job.id, output: JSON.stringify(results[i].output ?? {}) }] : []));
      if (done.length) {
        // pg-boss 10's complete(), with each job's own output.
        await database.sql.query(
          `UPDATE ${SCHEMA}.job j SET completed_on = now(), state = 'completed', output = d.output
             FROM (SELECT unnest($2::uuid[]) AS id, unnest($3::jsonb[]) AS output) d
            WHERE j.name = $1 AND j.id = d.id AND j.state = 'active'`,
          [q.spec.name, done.map((d) => d.id), done.map((d) => d.output)],
        );
      }
      for (const [i, job] of jobs.entries()) {
        const result = results[i] ?? { error: new Error("no result") };
        if ("output" in result) continue;
        if (result.error instanceof PermanentJobError) {
          await database.sql.query(`UPDATE ${SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2::uuid`, [q.spec.name, job.id]);
        }
        await rt.boss.fail(q.spec.name, job.id, errorOutput(result.error));
      }
    } finally {
      await database.sql.query(`DELETE FROM "JobLease" WHERE "jobId" = ANY($1::text[]) AND holder = $2`, [ids, rt.holder]);
    }
  };

  const runJob = async (q: WorkerOptions["queues"][number], job: PgBoss.JobWithMetadata<unknown>) => {
    await database.sql.query(
      `INSERT INTO "JobLease" ("jobId", queue, holder) VALUES ($1, $2, $3)
       ON CONFLICT ("jobId") DO UPDATE SET queue = EXCLUDED.queue, holder = EXCLUDED.holder, "startedAt" = now()`,
      [job.id, q.spec.name, rt.holder],
    );
    try {
      const output = await q.handler(job.data, { id: job.id, queue: q.spec.name, retryCount: job.retryCount });
      await rt.boss.complete(q.spec.name, job.id, output ?? {});
    } catch (error) {
      if (error instanceof PermanentJobError) {
        await database.sql.query(`UPDATE ${SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2::uuid`, [q.spec.name, job.id]);
      }
      await rt.boss.fail(q.spec.name, job.id, errorOutput(error));
    } finally {
      await database.sql.query(`DELETE FROM "JobLease" WHERE "jobId" = $1 AND holder = $2`, [job.id, rt.holder]);
    }
  };

  const slot = async () => {
    while (!stopping && !rt.stopped) {
      let taken: Awaited<ReturnType<typeof takeJob>> = null;
      try {
        if (Date.now() - lastSweep > 15_000) {
          lastSweep = Date.now();
          await requeueAbandonedJobs();
        }
        taken = await takeJob();
        if (taken?.q.batch) await runBatch(taken.q, taken.jobs);
        else if (taken) await runJob(taken.q, taken.jobs[0]);
      } catch (error) {
        // The database went away or a statement failed: wait and look again.
        console.error(`job queue: ${(error as Error).message}`);
        await sleep(idleMs);
        continue;
      }
      if (taken) continue;
      if (options.until && (await options.until())) break;
      if (!stopping) await sleep(idleMs);
    }
  };

  const done = Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, slot)).then(() => {
    rt.wake.delete(wake);
  });
  return {
    done,
    async stop() {
      stopping = true;
      wake();
      await done;
    },
  };
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
