-- Outlet pages and the /outlets directory at 1M quotes (issue 13): an outlet's framing was the sum
-- of its ClaimOutlet rows whose claim is public, read on every cold render: 30k rows, their verbs
-- and hedges unnested from jsonb, for the largest outlet (about 200 ms), and every outlet's rows for
-- the directory (600k rows, about 200 ms). OutletTotal holds those sums, one row per outlet, kept by
-- a row trigger on ClaimOutlet in the transaction of the write (ClaimOutlet itself is kept by the
-- quotes' and claims' triggers, so every path that changes a quote, an article's outlet or a
-- claim's status reaches it). tests/integration/stored-counts.test.ts compares it with the quotes.

-- CreateTable
CREATE TABLE "OutletTotal" (
    "outletId" TEXT NOT NULL,
    "quotes" INTEGER NOT NULL DEFAULT 0,
    "verbatim" INTEGER NOT NULL DEFAULT 0,
    "trimmed" INTEGER NOT NULL DEFAULT 0,
    "altered" INTEGER NOT NULL DEFAULT 0,
    "notFound" INTEGER NOT NULL DEFAULT 0,
    "inHeadline" INTEGER NOT NULL DEFAULT 0,
    "verbs" JSONB NOT NULL DEFAULT '{}',
    "hedges" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "OutletTotal_pkey" PRIMARY KEY ("outletId")
);

-- AddForeignKey
ALTER TABLE "OutletTotal" ADD CONSTRAINT "OutletTotal_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- `counts` + `plus` - `minus`, each { word: n }; a word whose count falls to 0 or below is dropped.
CREATE FUNCTION claimscope_merge_counts(counts JSONB, plus JSONB, minus JSONB) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(k, n), '{}'::jsonb)
  FROM (
    SELECT k, sum(n)::int AS n
    FROM (
      SELECT e.key AS k, e.value::int AS n FROM jsonb_each_text(counts) e
      UNION ALL
      SELECT e.key, e.value::int FROM jsonb_each_text(plus) e
      UNION ALL
      SELECT e.key, -e.value::int FROM jsonb_each_text(minus) e
    ) x
    GROUP BY k
  ) y
  WHERE n > 0
$$;

-- A claim–outlet row counts towards its outlet's total while its claim is public. The triggers
-- below call this only when the old or the new row is public (their WHEN clauses).
CREATE FUNCTION claimscope_outlet_total() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_counted BOOLEAN := TG_OP IN ('UPDATE', 'DELETE') AND OLD."claimPublic";
  is_counted BOOLEAN := TG_OP IN ('UPDATE', 'INSERT') AND NEW."claimPublic";
BEGIN
  IF was_counted AND is_counted AND OLD."outletId" = NEW."outletId" THEN
    -- The common case, a quote confirmed or edited: one update by the difference, or none.
    IF (OLD."quotes", OLD."verbatim", OLD."trimmed", OLD."altered", OLD."notFound", OLD."inHeadline", OLD."verbs", OLD."hedges")
       IS NOT DISTINCT FROM (NEW."quotes", NEW."verbatim", NEW."trimmed", NEW."altered", NEW."notFound", NEW."inHeadline", NEW."verbs", NEW."hedges") THEN
      RETURN NULL;
    END IF;
    UPDATE "OutletTotal" SET
      "quotes" = "quotes" + NEW."quotes" - OLD."quotes",
      "verbatim" = "verbatim" + NEW."verbatim" - OLD."verbatim",
      "trimmed" = "trimmed" + NEW."trimmed" - OLD."trimmed",
      "altered" = "altered" + NEW."altered" - OLD."altered",
      "notFound" = "notFound" + NEW."notFound" - OLD."notFound",
      "inHeadline" = "inHeadline" + NEW."inHeadline" - OLD."inHeadline",
      "verbs" = claimscope_merge_counts("verbs", NEW."verbs", OLD."verbs"),
      "hedges" = claimscope_merge_counts("hedges", NEW."hedges", OLD."hedges")
    WHERE "outletId" = NEW."outletId";
    RETURN NULL;
  END IF;
  IF was_counted THEN
    UPDATE "OutletTotal" SET
      "quotes" = "quotes" - OLD."quotes",
      "verbatim" = "verbatim" - OLD."verbatim",
      "trimmed" = "trimmed" - OLD."trimmed",
      "altered" = "altered" - OLD."altered",
      "notFound" = "notFound" - OLD."notFound",
      "inHeadline" = "inHeadline" - OLD."inHeadline",
      "verbs" = claimscope_merge_counts("verbs", '{}', OLD."verbs"),
      "hedges" = claimscope_merge_counts("hedges", '{}', OLD."hedges")
    WHERE "outletId" = OLD."outletId";
  END IF;
  IF is_counted THEN
    -- Not for an outlet being deleted in this statement (its row goes with it).
    INSERT INTO "OutletTotal" ("outletId", "quotes", "verbatim", "trimmed", "altered", "notFound", "inHeadline", "verbs", "hedges")
      SELECT NEW."outletId", NEW."quotes", NEW."verbatim", NEW."trimmed", NEW."altered", NEW."notFound", NEW."inHeadline", NEW."verbs", NEW."hedges"
      WHERE EXISTS (SELECT 1 FROM "Outlet" o WHERE o.id = NEW."outletId")
      ON CONFLICT ("outletId") DO UPDATE SET
        "quotes" = "OutletTotal"."quotes" + EXCLUDED."quotes",
        "verbatim" = "OutletTotal"."verbatim" + EXCLUDED."verbatim",
        "trimmed" = "OutletTotal"."trimmed" + EXCLUDED."trimmed",
        "altered" = "OutletTotal"."altered" + EXCLUDED."altered",
        "notFound" = "OutletTotal"."notFound" + EXCLUDED."notFound",
        "inHeadline" = "OutletTotal"."inHeadline" + EXCLUDED."inHeadline",
        "verbs" = claimscope_merge_counts("OutletTotal"."verbs", EXCLUDED."verbs", '{}'),
        "hedges" = claimscope_merge_counts("OutletTotal"."hedges", EXCLUDED."hedges", '{}');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ClaimOutlet_outlet_total_insert" AFTER INSERT ON "ClaimOutlet"
  FOR EACH ROW WHEN (NEW."claimPublic") EXECUTE FUNCTION claimscope_outlet_total();
CREATE TRIGGER "ClaimOutlet_outlet_total_update" AFTER UPDATE ON "ClaimOutlet"
  FOR EACH ROW WHEN (OLD."claimPublic" OR NEW."claimPublic") EXECUTE FUNCTION claimscope_outlet_total();
CREATE TRIGGER "ClaimOutlet_outlet_total_delete" AFTER DELETE ON "ClaimOutlet"
  FOR EACH ROW WHEN (OLD."claimPublic") EXECUTE FUNCTION claimscope_outlet_total();

-- The rows already there, once.
WITH totals AS (
  SELECT "outletId" AS o, sum("quotes")::int AS quotes, sum("verbatim")::int AS verbatim, sum("trimmed")::int AS trimmed,
         sum("altered")::int AS altered, sum("notFound")::int AS not_found, sum("inHeadline")::int AS in_headline
  FROM "ClaimOutlet" WHERE "claimPublic" GROUP BY 1),
verb_counts AS (
  SELECT o, jsonb_object_agg(k, n) AS counts
  FROM (SELECT l."outletId" AS o, e.key AS k, sum(e.value::int)::int AS n
        FROM "ClaimOutlet" l CROSS JOIN LATERAL jsonb_each_text(l."verbs") e WHERE l."claimPublic" GROUP BY 1, 2) x
  WHERE n > 0 GROUP BY o),
hedge_counts AS (
  SELECT o, jsonb_object_agg(k, n) AS counts
  FROM (SELECT l."outletId" AS o, e.key AS k, sum(e.value::int)::int AS n
        FROM "ClaimOutlet" l CROSS JOIN LATERAL jsonb_each_text(l."hedges") e WHERE l."claimPublic" GROUP BY 1, 2) x
  WHERE n > 0 GROUP BY o)
INSERT INTO "OutletTotal" ("outletId", "quotes", "verbatim", "trimmed", "altered", "notFound", "inHeadline", "verbs", "hedges")
SELECT t.o, t.quotes, t.verbatim, t.trimmed, t.altered, t.not_found, t.in_headline, coalesce(v.counts, '{}'), coalesce(h.counts, '{}')
FROM totals t
LEFT JOIN verb_counts v ON v.o = t.o
LEFT JOIN hedge_counts h ON h.o = t.o;
