/**
 * A production install: the demo seed off, reference data only, the first admin
 * made on the command line, and no start while an account has a README password.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { verifyPassword } from "better-auth/crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalAccount, findAccountsWithPublishedPasswords, setLocalPassword } from "@/lib/accounts";
import { migrateDatabase, prisma } from "@/lib/db";
import { pgliteExtensions } from "@/lib/pglite-extensions";
import { DEMO_ACCOUNTS, PUBLISHED_PASSWORDS } from "@/lib/demo-accounts";
import { ensureDatabaseReady, PublishedPasswordError } from "@/lib/startup";
import { seedDatabase, seedReferenceData, VERDICT_LABELS } from "@/prisma/seed";
import { TSX } from "../support/tsx";

const db = process.env.TEST_DB;

beforeAll(async () => {
  await migrateDatabase();
});

function runUserCommand(args: string[], env: Record<string, string | undefined>, stdin?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ["--conditions=react-server", "scripts/user.ts", ...args], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_OPTIONS: "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.stdin.end(stdin ?? "");
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** Where the command-line tool finds this test's database, and how to read it back. */
interface CliDatabase {
  env: Record<string, string | undefined>;
  passwordOf(email: string): Promise<{ password: string | null; role: string } | null>;
  close(): Promise<void>;
}

async function cliDatabase(): Promise<CliDatabase> {
  const query = "SELECT a.password, u.role FROM account a JOIN \"user\" u ON u.id = a.\"userId\" WHERE u.email = $1 AND a.\"providerId\" = 'credential'";
  if (db === "postgres") {
    // The test's own PostgreSQL database: the tool is a second client of it.
    return {
      env: { DATABASE_URL: process.env.DATABASE_URL },
      async passwordOf(email) {
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        try {
          return (await client.query(query, [email])).rows[0] ?? null;
        } finally {
          await client.end();
        }
      },
      async close() {},
    };
  }
  // PGlite: one process per data directory, so the tool gets a directory of its own.
  const dir = await mkdtemp(path.join(tmpdir(), "claimscope-user-"));
  return {
    env: { DATABASE_URL: undefined, PGLITE_DATA_DIR: path.join(dir, "pglite") },
    async passwordOf(email) {
      const lite = new PGlite({ dataDir: path.join(dir, "pglite"), extensions: pgliteExtensions });
      try {
        return ((await lite.query(query, [email])).rows[0] as { password: string | null; role: string } | undefined) ?? null;
      } finally {
        await lite.close();
      }
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

describe(`production start (${db})`, () => {
  it("loads the verdict labels on a new database and nothing else; a label an admin deleted stays deleted", async () => {
    await seedReferenceData(prisma);
    expect(await prisma.verdictLabel.findMany({ orderBy: { sortOrder: "asc" }, select: { slug: true } })).toEqual(VERDICT_LABELS.map((l) => ({ slug: l.slug })));
    expect(await prisma.user.count()).toBe(0);
    expect(await prisma.article.count()).toBe(0);
    expect(await prisma.claim.count()).toBe(0);
    expect(await prisma.outlet.count()).toBe(0);

    const last = VERDICT_LABELS.at(-1)!;
    await prisma.verdictLabel.delete({ where: { slug: last.slug } });
    await seedReferenceData(prisma);
    expect(await prisma.verdictLabel.count({ where: { slug: last.slug } })).toBe(0);
    expect(await prisma.verdictLabel.count()).toBe(VERDICT_LABELS.length - 1);
  });

  it("refuses to start with the demo seed off while an account has a README password, and starts once none has", async () => {
    // The demo accounts as the demo seed makes them (prisma/seed.ts); its articles play no part here.
    for (const account of DEMO_ACCOUNTS) await createLocalAccount(prisma, account);
    expect(await findAccountsWithPublishedPasswords(prisma)).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());

    const setting = process.env.CLAIMSCOPE_SEED;
    process.env.CLAIMSCOPE_SEED = "0";
    const ready = globalThis as unknown as { __claimscopeReady?: Promise<void> };
    try {
      delete ready.__claimscopeReady;
      const refused = await ensureDatabaseReady({ seedDatabase, seedReferenceData }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(PublishedPasswordError);
      expect((refused as PublishedPasswordError).emails).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
      expect((refused as Error).message).toContain("npm run user:password -- EMAIL");
      for (const password of PUBLISHED_PASSWORDS) expect((refused as Error).message).not.toContain(password);

      // Two of three fixed: still refused, naming the one left.
      await setLocalPassword(prisma, DEMO_ACCOUNTS[0].email, "a private password 1");
      await setLocalPassword(prisma, DEMO_ACCOUNTS[1].email, "a private password 2");
      delete ready.__claimscopeReady;
      const still = await ensureDatabaseReady({ seedDatabase, seedReferenceData }).catch((e: unknown) => e);
      expect((still as PublishedPasswordError).emails).toEqual([DEMO_ACCOUNTS[2].email]);

      await setLocalPassword(prisma, DEMO_ACCOUNTS[2].email, "a private password 3");
      delete ready.__claimscopeReady;
      await expect(ensureDatabaseReady({ seedDatabase, seedReferenceData })).resolves.toBeUndefined();
    } finally {
      process.env.CLAIMSCOPE_SEED = setting;
      delete ready.__claimscopeReady;
    }
  });
});

describe(`npm run user:create / user:password (${db})`, () => {
  let cli: CliDatabase;
  beforeAll(async () => {
    cli = await cliDatabase();
  });
  afterAll(async () => {
    await cli?.close();
  });

  it("creates the first admin with a password from the environment, never printing it", async () => {
    const password = "first admin's own password";
    const made = await runUserCommand(["create", "--admin", "--name", "First Admin", "Boss@Example.org"], { ...cli.env, CLAIMSCOPE_USER_PASSWORD: password });
    expect(made.output).toContain("Created the admin account boss@example.org.");
    expect(made.code).toBe(0);
    expect(made.output).not.toContain(password);
    const row = await cli.passwordOf("boss@example.org");
    expect(row?.role).toBe("admin");
    expect(row?.password).not.toContain(password);
    expect(await verifyPassword({ hash: row!.password!, password })).toBe(true);

    const again = await runUserCommand(["create", "boss@example.org"], { ...cli.env, CLAIMSCOPE_USER_PASSWORD: "another long password" });
    expect(again.code).toBe(1);
    expect(again.output).toContain("An account with the e-mail boss@example.org exists.");
  }, 120_000);

  it("reads the password from standard input, refuses a README password, and sets a new password", async () => {
    const piped = await runUserCommand(["create", "editor@example.org"], { ...cli.env, CLAIMSCOPE_USER_PASSWORD: undefined }, "piped in password\n");
    expect(piped.code).toBe(0);
    expect(piped.output).not.toContain("piped in password");
    expect(await verifyPassword({ hash: (await cli.passwordOf("editor@example.org"))!.password!, password: "piped in password" })).toBe(true);
    expect((await cli.passwordOf("editor@example.org"))!.role).toBe("editor");

    const published = await runUserCommand(["create", "--admin", "other@example.org"], { ...cli.env, CLAIMSCOPE_USER_PASSWORD: PUBLISHED_PASSWORDS[0] });
    expect(published.code).toBe(1);
    expect(published.output).toContain("That password is printed in the README");
    expect(published.output).not.toContain(PUBLISHED_PASSWORDS[0]);
    expect(await cli.passwordOf("other@example.org")).toBeNull();

    const reset = await runUserCommand(["password", "editor@example.org"], { ...cli.env, CLAIMSCOPE_USER_PASSWORD: "a newer password" });
    expect(reset.code).toBe(0);
    expect(await verifyPassword({ hash: (await cli.passwordOf("editor@example.org"))!.password!, password: "a newer password" })).toBe(true);
  }, 240_000);
});
