import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TSX } from "../support/tsx";

/**
 * Exactly one process may open an embedded database directory (issue 9, item 9):
 * the lock is keyed on the directory's real path, and is an OS-level lock
 * (flock) on the directory itself, so a second process naming the same
 * directory another way (a trailing slash, a "./" step, a symbolic link, a
 * relative path) is refused at once with the lock error, and never opens it;
 * and a process killed with -9 leaves nothing that keeps the next one out.
 */
const HOLD = ["--conditions=react-server", "tests/support/hold-database.ts"];
// The same command, runnable from any working directory (for relative paths).
const HOLD_ANYWHERE = ["--tsconfig", path.resolve("tsconfig.json"), "--conditions=react-server", path.resolve("tests/support/hold-database.ts")];

/** Starts a holder on `dir` and resolves once it has opened the database. */
async function holder(dir: string): Promise<ChildProcess> {
  const child = spawn(TSX, HOLD, { env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dir }, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("open")) resolve();
    });
    child.stderr!.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`the holder exited (${code}): ${out}`)));
  });
  return child;
}

async function release(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.stdin!.end();
  await exited;
}

/** A second process on `dir` that opens, queries and closes at once (input ends). */
function tryOpen(dir: string, cwd?: string) {
  if (cwd) return spawnSync(TSX, HOLD_ANYWHERE, { cwd, env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dir }, input: "", encoding: "utf8", timeout: 120_000 });
  return spawnSync(TSX, HOLD, { env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dir }, input: "", encoding: "utf8", timeout: 120_000 });
}

describe.runIf(process.env.TEST_DB === "pglite")("embedded database lock", () => {
  // One process holds the directory for the first two tests (starting one is most of their time).
  describe("while a process holds the directory", () => {
    let base: string;
    let dir: string;
    let first: ChildProcess;
    beforeAll(async () => {
      base = await mkdtemp(path.join(tmpdir(), "claimscope-lock-"));
      dir = path.join(base, "pglite");
      first = await holder(dir);
    }, 300_000);
    afterAll(async () => {
      if (first) await release(first);
      await rm(base, { recursive: true, force: true });
    });

    it("refuses a second process on the same directory however the path is written", async () => {
      await symlink(dir, path.join(base, "link"));
      const spellings: [string, string | undefined][] = [[`${dir}/`, undefined], [`${base}/./pglite`, undefined], [path.join(base, "link"), undefined], ["pglite", base], ["./link/", base]];
      for (const [other, cwd] of spellings) {
        const what = `PGLITE_DATA_DIR=${other}${cwd ? ` in ${cwd}` : ""}`;
        const second = tryOpen(other, cwd);
        expect(second.status, `${what}: ${second.stderr}`).toBe(1);
        expect(second.stdout, `${what} never opened it`).not.toContain("open");
        expect(second.stderr, what).toMatch(/is in use by process \d+/);
      }
    }, 300_000);

    it("a process that only loads the auth module (as next dev's route worker does) opens nothing, and logs no lock error", async () => {
      const loader = spawnSync(TSX, ["--conditions=react-server", "tests/support/load-auth.ts"], { env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dir }, encoding: "utf8", timeout: 120_000 });
      expect(loader.status, loader.stderr).toBe(0);
      expect(loader.stdout).toContain("loaded");
      expect(loader.stderr).not.toMatch(/in use|Unhandled/i);
    }, 300_000);

    it("the lock is on the directory itself: deleting the pid file lets no second process in", async () => {
      await rm(`${dir}.lock`, { force: true });
      const second = tryOpen(dir);
      expect(second.status, second.stderr).toBe(1);
      expect(second.stdout).not.toContain("open");
      expect(second.stderr).toMatch(/is in use by another process/);
    }, 300_000);
  });

  it("after kill -9 the next process opens the directory at once, whatever the stale pid file says", async () => {
    const base = await mkdtemp(path.join(tmpdir(), "claimscope-lock-"));
    const dir = path.join(base, "pglite");
    try {
      const first = await holder(dir);
      const killedPid = Number(readFileSync(`${dir}.lock`, "utf8"));
      expect(killedPid).toBeGreaterThan(0);
      // tsx → node: kill -9 the process that holds the database (its pid is in the lock file).
      process.kill(killedPid, "SIGKILL");
      await new Promise((resolve) => first.once("exit", resolve));
      expect(existsSync(`${dir}.lock`), "kill -9 leaves its pid file behind").toBe(true);
      const started = Date.now();
      const second = tryOpen(`${dir}/`);
      expect(second.status, second.stderr).toBe(0);
      expect(second.stdout).toContain("open");
      // Taken over at once, not after a staleness timeout (the run itself is a tsx start-up).
      expect(Date.now() - started).toBeLessThan(60_000);
      // A pid file naming a live process (pid reuse after the crash) does not keep anyone out
      // either: nobody holds the directory, so the file is stale whatever it says.
      await writeFile(`${dir}.lock`, String(process.pid));
      const third = tryOpen(dir);
      expect(third.status, third.stderr).toBe(0);
      expect(third.stdout).toContain("open");
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  }, 300_000);
});
