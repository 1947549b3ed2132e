-- CreateTable
CREATE TABLE "ArticleCapture" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "requestedUrl" TEXT NOT NULL,
    "redirects" TEXT[],
    "finalUrl" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "mediaType" TEXT NOT NULL,
    "encoding" TEXT,
    "etag" TEXT,
    "lastModified" TEXT,
    "byteLength" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleCapture_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ArticleCapture_articleId_fetchedAt_idx" ON "ArticleCapture"("articleId", "fetchedAt");

-- AddForeignKey
ALTER TABLE "ArticleCapture" ADD CONSTRAINT "ArticleCapture_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
