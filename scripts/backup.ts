/**
 * npm run backup -- FILE
 *
 * Writes every table of the database (content, accounts, sessions, audit trail)
 * to FILE as JSON Lines; lossless, and byte-identical for the same data (see
 * lib/exports/backup.ts). Uses DATABASE_URL, or the embedded database in
 * PGLITE_DATA_DIR / .data/pglite, which must not be open in a running app
 * (PGlite allows one process per data directory).
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { database } from "@/lib/db";
import { writeBackup } from "@/lib/exports/backup";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run backup -- FILE");
  process.exit(2);
}
const out = createWriteStream(file, { encoding: "utf8" });
try {
  const counts = await writeBackup(database.sql, async (line) => {
    if (!out.write(`${line}\n`)) await once(out, "drain");
  });
  out.end();
  await once(out, "finish");
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`backed up ${total} rows from ${Object.keys(counts).length} tables to ${file}`);
} finally {
  await database.close();
}
