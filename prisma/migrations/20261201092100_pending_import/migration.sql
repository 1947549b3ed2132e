-- CreateTable
CREATE TABLE "PendingImport" (
    "articleId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "touchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingImport_pkey" PRIMARY KEY ("articleId")
);

-- AddForeignKey
ALTER TABLE "PendingImport" ADD CONSTRAINT "PendingImport_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
