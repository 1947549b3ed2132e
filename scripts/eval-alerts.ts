/**
 * npm run eval:alerts
 *
 * Alert precision and recall on the labelled feed items of
 * tests/fixtures/alert-eval, on a fresh embedded database with the seed (or
 * DATABASE_URL, which must be a scratch database: the items are stored in it).
 * Prints the figures and every mistake.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const dir = await mkdtemp(path.join(tmpdir(), "claimscope-eval-alerts-"));
if (!process.env.DATABASE_URL) process.env.PGLITE_DATA_DIR = path.join(dir, "db");
const { database, migrateDatabase, prisma } = await import("../lib/db");
const { seedDatabase } = await import("../prisma/seed");
const { runAlertEval } = await import("../tests/support/alert-eval");
try {
  await migrateDatabase();
  await seedDatabase(prisma);
  const r = await runAlertEval();
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`alerts on ${r.items} labelled feed items (tests/fixtures/alert-eval), ${database.kind}:`);
  console.log(`  precision ${pct(r.precision)} (${r.truePositives} of ${r.truePositives + r.falsePositives} alert hits right)`);
  console.log(`  recall    ${pct(r.recall)} (${r.truePositives} of ${r.truePositives + r.falseNegatives} labelled repeats found)`);
  for (const m of r.mistakes) console.log(`  ${m.kind === "missed" ? "missed" : "wrong "} ${m.id} → ${m.claim} (${m.note})`);
} finally {
  await database.close();
  await rm(dir, { recursive: true, force: true });
}
