import type { TestProject } from "vitest/node";
import pg from "pg";
import { applyMigrations } from "../../lib/migrate";
import { pgPoolRunner } from "../../lib/sql-runner";
import { databaseUrl, startPostgres, type TestPostgres } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplateUrl: string;
  }
}

export const TEMPLATE_DB = "claimscope_template";

/**
 * Starts one PostgreSQL (or uses TEST_POSTGRES_URL) and migrates a template
 * database, TEMPLATE_DB, that each test file clones, so files never see each
 * other's rows. Returns the template's URL and how to stop what was started.
 */
export async function preparePostgres(): Promise<{ templateUrl: string; stop: () => Promise<void> }> {
  let server: TestPostgres | null = null;
  let url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    server = await startPostgres();
    url = server.url;
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: databaseUrl(url, TEMPLATE_DB), max: 2 });
  await applyMigrations(pgPoolRunner(pool));
  await pool.end();
  return { templateUrl: databaseUrl(url, TEMPLATE_DB), stop: async () => void (await server?.stop()) };
}

/** The integration-postgres project's global setup: provides `postgresTemplateUrl`. */
export default async function setup(project: TestProject) {
  const { templateUrl, stop } = await preparePostgres();
  project.provide("postgresTemplateUrl", templateUrl);
  return stop;
}
