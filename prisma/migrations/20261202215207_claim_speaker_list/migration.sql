-- /claims?speaker= at 1M quotes: a speaker with thousands of published claims was counted and sorted
-- from the claims themselves (200 ms cold). The claims' speaker index now holds the list's order, so
-- a page is read in order from it (its count is the speaker's stored SpeakerCount.claims). It still
-- serves every lookup by speaker (its first column), so the one-column index goes.

-- DropIndex
DROP INDEX "Claim_speakerId_idx";

-- CreateIndex
CREATE INDEX "Claim_speakerId_status_publishedAt_id_idx" ON "Claim"("speakerId", "status", "publishedAt" DESC, "id");
