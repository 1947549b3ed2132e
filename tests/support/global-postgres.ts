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
 * Starts one PostgreSQL for the integration-postgres project (or uses
 * TEST_POSTGRES_URL) and migrates a template database that each test file
 * clones, so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
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
  project.provide("postgresTemplateUrl", databaseUrl(url, TEMPLATE_DB));
  return async () => {
    await server?.stop();
  };
}
