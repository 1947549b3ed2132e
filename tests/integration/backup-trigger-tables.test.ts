import { beforeAll, describe, expect, it } from "vitest";
import { database, migrateDatabase, prisma } from "@/lib/db";
import { backupToString, restoreBackup, triggerKeptTables } from "@/lib/exports/backup";
import { createArticle, createClaim, createOutlet, createQuote, createSpeaker } from "../support/factories";

/**
 * A restore leaves the tables that triggers keep to those triggers
 * (lib/exports/backup.ts). Which tables those are is read from the database,
 * so a table a later migration has a trigger keep is left to it too, without
 * anyone remembering to list it.
 */
beforeAll(async () => {
  await migrateDatabase();
  const speaker = await createSpeaker();
  const outlet = await createOutlet();
  const article = await createArticle({ outletId: outlet.id });
  const claim = await createClaim({ status: "published", speakerId: speaker.id });
  await createQuote(article.id, "militants operate freely here", { claimId: claim.id, speakerId: speaker.id });
});

describe(`tables kept by triggers (${process.env.TEST_DB})`, () => {
  it("are read from the triggers' functions: the stored reader counts, the outlets' and the published claims' totals and the search word list", async () => {
    expect([...(await triggerKeptTables(database.sql))].sort()).toEqual(["ClaimOutlet", "OutletTotal", "PublicClaimTotal", "SearchWord", "SpeakerCount"]);
  });

  it("include a table a new trigger keeps, through a function it calls, and a restore leaves it to that trigger", async () => {
    // What a later migration might add: a per-outlet article count, kept by a
    // trigger whose function calls another (quoted and unquoted names, as SQL allows).
    await database.sql.exec(`
      CREATE TABLE "OutletArticles" ("outletId" TEXT PRIMARY KEY REFERENCES "Outlet"(id) ON DELETE CASCADE, articles INTEGER NOT NULL);
      CREATE TABLE probe_outlets_seen (id TEXT PRIMARY KEY);
      CREATE FUNCTION probe_count_article(outlet TEXT) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "OutletArticles" ("outletId", articles) VALUES (outlet, 1)
          ON CONFLICT ("outletId") DO UPDATE SET articles = "OutletArticles".articles + 1;
        insert into public.probe_outlets_seen (id) values (outlet) on conflict do nothing;
      END $$;
      CREATE FUNCTION probe_article_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM probe_count_article(NEW."outletId");
        RETURN NULL;
      END $$;
      CREATE TRIGGER "Article_probe_counts" AFTER INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION probe_article_counts();
      INSERT INTO "OutletArticles" SELECT "outletId", count(*)::int FROM "Article" GROUP BY "outletId";
      INSERT INTO probe_outlets_seen SELECT DISTINCT "outletId" FROM "Article";
      -- Run by no trigger: the table it names is the backup's to restore.
      CREATE FUNCTION probe_unused() RETURNS void LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "Quote" (id) VALUES ('x'); END $$;
    `);
    await createArticle({ outletId: (await prisma.outlet.findFirstOrThrow()).id });

    expect([...(await triggerKeptTables(database.sql))].sort()).toEqual(["ClaimOutlet", "OutletArticles", "OutletTotal", "PublicClaimTotal", "SearchWord", "SpeakerCount", "probe_outlets_seen"]);

    const first = await backupToString(database.sql);
    expect(first).toContain('"table":"OutletArticles"');
    await restoreBackup(database.sql, first.split("\n"));
    expect(await backupToString(database.sql)).toBe(first);
    expect(await database.sql.query(`SELECT articles FROM "OutletArticles"`)).toEqual([{ articles: 2 }]);
  });
});
