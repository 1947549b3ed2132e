import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { killGroup, spawnServer, waitForHealth } from "./app-server";
import { preparePostgres } from "./global-postgres";
import { createDatabase, databaseUrl, freePort } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** A stopped embedded database the production server seeded (copy it; never open it). */
    pgliteSeededDir: string;
    /** A PostgreSQL template database the production server seeded. */
    postgresSeededTemplate: string;
  }
}

export const SEEDED_TEMPLATE_DB = "claimscope_seeded";
/** The HTTP project's own migrated template: the integration projects may be cloning theirs at the same time. */
export const HTTP_TEMPLATE_DB = "claimscope_http_template";

/** Runs the production server once on a database with the demo seed on, then stops it. */
async function seedWithServer(env: Record<string, string | undefined>): Promise<void> {
  const port = await freePort();
  const { child, output } = spawnServer(port, { CLAIMSCOPE_SEED: "1", ...env });
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, child, 240_000, output);
  } finally {
    await killGroup(child);
  }
}

/**
 * The http project's global setup. Besides PostgreSQL and its migrated template
 * (global-postgres.ts), it has the production server seed one database of each
 * kind once, so that `startAppServer()` with the seed on copies it instead of
 * seeding anew: on this two-core machine a server is healthy in about 7 s on a
 * copied embedded directory, against 17 s when it migrates and seeds its own.
 * What the seed itself does at start (and that a second run changes nothing) is
 * still what every server does: the copy's server runs the seed, which finds its
 * rows; production-start.test.ts seeds from nothing.
 */
export default async function setup(project: TestProject) {
  const postgres = await preparePostgres(HTTP_TEMPLATE_DB);
  const dir = await mkdtemp(path.join(tmpdir(), "claimscope-seeded-"));
  const pgliteDir = path.join(dir, "pglite");
  const seededTemplateUrl = databaseUrl(postgres.templateUrl, SEEDED_TEMPLATE_DB);
  await createDatabase(postgres.templateUrl, SEEDED_TEMPLATE_DB, { template: HTTP_TEMPLATE_DB, replace: true });
  await Promise.all([
    seedWithServer({ DATABASE_URL: undefined, PGLITE_DATA_DIR: pgliteDir }),
    seedWithServer({ DATABASE_URL: seededTemplateUrl }),
  ]);
  project.provide("postgresTemplateUrl", postgres.templateUrl);
  project.provide("pgliteSeededDir", pgliteDir);
  project.provide("postgresSeededTemplate", SEEDED_TEMPLATE_DB);
  return async () => {
    await rm(dir, { recursive: true, force: true });
    await postgres.stop();
  };
}
