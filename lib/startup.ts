import "server-only";
import { database, migrateDatabase } from "./db";

const globalForStartup = globalThis as unknown as { __claimscopeReady?: Promise<void> };

/**
 * Migrates, then seeds, once per process: the app calls it before serving
 * (instrumentation.ts), scripts before their work. CLAIMSCOPE_SEED=0 skips the
 * seed (a production database is not a demo).
 */
export function ensureDatabaseReady(): Promise<void> {
  globalForStartup.__claimscopeReady ??= (async () => {
    await migrateDatabase();
    if (process.env.CLAIMSCOPE_SEED !== "0") {
      const { seedDatabase } = await import("@/prisma/seed");
      await seedDatabase(database.prisma);
    }
  })();
  return globalForStartup.__claimscopeReady;
}

const globalForWorker = globalThis as unknown as { __claimscopeWorker?: Promise<void> };

/**
 * The app's own worker (one job at a time): on by default on the embedded
 * database, where no other process may open it; with PostgreSQL, workers are
 * their own processes (`npm run worker`) unless CLAIMSCOPE_IN_APP_WORKER=1.
 * CLAIMSCOPE_IN_APP_WORKER=0 turns it off everywhere.
 */
export function startInAppWorker(): Promise<void> {
  const setting = process.env.CLAIMSCOPE_IN_APP_WORKER;
  if (setting === "0" || (database.kind === "postgres" && setting !== "1")) return Promise.resolve();
  globalForWorker.__claimscopeWorker ??= (async () => {
    const { startWorker } = await import("./job-queue");
    const { registerSchedules, workerQueues } = await import("./job-handlers");
    await registerSchedules();
    await startWorker({ concurrency: 1, queues: workerQueues });
    console.log(`job worker: in the app, one job at a time (${workerQueues.map((q) => q.spec.name).join(", ")})`);
  })().catch((error) => {
    console.error(`in-app worker did not start: ${error instanceof Error ? error.message : error}`);
  });
  return globalForWorker.__claimscopeWorker;
}
