-- DropForeignKey
ALTER TABLE "ImportJob" DROP CONSTRAINT "ImportJob_articleId_fkey";

-- DropTable
DROP TABLE "ImportJob";

-- DropEnum
DROP TYPE "ImportJobStatus";

-- CreateTable
CREATE TABLE "JobLease" (
    "jobId" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("jobId")
);

-- CreateIndex
CREATE INDEX "JobLease_holder_idx" ON "JobLease"("holder");
