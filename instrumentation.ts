// Runs once when a server process starts, before it serves: the embedded
// database is created, migrated and seeded here on first start, and the
// in-app job worker starts (embedded database; see lib/startup.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { ensureDatabaseReady, PublishedPasswordError, startInAppWorker } = await import("./lib/startup");
  try {
    await ensureDatabaseReady(await import("./prisma/seed"));
  } catch (error) {
    // A production start with a password from the README: stop, and say why.
    if (error instanceof PublishedPasswordError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await startInAppWorker();
}
