import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../lib/migrate";
import { pgliteExtensions } from "../../lib/pglite-extensions";
import { pgliteRunner } from "../../lib/sql-runner";
import { seedTemplate } from "./seeded-database";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Migrates one embedded database and dumps its data directory to a file that
 * each integration-pglite test file's in-memory database starts from
 * (PGLITE_TEMPLATE, lib/db.ts): the PostgreSQL project's template database, for
 * PGlite. Starting from the dump takes half the time of initdb and migrations.
 */
export default async function setup(project: TestProject) {
  const pg = new PGlite({ extensions: pgliteExtensions });
  await applyMigrations(pgliteRunner(pg));
  const file = path.join(tmpdir(), `claimscope-pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await (await pg.dumpDataDir("none")).arrayBuffer()));
  await pg.close();
  // The same, seeded with the demo corpus (seeded-database.ts).
  const seeded = path.join(tmpdir(), `claimscope-pglite-seeded-${process.pid}.tar`);
  await seedTemplate({ DATABASE_URL: "", PGLITE_DATA_DIR: "memory://", PGLITE_TEMPLATE: file }, seeded);
  project.provide("pgliteTemplate", file);
  project.provide("pgliteSeededTemplate", seeded);
  return () => {
    rmSync(file, { force: true });
    rmSync(seeded, { force: true });
  };
}
