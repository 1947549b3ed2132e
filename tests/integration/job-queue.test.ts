import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database, migrateDatabase } from "@/lib/db";
import { getJobs, PermanentJobError, scheduleJob, sendJob, sendJobs, type QueueSpec } from "@/lib/job-queue";
import { stopJobQueue } from "@/lib/job-queue-connection";
import { requeueAbandonedJobs, startWorker } from "@/lib/job-worker";

/**
 * The job queue (pg-boss 10) on the app's own database client: on PGlite it
 * runs in-process through pg-boss's `db` option, on PostgreSQL through its pool.
 */
const echo: QueueSpec = { name: "test-echo", retryLimit: 2, retryDelay: 0, expireInSeconds: 60 };
const flaky: QueueSpec = { name: "test-flaky", retryLimit: 2, retryDelay: 0, expireInSeconds: 60 };

beforeAll(async () => {
  await migrateDatabase();
});

afterAll(async () => {
  await stopJobQueue();
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe(`job queue (${process.env.TEST_DB})`, () => {
  it("runs a job and stores its output; the same id sent twice is one job", async () => {
    const id = "6f1c2d3e-4a5b-4c6d-8e7f-001122334455";
    expect(await sendJob(echo, { word: "hello" }, { id })).toBe(id);
    expect(await sendJob(echo, { word: "again" }, { id })).toBeNull();
    const seen: unknown[] = [];
    const worker = await startWorker({
      concurrency: 1,
      idleMs: 100,
      queues: [{ spec: echo, handler: async (data) => (seen.push(data), { upper: String((data as { word: string }).word).toUpperCase() }) }],
    });
    const [job] = await waitFor(() => getJobs(echo, [id]), ([j]) => j?.state === "completed");
    await worker.stop();
    expect(job).toMatchObject({ id, state: "completed", data: { word: "hello" }, output: { upper: "HELLO" } });
    expect(seen).toEqual([{ word: "hello" }]);
  });

  it("retries a job that throws, and fails at once one that can never succeed", async () => {
    const transient = await sendJob(flaky, { kind: "transient" });
    const permanent = await sendJob(flaky, { kind: "permanent" });
    const runs: string[] = [];
    const worker = await startWorker({
      concurrency: 1,
      idleMs: 100,
      queues: [
        {
          spec: flaky,
          handler: async (data, job) => {
            const kind = (data as { kind: string }).kind;
            runs.push(`${kind}#${job.retryCount}`);
            if (kind === "permanent") throw new PermanentJobError("bad input");
            if (job.retryCount === 0) throw new Error("database went away");
            return { ok: true };
          },
        },
      ],
    });
    const jobs = await waitFor(
      () => getJobs(flaky, [transient!, permanent!]),
      (js) => js.every((j) => j.state === "completed" || j.state === "failed"),
    );
    await worker.stop();
    const byKind = Object.fromEntries(jobs.map((j) => [j.data.kind, j]));
    expect(byKind.transient).toMatchObject({ state: "completed", output: { ok: true } });
    expect(byKind.permanent).toMatchObject({ state: "failed", output: { message: "bad input" } });
    expect(runs.filter((r) => r.startsWith("permanent"))).toEqual(["permanent#0"]);
    expect(runs.filter((r) => r.startsWith("transient"))).toEqual(["transient#0", "transient#1"]);
  });

  it("gives each job to exactly one of several workers running at once", async () => {
    const many: QueueSpec = { name: "test-many", retryLimit: 0, retryDelay: 0, expireInSeconds: 60 };
    await sendJobs(many, Array.from({ length: 60 }, (_, n) => ({ data: { n } })));
    const runs: number[] = [];
    const handler = async (data: unknown) => {
      runs.push((data as { n: number }).n);
      await new Promise((r) => setTimeout(r, 5));
    };
    const workers = await Promise.all([1, 2].map(() => startWorker({ concurrency: 3, idleMs: 50, queues: [{ spec: many, handler }] })));
    await waitFor(async () => runs.length, (n) => n >= 60);
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all(workers.map((w) => w.stop()));
    expect(runs.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, n) => n));
  });

  it("keeps cron schedules in the database", async () => {
    const tick: QueueSpec = { name: "test-tick", retryLimit: 0, retryDelay: 0, expireInSeconds: 60 };
    await scheduleJob(tick, "*/5 * * * *", { from: "cron" });
    const rows = await database.sql.query<{ name: string; cron: string; data: unknown }>(`SELECT name, cron, data FROM pgboss.schedule WHERE name = 'test-tick'`);
    expect(rows).toEqual([{ name: "test-tick", cron: "*/5 * * * *", data: { from: "cron" } }]);
  });

  it("puts back a job whose worker died mid-job, and it completes", async () => {
    const lost: QueueSpec = { name: "test-lost", retryLimit: 3, retryDelay: 0, expireInSeconds: 3600 };
    const id = await sendJob(lost, { n: 1 });
    // A worker that took the job and died: the job is active, its lease names a process that no longer exists.
    await database.sql.query(`UPDATE pgboss.job SET state = 'active', started_on = now() WHERE id = $1::uuid`, [id]);
    await database.sql.query(`INSERT INTO "JobLease" ("jobId", queue, holder) VALUES ($1, $2, 'cs:gone:1:000000000000')`, [id, lost.name]);
    expect(await requeueAbandonedJobs()).toBe(1);
    expect((await getJobs(lost, [id!]))[0].state).toBe("retry");
    const worker = await startWorker({ concurrency: 1, idleMs: 100, queues: [{ spec: lost, handler: async () => ({ recovered: true }) }] });
    const [job] = await waitFor(() => getJobs(lost, [id!]), ([j]) => j.state === "completed");
    await worker.stop();
    expect(job).toMatchObject({ state: "completed", output: { recovered: true } });
    expect(await database.sql.query(`SELECT 1 FROM "JobLease"`)).toEqual([]);
  });
});
