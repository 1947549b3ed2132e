import path from "node:path";
import { defineConfig } from "vitest/config";

const integration = (name: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `integration-${name}`,
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    env: { TEST_DB: name, DATABASE_QUERY_EVENTS: "1" },
    setupFiles: ["tests/support/setup-database.ts"],
    globalSetup: name === "postgres" ? ["tests/support/global-postgres.ts"] : ["tests/support/global-pglite.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "tests/fixtures/**/*.test.ts", "tests/unit/**/*.test.ts"], environment: "node" } },
      integration("pglite"),
      integration("postgres"),
      {
        // Real HTTP against the production server (server.ts): needs `next build` first.
        extends: true,
        test: {
          name: "http",
          include: ["tests/http/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-http.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
