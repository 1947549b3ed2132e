-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "isPublic" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "withdrawalNote" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "SourceDocument" ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "format" TEXT NOT NULL DEFAULT 'text',
ADD COLUMN     "pageStarts" INTEGER[];

-- CreateTable
CREATE TABLE "ClaimCorrection" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClaimCorrection_claimId_createdAt_idx" ON "ClaimCorrection"("claimId", "createdAt");

-- AddForeignKey
ALTER TABLE "ClaimCorrection" ADD CONSTRAINT "ClaimCorrection_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
