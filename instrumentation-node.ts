import { ensureDatabaseReady, PublishedPasswordError, startInAppWorker } from "./lib/startup";

/**
 * The server's start on the Node.js runtime: the embedded database is created,
 * migrated and seeded on first start, then the in-app job worker starts
 * (embedded database; see lib/startup.ts). A production start with a password
 * published in the README stops the process with exit code 1 and says why.
 */
export async function startNodeServer(): Promise<void> {
  try {
    await ensureDatabaseReady(await import("./prisma/seed"));
  } catch (error) {
    if (error instanceof PublishedPasswordError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await startInAppWorker();
}
