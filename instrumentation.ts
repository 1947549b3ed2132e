// Runs once when a server process starts, before it serves. The Node.js work
// (database creation, migrations, seed, the in-app job worker) lives in
// instrumentation-node.ts and is imported only on the Node.js runtime, as Next's
// instrumentation guide recommends, so the Edge compile never sees Node APIs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startNodeServer } = await import("./instrumentation-node");
  await startNodeServer();
}
