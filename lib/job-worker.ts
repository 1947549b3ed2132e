import "server-only";
import type PgBoss from "pg-boss";
import { database } from "./db";
import { PermanentJobError, type JobOutput, type QueueSpec, type JobHandler, type RunningJob } from "./job-queue";
import { ensureQueue, runtime, SCHEMA, wakeWorkers } from "./job-queue-connection";

/**
 * Running jobs (lib/job-queue.ts adds them): worker loops that take jobs queue
 * by queue, complete or fail them, and put back the jobs of workers that died.
 *
 * A worker killed mid-job (kill -9) loses nothing: every running job has a
 * lease row naming its worker process, and every worker process holds one
 * PostgreSQL session whose `application_name` is that name
 * (lib/job-queue-connection.ts). When a worker looks for work it puts back
 * every job whose holder's session is gone (on PGlite: whose holder is not this
 * process, since only one process may open it). Jobs are idempotent, so one
 * that ran halfway runs again from the start. pg-boss's own expiry
 * (`expireInSeconds` per queue) is the backstop.
 */

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
