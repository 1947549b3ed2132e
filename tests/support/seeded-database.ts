import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { inject } from "vitest";
import { createDatabase } from "./postgres";
import { TSX } from "./tsx";

declare module "vitest" {
  export interface ProvidedContext {
    /** A file holding an embedded data directory, migrated and seeded with the demo corpus. */
    pgliteSeededTemplate: string;
    /** A PostgreSQL database, migrated and seeded with the demo corpus, to clone. */
    postgresSeededTemplate: string;
  }
}

/**
 * Runs tests/support/seed-template.ts as its own process on the database `env`
 * names (a global setup's, before any test file runs). Throws with the
 * process's output when it fails.
 */
export async function seedTemplate(env: Record<string, string | undefined>, dumpTo?: string): Promise<void> {
  await promisify(execFile)(TSX, ["--conditions=react-server", "tests/support/seed-template.ts", ...(dumpTo ? [dumpTo] : [])], {
    env: { ...process.env, NODE_OPTIONS: "", ...env },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`seeding the template failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  });
}

/**
 * Points this test file's database at a fresh copy of one seeded with the demo
 * corpus (prisma/seed.ts) once per run by the project's global setup, instead of
 * seeding its own: on two cores the seed takes 4–10 s, and ten files on each
 * database need it. Call it first in `beforeAll`, before anything opens the
 * database; it throws if something already has. What the seed itself does, and
 * that a second run changes nothing, is foundation.test.ts's subject; it seeds anew.
 */
export async function useSeededDatabase(): Promise<void> {
  if ((globalThis as { __claimscopeDb?: unknown }).__claimscopeDb) throw new Error("useSeededDatabase() must run before the database is first used");
  if (process.env.TEST_DB === "postgres") {
    const templateUrl = inject("postgresTemplateUrl");
    process.env.DATABASE_URL = await createDatabase(templateUrl, `s_${randomBytes(6).toString("hex")}`, { template: inject("postgresSeededTemplate") });
  } else {
    process.env.PGLITE_TEMPLATE = inject("pgliteSeededTemplate");
  }
}
