/**
 * For shell scripts: `tsx tests/support/postgres-cli.ts start` prints
 * `URL DATADIR` of a new server; `... stop DATADIR` stops it and deletes it.
 */
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { startPostgres } from "./postgres";

const [command, dataDir] = process.argv.slice(2);
if (command === "start") {
  const pg = await startPostgres();
  console.log(`${pg.url} ${pg.dataDir}`);
} else if (command === "stop" && dataDir) {
  const asPostgres = process.getuid?.() === 0;
  const args = ["-D", dataDir, "-m", "immediate", "-w", "stop"];
  try {
    execFileSync(asPostgres ? "runuser" : "pg_ctl", asPostgres ? ["-u", "postgres", "--", "pg_ctl", ...args] : args, { stdio: "ignore" });
  } catch {
    // already stopped
  }
  await rm(path.dirname(dataDir), { recursive: true, force: true });
} else {
  console.error("usage: postgres-cli.ts start | stop DATADIR");
  process.exit(2);
}
