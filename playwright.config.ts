import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests drive Debian's Chromium (no browser download) against the
 * production build, started on its own fresh database: embedded PGlite by
 * default, PostgreSQL when DATABASE_URL is set.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const dataDir = process.env.E2E_PGLITE_DIR ?? `.data/e2e-${Date.now()}`;
/**
 * Debian's old headless shell (`chromium-headless-shell`) where installed: the headless
 * build Playwright itself runs by default, and on a run of two specs 15% less CPU than
 * full Chromium in its new headless mode; else Debian's `chromium`.
 */
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const chromium = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

export default defineConfig({
  testDir: "tests/e2e",
  // scripts/test.sh runs the two databases' runs at once, each with its own output directory.
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    // A trace is kept on a developer's machine to open after a failure. CI's files are not kept
    // after the run, so CI records none: tracing was another 20% of the browser tests' CPU.
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      // Without the background-networking flags Chromium keeps dialling hosts this
      // machine cannot reach; --no-sandbox because CI runs as root.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "npx tsx server.ts",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      BETTER_AUTH_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      // The import-by-URL test serves its article page from 127.0.0.1; every other local address stays refused.
      CLAIMSCOPE_FETCH_ALLOW: "127.0.0.1",
      // Requests from this machine may name a client address in X-Forwarded-For, as a proxy in
      // front of the app would: security-admin.spec.ts guesses from an address of its own.
      TRUSTED_PROXIES: "loopback",
      // On PostgreSQL the job worker is its own process in production (`npm run worker`); here the
      // app runs it in-process, as it does on the embedded database, so feed polls and imports run.
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL, CLAIMSCOPE_IN_APP_WORKER: "1" } : { PGLITE_DATA_DIR: dataDir }),
    },
  },
});
