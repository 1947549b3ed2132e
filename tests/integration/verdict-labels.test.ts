import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "@/lib/migrate";
import { pgliteExtensions } from "@/lib/pglite-extensions";
import { pgliteRunner, pgPoolRunner, type SqlRunner } from "@/lib/sql-runner";
import { VERDICT_LABELS } from "@/prisma/seed";
import { databaseUrl } from "../support/postgres";

const db = process.env.TEST_DB;
const LABELS_MIGRATION = "20261201025100_verdict_labels_off_scale";

/** An empty database of the test's kind (no migrations applied), and how to drop it. */
async function emptyDatabase(): Promise<{ sql: SqlRunner; close(): Promise<void> }> {
  if (db === "postgres") {
    const server = inject("postgresTemplateUrl");
    const name = `m_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: databaseUrl(server, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const pool = new pg.Pool({ connectionString: databaseUrl(server, name), max: 2 });
    return {
      sql: pgPoolRunner(pool),
      async close() {
        await pool.end();
        await admin.query(`DROP DATABASE ${name}`);
        await admin.end();
      },
    };
  }
  const lite = new PGlite({ extensions: pgliteExtensions });
  return { sql: pgliteRunner(lite), close: () => lite.close() };
}

/** The migrations before `name`, alone in a directory, as a database made before it had them. */
async function migrationsBefore(name: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "claimscope-migrations-"));
  for (const m of await readMigrations()) if (m.name < name) await cp(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

describe(`verdict labels data migration (${db})`, () => {
  it("takes Unverifiable off the truth scale and adds Out of context and Satire on a database seeded before", async () => {
    const { sql, close } = await emptyDatabase();
    const before = await migrationsBefore(LABELS_MIGRATION);
    try {
      await applyMigrations(sql, before.dir);
      // The labels as the seed made them before: Unverifiable at 3, the value of Mixed.
      const old = [
        ["accurate", "Accurate", 5],
        ["mostly-accurate", "Mostly accurate", 4],
        ["mixed", "Mixed", 3],
        ["misleading", "Misleading", 2],
        ["inaccurate", "Inaccurate", 1],
        ["unverifiable", "Unverifiable", 3],
      ] as const;
      for (const [i, [slug, name, value]] of old.entries()) {
        await sql.query(`INSERT INTO "VerdictLabel" (id, slug, name, "ratingValue", "sortOrder") VALUES ($1, $2, $3, $4, $5)`, [`old-${slug}`, slug, name, value, i]);
      }
      // The label is corrected in place (same id), so the ratings that use it follow.
      expect((await applyMigrations(sql)).applied).toContain(LABELS_MIGRATION);
      const labels = await sql.query<{ id: string; slug: string; ratingValue: number | null; sortOrder: number; version: number }>(
        `SELECT id, slug, "ratingValue", "sortOrder", version FROM "VerdictLabel" ORDER BY "sortOrder"`,
      );
      expect(labels.map((l) => [l.slug, l.ratingValue])).toEqual(VERDICT_LABELS.map((l) => [l.slug, l.ratingValue]));
      expect(labels.find((l) => l.slug === "unverifiable")).toMatchObject({ id: "old-unverifiable", version: 2 });
      expect(labels.find((l) => l.slug === "mixed")).toMatchObject({ id: "old-mixed", ratingValue: 3, version: 1 });
      // Applying again changes nothing.
      expect((await applyMigrations(sql)).applied).toEqual([]);
    } finally {
      await before.remove();
      await close();
    }
  });

  it("leaves a new database's labels to the seed", async () => {
    const { sql, close } = await emptyDatabase();
    try {
      await applyMigrations(sql);
      expect(await sql.query(`SELECT slug FROM "VerdictLabel"`)).toEqual([]);
    } finally {
      await close();
    }
  });
});
