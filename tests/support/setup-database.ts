/**
 * Runs before each integration test file, before it imports lib/db: points the
 * app's one database client at a fresh database of the project's kind.
 */
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { templateName } from "./global-postgres";
import { createDatabase } from "./postgres";

const kind = process.env.TEST_DB;
if (kind === "postgres") {
  const templateUrl = inject("postgresTemplateUrl");
  process.env.DATABASE_URL = await createDatabase(templateUrl, `t_${randomBytes(6).toString("hex")}`, { template: templateName(templateUrl) });
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
  process.env.PGLITE_TEMPLATE = inject("pgliteTemplate");
}
