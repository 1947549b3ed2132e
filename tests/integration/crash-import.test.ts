import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TSX } from "../support/tsx";

/**
 * kill -9 in the middle of a bulk import: no half-stored article, and running
 * the same command again finishes the batch with no duplicates. The import runs
 * in a child process, as a person would run it, against this test's database
 * (PostgreSQL) or a data directory of its own (PGlite, which one process owns).
 */
const FILES = 150;

function articleText(n: number): string {
  return [
    `Council approves plan number ${n}`,
    `The city council voted on Tuesday to approve plan ${n}, which its chair said would “change how the district ${n} is run for a decade,” according to minutes released later.`,
    `“We listened to residents for ${n} months,” the chair told reporters. “This is what they asked for.”`,
    `Opponents called plan ${n} “rushed and unfunded” and promised to challenge it.`,
  ].join("\n\n");
}

function runImport(dir: string, env: NodeJS.ProcessEnv) {
  const child = spawn(TSX, ["--conditions=react-server", "scripts/import.ts", dir, "--outlet", "Crash Wire"], {
    cwd: process.cwd(),
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const done = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, done, output: () => ({ stdout, stderr }) };
}

async function queryCounts(env: NodeJS.ProcessEnv) {
  // A short-lived child reads the database, so that PGlite is never opened by two processes at once.
  const child = spawn(TSX, ["--conditions=react-server", "tests/support/import-counts.ts", "Crash Wire"], {
    cwd: process.cwd(),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`count query failed: ${err}`);
  return JSON.parse(out.trim().split("\n").pop()!) as { articles: number; distinctTitles: number; audited: number; withoutQuotes: number };
}

describe(`kill -9 during a bulk import (${process.env.TEST_DB})`, () => {
  it("leaves no half-stored article, and the re-run finishes with no duplicates", { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "claimscope-crash-"));
    try {
      await Promise.all(Array.from({ length: FILES }, (_, n) => writeFile(path.join(dir, `plan-${String(n).padStart(3, "0")}.txt`), articleText(n))));
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "" };
      // On PGlite the command gets a new directory of its own, which needs no demo corpus (reference data only).
      if (!process.env.DATABASE_URL) Object.assign(env, { PGLITE_DATA_DIR: path.join(dir, "db"), CLAIMSCOPE_SEED: "0" });

      const first = runImport(dir, env);
      // Let it get well into the batch, then kill the whole process group without warning.
      const started = Date.now();
      // The bar appears when the workers start; kill shortly after, in the middle of the batch.
      while (Date.now() - started < 120_000 && !/importing \[/.test(first.output().stderr)) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 700));
      expect(first.child.exitCode, "the import finished before it could be killed").toBeNull();
      process.kill(-first.child.pid!, "SIGKILL");
      await first.done;

      const midway = await queryCounts(env);
      expect(midway.articles).toBeLessThan(FILES);
      // Every stored article is whole: its import audit event and its quotes were stored with it.
      expect(midway.audited).toBe(midway.articles);
      expect(midway.withoutQuotes).toBe(0);

      const second = runImport(dir, env);
      expect(await second.done).toBe(0);
      expect(second.output().stdout).toMatch(new RegExp(`batch: ${FILES} done, 0 failed, 0 left`));

      const after = await queryCounts(env);
      expect(after).toEqual({ articles: FILES, distinctTitles: FILES, audited: FILES, withoutQuotes: 0 });
      console.log(`crash safety: killed after ${midway.articles}/${FILES} articles; re-run stored ${FILES - midway.articles} more; 0 duplicates`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
