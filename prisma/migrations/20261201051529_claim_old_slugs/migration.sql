-- CreateTable
CREATE TABLE "ClaimOldSlug" (
    "slug" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimOldSlug_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "ClaimOldSlug_claimId_idx" ON "ClaimOldSlug"("claimId");

-- AddForeignKey
ALTER TABLE "ClaimOldSlug" ADD CONSTRAINT "ClaimOldSlug_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;
