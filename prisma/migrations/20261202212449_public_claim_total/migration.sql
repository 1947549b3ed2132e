-- /claims at 1M quotes (issue 13): the unfiltered list counted its published claims on every cold
-- render (a sequential scan of "Claim", 100 ms warm), and its speaker filter listed every speaker
-- with a published claim (5,000 options, 1.1 MB of HTML). The number of published claims is now
-- stored in one row, kept by triggers on the claims in the writes' own transactions whatever code
-- path writes, as SpeakerCount is (migration stored_reader_counts); "published" restates
-- lib/visibility.ts's rule (a claim is public when status = 'published'). The speaker filter offers
-- the speakers with the most published claims, read from an index on SpeakerCount.

-- CreateTable
CREATE TABLE "PublicClaimTotal" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "claims" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PublicClaimTotal_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PublicClaimTotal_one_row" CHECK ("id" = 1)
);

-- CreateIndex
CREATE INDEX "SpeakerCount_claims_speakerId_idx" ON "SpeakerCount"("claims" DESC, "speakerId");

-- Statement triggers over the transition tables: one upsert of the total's row per statement, so
-- that a statement publishing 90k claims (a restore, the benchmark's corpus) does not update one
-- row 90k times in its transaction. Only a change of whether claims are published writes the row,
-- so drafts written by concurrent imports never wait on it. An upsert, not an UPDATE: a restore
-- leaves the tables that triggers insert into to those triggers (lib/exports/backup.ts,
-- triggerKeptTables). PostgreSQL allows a transition table on a trigger of one event only, hence
-- three triggers.
CREATE FUNCTION claimscope_public_claim_total() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta INTEGER;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT count(*) INTO delta FROM new_rows WHERE status = 'published';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT -count(*) INTO delta FROM old_rows WHERE status = 'published';
  ELSE
    SELECT (SELECT count(*) FROM new_rows WHERE status = 'published') - (SELECT count(*) FROM old_rows WHERE status = 'published') INTO delta;
  END IF;
  IF delta <> 0 THEN
    INSERT INTO "PublicClaimTotal" ("id", "claims") VALUES (1, delta)
      ON CONFLICT ("id") DO UPDATE SET "claims" = "PublicClaimTotal"."claims" + delta;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_public_total_insert" AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claimscope_public_claim_total();
CREATE TRIGGER "Claim_public_total_delete" AFTER DELETE ON "Claim"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION claimscope_public_claim_total();
CREATE TRIGGER "Claim_public_total_update" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claimscope_public_claim_total();

-- The total of the claims already there. No row while none is published: a missing row reads as 0,
-- as it is after a restore of a backup with no published claim.
INSERT INTO "PublicClaimTotal" ("id", "claims") SELECT 1, count(*)::int FROM "Claim" WHERE status = 'published' HAVING count(*) > 0;
