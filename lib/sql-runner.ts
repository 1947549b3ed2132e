import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";

/**
 * The few raw-SQL needs outside Prisma (migrations, advisory locks, the import
 * queue's SKIP LOCKED claim) behind one small interface, so that the same code
 * runs on the embedded PGlite and on a PostgreSQL server.
 */
export interface SqlRunner {
  /** Runs one or more statements without parameters (simple protocol). */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` with a runner bound to one connection inside BEGIN/COMMIT. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Runs `fn` while holding a session-level advisory lock (no-op on PGlite: one process). */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
}

export function pgliteRunner(pg: PGlite): SqlRunner {
  const runner: SqlRunner = {
    async exec(sql) {
      await pg.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const res = await pg.query<T>(sql, params);
      return res.rows;
    },
    transaction(fn) {
      return pg.transaction((tx) =>
        fn({
          async exec(sql) {
            await tx.exec(sql);
          },
          async query<T>(sql: string, params: unknown[] = []) {
            return (await tx.query<T>(sql, params)).rows;
          },
          transaction: () => Promise.reject(new Error("nested transactions are not supported")),
          withLock: (_key, inner) => inner(),
        }),
      );
    },
    withLock: (_key, fn) => fn(),
  };
  return runner;
}

export function pgPoolRunner(pool: Pool): SqlRunner {
  return {
    async exec(sql) {
      await pool.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          async exec(sql) {
            await client.query(sql);
          },
          async query<T>(sql: string, params: unknown[] = []) {
            return (await client.query(sql, params)).rows as T[];
          },
          transaction: () => Promise.reject(new Error("nested transactions are not supported")),
          withLock: (_key, inner) => inner(),
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async withLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [key]);
        try {
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [key]);
        }
      } finally {
        client.release();
      }
    },
  };
}
