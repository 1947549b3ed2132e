// Runs once when a server process starts, before it serves: the embedded
// database is created, migrated and seeded here on first start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { ensureDatabaseReady } = await import("./lib/startup");
  await ensureDatabaseReady();
}
