/**
 * npm run reanalyze
 *
 * Runs the analysis again over every stored article (the embedded database, or
 * PostgreSQL with DATABASE_URL) and regroups the suggestions across the corpus
 * (lib/reanalysis.ts). Editor decisions are never touched. Prints what changed.
 */
export {};

async function main() {
  if (process.argv.slice(2).some((a) => a !== "--quiet")) {
    process.stderr.write("usage: npm run reanalyze [-- --quiet]\n");
    process.exit(2);
  }
  const quiet = process.argv.includes("--quiet");
  const { ensureDatabaseReady } = await import("../lib/startup");
  const { database, prisma } = await import("../lib/db");
  const { reanalyzeStoredArticles } = await import("../lib/reanalysis");
  await ensureDatabaseReady(await import("../prisma/seed"));
  const t0 = performance.now();
  try {
    const r = await reanalyzeStoredArticles(prisma, {
      actorId: null,
      onArticle: (n) => {
        if (!quiet && n % 100 === 0) process.stderr.write(`re-analysed ${n} articles\n`);
      },
    });
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(
      [
        `re-analysed ${r.articles} articles in ${secs} s`,
        `quotes: ${r.quotes.relinked} re-linked to another claim, ${r.quotes.speakersChanged} changed speaker, ${r.quotes.added} added, ${r.quotes.removed} removed, ${r.quotes.kept} kept (editor decisions)`,
        `claims: ${r.claims.created} created, ${r.claims.removed} removed (analysis drafts left empty), ${r.claims.emptied} emptied but kept (an editor's)`,
      ].join("\n") + "\n",
    );
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  process.stderr.write(`reanalyze: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
