import "server-only";
import { database, migrateDatabase, type PrismaClient } from "./db";

const globalForStartup = globalThis as unknown as { __claimscopeReady?: Promise<void> };

/**
 * The demo seed is on unless CLAIMSCOPE_SEED=0. "Production" means the demo seed
 * is off — not NODE_ENV: the e2e suite runs the production build with the demo seed.
 */
export function demoSeedEnabled(): boolean {
  return process.env.CLAIMSCOPE_SEED !== "0";
}

/** Why a production start refuses to run; the message names the accounts and the fix. */
export class PublishedPasswordError extends Error {
  constructor(readonly emails: string[]) {
    super(
      `Claimscope will not start: the demo seed is off (CLAIMSCOPE_SEED=0), but ${emails.length === 1 ? "this account has" : "these accounts have"} a password printed in the README: ${emails.join(", ")}. ` +
        "Give each a new password with `npm run user:password -- EMAIL`, then start again.",
    );
    this.name = "PublishedPasswordError";
  }
}

export interface Seeds {
  /** The reference data and the demo corpus and accounts. */
  seedDatabase(prisma: PrismaClient): Promise<unknown>;
  /** The reference data every install needs (verdict labels). */
  seedReferenceData(prisma: PrismaClient): Promise<unknown>;
}

/**
 * Migrates, then seeds, once per process: the app calls it before serving
 * (instrumentation.ts), the worker and the commands before their work. The seeds
 * are prisma/seed.ts's, passed in by the caller (lib/ never imports prisma/). Every
 * install gets the reference data (verdict labels); the demo seed adds the demo
 * corpus and accounts. With the demo seed off, it refuses to go on while any
 * account still has a password printed in the README.
 * @throws PublishedPasswordError (demo seed off, a published password in use).
 */
export function ensureDatabaseReady(seeds: Seeds): Promise<void> {
  globalForStartup.__claimscopeReady ??= (async () => {
    await migrateDatabase();
    if (demoSeedEnabled()) {
      await seeds.seedDatabase(database.prisma);
      return;
    }
    await seeds.seedReferenceData(database.prisma);
    const { findAccountsWithPublishedPasswords } = await import("./accounts");
    const exposed = await findAccountsWithPublishedPasswords(database.prisma);
    if (exposed.length) throw new PublishedPasswordError(exposed);
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
    const { startWorker } = await import("./job-worker");
    const { registerSchedules, workerQueues } = await import("./job-handlers");
    await registerSchedules();
    await startWorker({ concurrency: 1, queues: workerQueues });
    console.log(`job worker: in the app, one job at a time (${workerQueues.map((q) => q.spec.name).join(", ")})`);
  })().catch((error) => {
    console.error(`in-app worker did not start: ${error instanceof Error ? error.message : error}`);
  });
  return globalForWorker.__claimscopeWorker;
}

/** Resolves once the database answers a query (the health check). */
export async function pingDatabase(): Promise<void> {
  await database.prisma.$queryRaw`SELECT 1`;
}
