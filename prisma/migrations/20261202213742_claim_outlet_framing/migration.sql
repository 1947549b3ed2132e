-- Outlet pages and the largest claims' pages at 1M quotes (issue 13): an outlet's framing (its
-- quotes by fidelity, in headlines, its attribution verbs and hedges) was counted over every public
-- quote the outlet carries, joined to articles and claims: 0.6–1.7 s per query cold for the largest
-- outlets. A claim page's coverage by outlet did the same over the claim's quotes (1.3 s for a claim
-- with 22k quotes). Each claim–outlet row (ClaimOutlet, kept by triggers since migration
-- stored_reader_counts) now also holds its quotes' fidelity counts, headline count, and verbs and
-- hedges as { lower-cased word: count }. An outlet's framing is the sum of its rows whose claim is
-- public (ClaimOutlet."claimPublic"), the claim page's coverage is the claim's rows: no quote is
-- read. tests/integration/stored-counts.test.ts compares them with the counts from the quotes after
-- writes of every kind.

-- AlterTable
ALTER TABLE "ClaimOutlet" ADD COLUMN     "altered" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "hedges" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "inHeadline" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "notFound" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trimmed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "verbatim" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "verbs" JSONB NOT NULL DEFAULT '{}';

-- `counts` ({ word: n }) with each of `words` (lower-cased; NULLs skipped) counted `delta` more
-- times; a word whose count falls to 0 is dropped.
CREATE FUNCTION claimscope_tally(counts JSONB, words TEXT[], delta INTEGER) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(k, n), '{}'::jsonb)
  FROM (
    SELECT k, sum(n)::int AS n
    FROM (
      SELECT e.key AS k, e.value::int AS n FROM jsonb_each_text(counts) e
      UNION ALL
      SELECT lower(w), delta FROM unnest(words) AS w WHERE w IS NOT NULL
    ) x
    GROUP BY k
  ) y
  WHERE n > 0
$$;

-- One claim's rows from its public quotes (when a quote's article is gone or moved).
CREATE OR REPLACE FUNCTION claimscope_recount_claim_outlets(claim TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ClaimOutlet" WHERE "claimId" = claim;
  INSERT INTO "ClaimOutlet" ("claimId", "outletId", "quotes", "verbatim", "trimmed", "altered", "notFound", "inHeadline", "verbs", "hedges")
    SELECT q."claimId", a."outletId", count(*)::int,
           count(*) FILTER (WHERE q.fidelity = 'verbatim')::int,
           count(*) FILTER (WHERE q.fidelity = 'trimmed')::int,
           count(*) FILTER (WHERE q.fidelity = 'altered')::int,
           count(*) FILTER (WHERE q.fidelity = 'not_found')::int,
           count(*) FILTER (WHERE q."inHeadline")::int,
           claimscope_tally('{}', array_agg(q.verb), 1),
           -- Hedges are arrays, which array_agg does not flatten: the outlet's hedges apart.
           claimscope_tally('{}', (
             SELECT array_agg(h) FROM "Quote" q2 JOIN "Article" a2 ON a2.id = q2."articleId" CROSS JOIN LATERAL unnest(q2.hedges) AS h
             WHERE q2."claimId" = claim AND q2."reviewStatus" = 'confirmed' AND a2."outletId" = a."outletId"), 1)
    FROM "Quote" q JOIN "Article" a ON a.id = q."articleId"
    WHERE q."claimId" = claim AND q."reviewStatus" = 'confirmed'
    GROUP BY q."claimId", a."outletId";
END $$;

CREATE OR REPLACE FUNCTION claimscope_quote_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  outlet TEXT;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."reviewStatus" = 'confirmed' THEN
    IF OLD."claimId" IS NOT NULL THEN
      SELECT "outletId" INTO outlet FROM "Article" WHERE id = OLD."articleId";
      IF outlet IS NULL THEN
        -- The article is being deleted (its quotes cascade): recount the claim.
        PERFORM claimscope_recount_claim_outlets(OLD."claimId");
      ELSE
        UPDATE "ClaimOutlet" SET
          "quotes" = "quotes" - 1,
          "verbatim" = "verbatim" - (OLD.fidelity IS NOT DISTINCT FROM 'verbatim')::int,
          "trimmed" = "trimmed" - (OLD.fidelity IS NOT DISTINCT FROM 'trimmed')::int,
          "altered" = "altered" - (OLD.fidelity IS NOT DISTINCT FROM 'altered')::int,
          "notFound" = "notFound" - (OLD.fidelity IS NOT DISTINCT FROM 'not_found')::int,
          "inHeadline" = "inHeadline" - OLD."inHeadline"::int,
          "verbs" = claimscope_tally("verbs", ARRAY[OLD.verb], -1),
          "hedges" = claimscope_tally("hedges", OLD.hedges, -1)
        WHERE "claimId" = OLD."claimId" AND "outletId" = outlet;
        DELETE FROM "ClaimOutlet" WHERE "claimId" = OLD."claimId" AND "outletId" = outlet AND "quotes" <= 0;
      END IF;
    END IF;
    IF OLD."speakerId" IS NOT NULL THEN
      UPDATE "SpeakerCount" SET "quotes" = "quotes" - 1 WHERE "speakerId" = OLD."speakerId";
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."reviewStatus" = 'confirmed' THEN
    IF NEW."claimId" IS NOT NULL THEN
      INSERT INTO "ClaimOutlet" ("claimId", "outletId", "quotes", "verbatim", "trimmed", "altered", "notFound", "inHeadline", "verbs", "hedges")
        SELECT NEW."claimId", a."outletId", 1,
               (NEW.fidelity IS NOT DISTINCT FROM 'verbatim')::int,
               (NEW.fidelity IS NOT DISTINCT FROM 'trimmed')::int,
               (NEW.fidelity IS NOT DISTINCT FROM 'altered')::int,
               (NEW.fidelity IS NOT DISTINCT FROM 'not_found')::int,
               NEW."inHeadline"::int,
               claimscope_tally('{}', ARRAY[NEW.verb], 1),
               claimscope_tally('{}', NEW.hedges, 1)
        FROM "Article" a WHERE a.id = NEW."articleId"
        ON CONFLICT ("claimId", "outletId") DO UPDATE SET
          "quotes" = "ClaimOutlet"."quotes" + 1,
          "verbatim" = "ClaimOutlet"."verbatim" + EXCLUDED."verbatim",
          "trimmed" = "ClaimOutlet"."trimmed" + EXCLUDED."trimmed",
          "altered" = "ClaimOutlet"."altered" + EXCLUDED."altered",
          "notFound" = "ClaimOutlet"."notFound" + EXCLUDED."notFound",
          "inHeadline" = "ClaimOutlet"."inHeadline" + EXCLUDED."inHeadline",
          "verbs" = claimscope_tally("ClaimOutlet"."verbs", ARRAY[NEW.verb], 1),
          "hedges" = claimscope_tally("ClaimOutlet"."hedges", NEW.hedges, 1);
    END IF;
    IF NEW."speakerId" IS NOT NULL THEN
      INSERT INTO "SpeakerCount" ("speakerId", "quotes") VALUES (NEW."speakerId", 1)
        ON CONFLICT ("speakerId") DO UPDATE SET "quotes" = "SpeakerCount"."quotes" + 1;
    END IF;
  END IF;
  RETURN NULL;
END $$;

-- The trigger now follows the columns the rows count, too.
DROP TRIGGER "Quote_counts" ON "Quote";
CREATE TRIGGER "Quote_counts" AFTER INSERT OR DELETE OR UPDATE OF "reviewStatus", "claimId", "articleId", "speakerId", fidelity, "inHeadline", verb, hedges ON "Quote"
  FOR EACH ROW EXECUTE FUNCTION claimscope_quote_counts();

-- The rows already there, once.
WITH q AS (
  SELECT q."claimId" AS c, a."outletId" AS o, q.fidelity, q."inHeadline", q.verb, q.hedges
  FROM "Quote" q JOIN "Article" a ON a.id = q."articleId"
  WHERE q."claimId" IS NOT NULL AND q."reviewStatus" = 'confirmed'),
totals AS (
  SELECT c, o,
         count(*) FILTER (WHERE fidelity = 'verbatim')::int AS verbatim,
         count(*) FILTER (WHERE fidelity = 'trimmed')::int AS trimmed,
         count(*) FILTER (WHERE fidelity = 'altered')::int AS altered,
         count(*) FILTER (WHERE fidelity = 'not_found')::int AS not_found,
         count(*) FILTER (WHERE "inHeadline")::int AS in_headline
  FROM q GROUP BY c, o),
verb_counts AS (
  SELECT c, o, jsonb_object_agg(w, n) AS counts
  FROM (SELECT c, o, lower(verb) AS w, count(*)::int AS n FROM q WHERE verb IS NOT NULL GROUP BY 1, 2, 3) x
  GROUP BY c, o),
hedge_counts AS (
  SELECT c, o, jsonb_object_agg(w, n) AS counts
  FROM (SELECT c, o, lower(h) AS w, count(*)::int AS n FROM q CROSS JOIN LATERAL unnest(q.hedges) AS h WHERE h IS NOT NULL GROUP BY 1, 2, 3) x
  GROUP BY c, o)
UPDATE "ClaimOutlet" l SET
  "verbatim" = t.verbatim, "trimmed" = t.trimmed, "altered" = t.altered, "notFound" = t.not_found, "inHeadline" = t.in_headline,
  "verbs" = coalesce(v.counts, '{}'), "hedges" = coalesce(h.counts, '{}')
FROM totals t
LEFT JOIN verb_counts v ON v.c = t.c AND v.o = t.o
LEFT JOIN hedge_counts h ON h.c = t.c AND h.o = t.o
WHERE l."claimId" = t.c AND l."outletId" = t.o;
