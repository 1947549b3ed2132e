import "server-only";
import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import { database } from "./db";
import { ensureQueue, runtime, SCHEMA, underSetupLock, wakeWorkers } from "./job-queue-connection";

/**
 * The job queue: what a queue and a job are, and adding, scheduling, reading and
 * retrying jobs. pg-boss 10 (PostgreSQL-backed), on either database; how it
 * runs in this process is lib/job-queue-connection.ts, how jobs are run (and
 * what happens when a worker is killed mid-job) is lib/job-worker.ts.
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

/** A job id (pg-boss ids are UUIDs) derived from `parts`: the same work is the same job, enqueued once. */
export function stableJobId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\0")).digest("hex");
  // RFC 9562 layout: version 8 (custom), variant 10.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
