-- CreateTable
CREATE TABLE "ClaimOutlet" (
    "claimId" TEXT NOT NULL,
    "outletId" TEXT NOT NULL,
    "quotes" INTEGER NOT NULL,

    CONSTRAINT "ClaimOutlet_pkey" PRIMARY KEY ("claimId","outletId")
);

-- CreateTable
CREATE TABLE "SpeakerCount" (
    "speakerId" TEXT NOT NULL,
    "claims" INTEGER NOT NULL DEFAULT 0,
    "quotes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SpeakerCount_pkey" PRIMARY KEY ("speakerId")
);

-- CreateIndex
CREATE INDEX "ClaimOutlet_outletId_claimId_idx" ON "ClaimOutlet"("outletId", "claimId");

-- AddForeignKey
ALTER TABLE "ClaimOutlet" ADD CONSTRAINT "ClaimOutlet_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimOutlet" ADD CONSTRAINT "ClaimOutlet_outletId_fkey" FOREIGN KEY ("outletId") REFERENCES "Outlet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerCount" ADD CONSTRAINT "SpeakerCount_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The stored counts are kept by triggers, in the transaction of the write that changes them,
-- whatever code path writes (editor actions, imports, bulk moves, merges, cascades). "Public"
-- is lib/visibility.ts's rule: a claim is public when status = 'published', a quote when
-- "reviewStatus" = 'confirmed' (tests/integration/stored-counts.test.ts compares the stored
-- counts with the counts computed through lib/visibility.ts after writes of every kind).

-- Recounts one claim's outlets from its quotes (when a quote's article is gone or moved).
CREATE FUNCTION claimscope_recount_claim_outlets(claim TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ClaimOutlet" WHERE "claimId" = claim;
  INSERT INTO "ClaimOutlet" ("claimId", "outletId", "quotes")
    SELECT q."claimId", a."outletId", count(*)::int
    FROM "Quote" q JOIN "Article" a ON a.id = q."articleId"
    WHERE q."claimId" = claim AND q."reviewStatus" = 'confirmed'
    GROUP BY q."claimId", a."outletId";
END $$;

CREATE FUNCTION claimscope_quote_counts() RETURNS trigger LANGUAGE plpgsql AS $$
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
        UPDATE "ClaimOutlet" SET "quotes" = "quotes" - 1 WHERE "claimId" = OLD."claimId" AND "outletId" = outlet;
        DELETE FROM "ClaimOutlet" WHERE "claimId" = OLD."claimId" AND "outletId" = outlet AND "quotes" <= 0;
      END IF;
    END IF;
    IF OLD."speakerId" IS NOT NULL THEN
      UPDATE "SpeakerCount" SET "quotes" = "quotes" - 1 WHERE "speakerId" = OLD."speakerId";
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."reviewStatus" = 'confirmed' THEN
    IF NEW."claimId" IS NOT NULL THEN
      INSERT INTO "ClaimOutlet" ("claimId", "outletId", "quotes")
        SELECT NEW."claimId", a."outletId", 1 FROM "Article" a WHERE a.id = NEW."articleId"
        ON CONFLICT ("claimId", "outletId") DO UPDATE SET "quotes" = "ClaimOutlet"."quotes" + 1;
    END IF;
    IF NEW."speakerId" IS NOT NULL THEN
      INSERT INTO "SpeakerCount" ("speakerId", "quotes") VALUES (NEW."speakerId", 1)
        ON CONFLICT ("speakerId") DO UPDATE SET "quotes" = "SpeakerCount"."quotes" + 1;
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Quote_counts" AFTER INSERT OR DELETE OR UPDATE OF "reviewStatus", "claimId", "articleId", "speakerId" ON "Quote"
  FOR EACH ROW EXECUTE FUNCTION claimscope_quote_counts();

CREATE FUNCTION claimscope_claim_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' AND OLD."speakerId" IS NOT NULL THEN
    UPDATE "SpeakerCount" SET "claims" = "claims" - 1 WHERE "speakerId" = OLD."speakerId";
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'published' AND NEW."speakerId" IS NOT NULL THEN
    INSERT INTO "SpeakerCount" ("speakerId", "claims") VALUES (NEW."speakerId", 1)
      ON CONFLICT ("speakerId") DO UPDATE SET "claims" = "SpeakerCount"."claims" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_counts" AFTER INSERT OR DELETE OR UPDATE OF status, "speakerId" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION claimscope_claim_counts();

-- An article moved to another outlet: recount the claims it quotes.
CREATE FUNCTION claimscope_article_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  claim TEXT;
BEGIN
  FOR claim IN SELECT DISTINCT "claimId" FROM "Quote" WHERE "articleId" = NEW.id AND "claimId" IS NOT NULL LOOP
    PERFORM claimscope_recount_claim_outlets(claim);
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_counts" AFTER UPDATE OF "outletId" ON "Article"
  FOR EACH ROW WHEN (OLD."outletId" IS DISTINCT FROM NEW."outletId") EXECUTE FUNCTION claimscope_article_counts();

-- The counts of the rows already there.
INSERT INTO "ClaimOutlet" ("claimId", "outletId", "quotes")
  SELECT q."claimId", a."outletId", count(*)::int
  FROM "Quote" q JOIN "Article" a ON a.id = q."articleId"
  WHERE q."claimId" IS NOT NULL AND q."reviewStatus" = 'confirmed'
  GROUP BY q."claimId", a."outletId";

INSERT INTO "SpeakerCount" ("speakerId", "claims", "quotes")
  SELECT s.id,
         (SELECT count(*) FROM "Claim" c WHERE c."speakerId" = s.id AND c.status = 'published')::int,
         (SELECT count(*) FROM "Quote" q WHERE q."speakerId" = s.id AND q."reviewStatus" = 'confirmed')::int
  FROM "Speaker" s;
