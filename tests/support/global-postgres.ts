import type { TestProject } from "vitest/node";
import pg from "pg";
import { applyMigrations } from "../../lib/migrate";
import { pgPoolRunner } from "../../lib/sql-runner";
import { createDatabase, databaseUrl, startPostgres, type TestPostgres } from "./postgres";
import { seedTemplate } from "./seeded-database";

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplateUrl: string;
  }
}

export const TEMPLATE_DB = "claimscope_template";

/**
 * Starts one PostgreSQL (or uses TEST_POSTGRES_URL) and migrates a template
 * database, `templateDb` (TEMPLATE_DB), that each test file clones, so files never
 * see each other's rows. Two Vitest runs that share one PostgreSQL at the same time
 * (scripts/test.sh runs the HTTP project beside the integration projects) each
 * name their own: dropping or migrating a template that the other run is cloning
 * would fail its clones. Returns the template's URL and how to stop what was started.
 */
export async function preparePostgres(templateDb = TEMPLATE_DB): Promise<{ templateUrl: string; stop: () => Promise<void> }> {
  let server: TestPostgres | null = null;
  let url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    server = await startPostgres();
    url = server.url;
  }
  await createDatabase(url, templateDb, { replace: true });
  const pool = new pg.Pool({ connectionString: databaseUrl(url, templateDb), max: 2 });
  await applyMigrations(pgPoolRunner(pool));
  await pool.end();
  return { templateUrl: databaseUrl(url, templateDb), stop: async () => void (await server?.stop()) };
}

/** The name of the template database a `postgresTemplateUrl` names. */
export function templateName(templateUrl: string): string {
  return decodeURIComponent(new URL(templateUrl).pathname.slice(1));
}

/**
 * The integration-postgres project's global setup: provides `postgresTemplateUrl`,
 * and `postgresSeededTemplate`, a clone of it seeded with the demo corpus
 * (seeded-database.ts).
 */
export default async function setup(project: TestProject) {
  const { templateUrl, stop } = await preparePostgres();
  const seeded = `${TEMPLATE_DB}_seeded`;
  await seedTemplate({ DATABASE_URL: await createDatabase(templateUrl, seeded, { template: TEMPLATE_DB, replace: true }) });
  project.provide("postgresTemplateUrl", templateUrl);
  project.provide("postgresSeededTemplate", seeded);
  return stop;
}
