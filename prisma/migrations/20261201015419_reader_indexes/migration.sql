-- Reader paths at 1M quotes (npm run bench:web): public quote counts per listed claim read
-- (claimId, reviewStatus) only; a claim page finds the claims answering it by rebutsId; the
-- spelling-tolerant search matches article titles by trigram, as claims and quotes already are.
-- DropIndex
DROP INDEX "Quote_claimId_idx";

-- CreateIndex
CREATE INDEX "Article_title_trgm_idx" ON "Article" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Claim_rebutsId_idx" ON "Claim"("rebutsId");

-- CreateIndex
CREATE INDEX "Quote_claimId_reviewStatus_idx" ON "Quote"("claimId", "reviewStatus");
