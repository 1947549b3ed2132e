import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import { pgliteExtensions } from "@/lib/pglite-extensions";
import { VERDICT_LABELS } from "@/prisma/seed";
import { databases, newPostgresDatabase, startAppServer, type AppServer, type DatabaseKind } from "../support/app-server";

/** Reads the stopped server's database directly. */
async function queryDatabase(database: DatabaseKind, where: { dataDir?: string; databaseUrl?: string }, sql: string): Promise<Record<string, unknown>[]> {
  if (database === "postgres") {
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const lite = new PGlite({ dataDir: where.dataDir, extensions: pgliteExtensions });
  try {
    return (await lite.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await lite.close();
  }
}

/**
 * The production server (`server.ts`) with the demo seed off: a new install has
 * the verdict labels and nothing else, nobody can sign in with a README
 * password, and a database that still has such an account is refused at start.
 */
describe.each(databases())("production start, demo seed off (%s)", (database: DatabaseKind) => {
  let dir: string | null = null;
  let where: { dataDir?: string; databaseUrl?: string };

  beforeAll(async () => {
    if (database === "postgres") where = { databaseUrl: await newPostgresDatabase() };
    else {
      dir = await mkdtemp(path.join(tmpdir(), "claimscope-prod-"));
      where = { dataDir: path.join(dir, "pglite") };
    }
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("serves a new install with the verdict labels, no demo content and no demo account", async () => {
    const server: AppServer = await startAppServer({ database, seed: false, ...where });
    try {
      const claims = (await (await fetch(`${server.url}/api/claims`)).json()) as { data: unknown[] };
      expect(claims.data).toEqual([]);
      const articles = (await (await fetch(`${server.url}/api/articles`)).json()) as { data: unknown[] };
      expect(articles.data).toEqual([]);
      for (const account of DEMO_ACCOUNTS) {
        const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: server.url },
          body: JSON.stringify({ email: account.email, password: account.password }),
        });
        expect(res.status, account.email).toBe(401);
      }
    } finally {
      await server.stop();
    }
    const rows = await queryDatabase(database, where, `SELECT (SELECT count(*) FROM "VerdictLabel")::int AS labels, (SELECT count(*) FROM "user")::int AS users, (SELECT count(*) FROM "Outlet")::int AS outlets`);
    expect(rows[0]).toEqual({ labels: VERDICT_LABELS.length, users: 0, outlets: 0 });
  });

  it("refuses to start on a database whose accounts have the README's passwords, naming them", async () => {
    // The same database, once started with the demo seed: it now has the demo accounts.
    const demo = await startAppServer({ database, seed: true, ...where });
    await demo.stop();
    const refused = await startAppServer({ database, seed: false, waitTimeoutMs: 120_000, ...where }).then(
      async (server) => {
        await server.stop();
        return null;
      },
      (error: Error) => error.message,
    );
    expect(refused, "the server must not start").not.toBeNull();
    expect(refused).toContain("server exited with 1");
    expect(refused).toContain("a password printed in the README");
    for (const account of DEMO_ACCOUNTS) {
      expect(refused).toContain(account.email);
      expect(refused).not.toContain(account.password);
    }
  });
});
