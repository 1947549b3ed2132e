/**
 * Creates a new migration from the difference between the committed migrations
 * and prisma/schema.prisma, without network access or a native schema engine:
 * the migrations are replayed into an in-memory PGlite and Prisma's own schema
 * engine (compiled to WebAssembly, pinned to the CLI's engine version) diffs that
 * database against the schema.
 *
 *   npm run db:migration -- NAME      write prisma/migrations/<timestamp>_NAME/migration.sql
 *   npm run db:migration -- --check   exit 1 if the schema has changes with no migration
 */
import { readFile, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import * as engineModule from "@prisma/schema-engine-wasm/schema_engine_bg";
import { applyMigrations, MIGRATIONS_DIR } from "../lib/migrate";
import { pgliteExtensions } from "../lib/pglite-extensions";
import { pgliteRunner } from "../lib/sql-runner";

async function loadSchemaEngine() {
  const require = createRequire(import.meta.url);
  const jsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasm = await readFile(jsPath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": engineModule });
  const exports = instance.exports as unknown as { __wbindgen_start: () => void };
  engineModule.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return engineModule.SchemaEngine;
}

/**
 * Prisma models GENERATED columns as `Unsupported(...)` and reads their expression
 * as a default, so every diff proposes `ALTER COLUMN … DROP DEFAULT` on them, which
 * would fail on a generated column. Remove those clauses (and statements left empty).
 */
const GENERATED_NOISE = /^ALTER COLUMN "searchVector" DROP DEFAULT$/;

function withoutGeneratedColumnNoise(sql: string): string {
  return sql
    .split(/\n{2,}/)
    .map((block) => {
      const match = /^(-- AlterTable\n)?(ALTER TABLE "\w+" )([\s\S]*);$/.exec(block.trim());
      if (!match) return block;
      const clauses = match[3].split(/,\n/).map((c) => c.trim()).filter((c) => !GENERATED_NOISE.test(c));
      if (clauses.length === 0) return "";
      return `${match[1] ?? ""}${match[2]}${clauses.join(",\n")};`;
    })
    .filter((block) => block.trim() !== "")
    .join("\n\n");
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const name = args.find((a) => !a.startsWith("--"));
  if (!check && !name) {
    console.error("usage: npm run db:migration -- NAME | --check");
    process.exit(2);
  }
  if (name && !/^[a-z0-9_]+$/.test(name)) {
    console.error("migration name: lower-case letters, digits and _ only");
    process.exit(2);
  }

  const schemaPath = path.join(process.cwd(), "prisma", "schema.prisma");
  const schema = await readFile(schemaPath, "utf8");
  const pg = new PGlite({ extensions: pgliteExtensions });
  await applyMigrations(pgliteRunner(pg));

  const SchemaEngine = await loadSchemaEngine();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pg));
  const files = [{ path: "schema.prisma", content: schema }];
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
  const result = await engine.diff({
    from: { tag: "schemaDatasource", files, configDir: process.cwd() },
    to: { tag: "schemaDatamodel", files },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = withoutGeneratedColumnNoise(result.stdout ?? "").trim();
  const empty = sql === "" || sql === "-- This is an empty migration.";
  await pg.close();

  if (check) {
    if (empty) {
      console.log("migrations are in sync with prisma/schema.prisma");
      return;
    }
    console.error("prisma/schema.prisma has changes with no migration:\n" + sql);
    process.exit(1);
  }
  if (empty) {
    console.log("no changes: nothing to migrate");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql + "\n");
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
