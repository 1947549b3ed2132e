/**
 * npm run worker [-- --concurrency N] [--queues NAME,NAME]
 *
 * Runs the job queue's workers in this process until SIGINT/SIGTERM (which
 * let running jobs finish). With DATABASE_URL, run as many of these as you
 * like, on any machines: each job is taken by one of them, and a worker killed
 * mid-job loses nothing (its job runs again). On the embedded database the app
 * runs its own worker and this command must not run beside it. `--queues`
 * serves only those queues (e.g. `poll-feed`), in the usual order.
 */
function parseConcurrency(argv: string[]): number {
  const i = argv.indexOf("--concurrency");
  if (i === -1) return Number(process.env.WORKER_CONCURRENCY ?? 2) || 2;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new Error("--concurrency takes a whole number from 1 to 32");
  return n;
}

function parseQueues(argv: string[], known: string[]): string[] | null {
  const i = argv.indexOf("--queues");
  if (i === -1) return null;
  const names = (argv[i + 1] ?? "").split(",").map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !known.includes(n));
  if (!names.length || unknown.length) throw new Error(`--queues takes queue names among ${known.join(", ")}${unknown.length ? ` (not: ${unknown.join(", ")})` : ""}`);
  return names;
}

async function main() {
  const concurrency = parseConcurrency(process.argv.slice(2));
  const { ensureDatabaseReady } = await import("../lib/startup");
  const { database } = await import("../lib/db");
  const { startWorker } = await import("../lib/job-worker");
  const { stopJobQueue } = await import("../lib/job-queue-connection");
  const { registerSchedules, workerQueues } = await import("../lib/job-handlers");
  const only = parseQueues(process.argv.slice(2), workerQueues.map((q) => q.spec.name));
  const queues = only ? workerQueues.filter((q) => only.includes(q.spec.name)) : workerQueues;
  await ensureDatabaseReady(await import("../prisma/seed"));
  await registerSchedules();
  const worker = await startWorker({ concurrency, queues });
  console.log(`worker ${process.pid}: ${concurrency} at once on ${database.kind}; queues ${queues.map((q) => q.spec.name).join(", ")}`);
  const stop = async () => {
    console.log(`worker ${process.pid}: stopping after the running jobs`);
    await worker.stop();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await worker.done;
  await stopJobQueue();
  await database.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
