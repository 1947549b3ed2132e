import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Exactly one process may open an embedded database directory (issue 9, item 9):
 * the lock is keyed on the directory's real path, so a second process naming the
 * same directory another way (a trailing slash, a "./" step, a symbolic link) is
 * refused at once with the lock error, and never opens it.
 */
const HOLD = ["tsx", "--conditions=react-server", "tests/support/hold-database.ts"];

describe.runIf(process.env.TEST_DB === "pglite")("embedded database lock", () => {
  it("refuses a second process on the same directory however the path is written", async () => {
    const base = await mkdtemp(path.join(tmpdir(), "claimscope-lock-"));
    const dir = path.join(base, "pglite");
    const first = spawn("npx", HOLD, { env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dir }, stdio: ["pipe", "pipe", "pipe"] });
    try {
      let out = "";
      await new Promise<void>((resolve, reject) => {
        first.stdout!.on("data", (d) => {
          out += d;
          if (out.includes("open")) resolve();
        });
        first.stderr!.on("data", (d) => (out += d));
        first.on("exit", (code) => reject(new Error(`the first process exited (${code}): ${out}`)));
      });
      await symlink(dir, path.join(base, "link"));
      for (const other of [`${dir}/`, `${base}/./pglite`, path.join(base, "link")]) {
        const second = spawnSync("npx", HOLD, { env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: other }, input: "", encoding: "utf8", timeout: 120_000 });
        expect(second.status, `PGLITE_DATA_DIR=${other}`).toBe(1);
        expect(second.stdout, `PGLITE_DATA_DIR=${other} never opened it`).not.toContain("open");
        expect(second.stderr, `PGLITE_DATA_DIR=${other}`).toMatch(/is in use by process \d+/);
      }
    } finally {
      first.stdin!.end();
      await new Promise((resolve) => first.once("exit", resolve));
      await rm(base, { recursive: true, force: true });
    }
  }, 300_000);
});
