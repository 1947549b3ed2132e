/**
 * Runs before each integration test file, before it imports lib/db: points the
 * app's one database client at a fresh database of the project's kind.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { databaseUrl } from "./postgres";

const kind = process.env.TEST_DB;
if (kind === "postgres") {
  const templateUrl = inject("postgresTemplateUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: databaseUrl(templateUrl, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE claimscope_template`);
  await admin.end();
  process.env.DATABASE_URL = databaseUrl(templateUrl, name);
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
}
