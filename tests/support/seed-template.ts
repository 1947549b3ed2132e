/**
 * Seeds the database lib/db.ts opens with the demo corpus (prisma/seed.ts), for
 * the integration projects' seeded templates (tests/support/seeded-database.ts).
 * With a file argument, the embedded database's data directory is dumped to it
 * (PGlite's `dumpDataDir`). Run by the global setups as its own process, with
 * `tsx --conditions=react-server` (lib/db.ts is server-only):
 *   DATABASE_URL=… tsx … tests/support/seed-template.ts
 *   PGLITE_DATA_DIR=memory:// PGLITE_TEMPLATE=migrated.tar tsx … tests/support/seed-template.ts seeded.tar
 */
import { writeFileSync } from "node:fs";
import { getDatabase, migrateDatabase } from "../../lib/db";
import { seedDatabase } from "../../prisma/seed";

const out = process.argv[2];
const db = getDatabase();
await migrateDatabase();
await seedDatabase(db.prisma);
if (out) writeFileSync(out, Buffer.from(await (await db.pglite!.dumpDataDir("none")).arrayBuffer()));
await db.close();
