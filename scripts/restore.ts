/**
 * npm run restore -- FILE
 *
 * Replaces every row of the database with FILE's (made by `npm run backup`), in
 * one transaction: all of it or nothing. Migrates the database first, and
 * refuses a backup made under other migrations. The target is the same as the
 * app's (DATABASE_URL, or PGLITE_DATA_DIR / .data/pglite, not open elsewhere).
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { database, migrateDatabase } from "@/lib/db";
import { BackupError, restoreBackup } from "@/lib/exports/backup";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run restore -- FILE");
  process.exit(2);
}
try {
  await migrateDatabase();
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  const counts = await restoreBackup(database.sql, lines);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`restored ${total} rows into ${Object.keys(counts).length} tables from ${file}`);
} catch (error) {
  if (error instanceof BackupError) {
    console.error(`restore refused: ${error.message} Nothing was changed.`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await database.close();
}
