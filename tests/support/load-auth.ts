/**
 * Loads the auth module (lib/better-auth.ts), as `next dev` loads the auth route in a
 * worker process to list its static paths, then waits a moment for any rejection a module's
 * loading set off, and prints "loaded". It never signs anyone in, so it must open no database.
 * Run with `tsx --conditions=react-server`.
 */
await import("../../lib/better-auth");
await new Promise((resolve) => setTimeout(resolve, 500));
process.stdout.write("loaded\n");
export {};
