-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "claimId" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "rebutsId" TEXT;

-- CreateIndex
CREATE INDEX "Annotation_claimId_idx" ON "Annotation"("claimId");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_rebutsId_fkey" FOREIGN KEY ("rebutsId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
