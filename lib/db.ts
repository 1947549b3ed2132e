import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Pool } from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { applyMigrations } from "./migrate";
import { pgliteExtensions } from "./pglite-extensions";
import { pgliteRunner, pgPoolRunner, type SqlRunner } from "./sql-runner";

/**
 * The one database client.
 *
 * - DATABASE_URL set: PostgreSQL through `pg` (any number of app processes).
 * - DATABASE_URL unset: embedded PGlite in `.data/pglite` (or PGLITE_DATA_DIR;
 *   `memory://` for throw-away databases). PGlite has no cross-process lock, so
 *   exactly one process may open a data directory: the instance lives on
 *   globalThis so that Next's module reloading never opens a second one.
 */
export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

function createDatabase(): Database {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      kind: "postgres",
      prisma,
      sql: pgPoolRunner(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const dataDir = process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite");
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(path.dirname(dataDir), { recursive: true });
  const pg = new PGlite({ dataDir: inMemory ? undefined : dataDir, extensions: pgliteExtensions });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pg) });
  return {
    kind: "pglite",
    prisma,
    sql: pgliteRunner(pg),
    async close() {
      await prisma.$disconnect();
      await pg.close();
    },
  };
}

const globalForDb = globalThis as unknown as { __claimscopeDb?: Database };

export const database: Database = (globalForDb.__claimscopeDb ??= createDatabase());
export const prisma = database.prisma;

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Applies pending migrations (idempotent; serialised by an advisory lock on PostgreSQL). */
export function migrateDatabase() {
  return applyMigrations(database.sql);
}
