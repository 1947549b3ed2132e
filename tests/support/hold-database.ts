/**
 * Opens the embedded database at PGLITE_DATA_DIR (lib/db.ts), runs one query,
 * prints "open" and holds the database until its standard input closes.
 * A second process on a locked directory prints the lock error and exits 1.
 * Run with `tsx --conditions=react-server` (lib/db.ts is server-only).
 */
import { getDatabase } from "../../lib/db";

const db = getDatabase();
await db.prisma.$queryRaw`SELECT 1`;
process.stdout.write("open\n");
process.stdin.resume();
process.stdin.on("end", () => {
  void db.close().then(() => process.exit(0));
});
