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
