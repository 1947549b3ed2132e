import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, killGroup, spawnServer, startAppServer, type AppServer } from "../support/app-server";

/**
 * Issue 9, item 14: a second production server (`server.ts`) started on an
 * embedded database that another server holds must exit non-zero with the lock
 * error before it ever says "ready", so that a supervisor sees the failure. (It
 * used to say "ready" and answer 500: Next opens the database on the first request.)
 */
describe("a second server on a locked embedded database", () => {
  let base: string;
  let first: AppServer;

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), "claimscope-lock-http-"));
    first = await startAppServer({ seed: false, dataDir: path.join(base, "pglite") });
  });
  afterAll(async () => {
    await first?.stop();
    await rm(base, { recursive: true, force: true });
  });

  it("exits 1 with the lock error, never ready, and the first server keeps serving", async () => {
    const port = await freePort();
    // The spelling: the same directory with a trailing slash.
    const { child, output } = spawnServer(port, { DATABASE_URL: undefined, CLAIMSCOPE_SEED: "0", PGLITE_DATA_DIR: `${path.join(base, "pglite")}/` });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 120_000);
      child.once("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    if (code === null) await killGroup(child);
    expect(code, output()).toBe(1);
    expect(output()).toMatch(/The embedded database \S+ is in use by process \d+/);
    expect(output()).not.toMatch(/ready on/i);
    // Nothing listens on the second port.
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    const health = await fetch(`${first.url}/api/health`);
    expect(health.status).toBe(200);
    const claims = (await (await fetch(`${first.url}/api/claims`)).json()) as { data: unknown[] };
    expect(claims.data).toEqual([]);
  }, 200_000);
});
