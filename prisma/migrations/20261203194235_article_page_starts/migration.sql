-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "pageStarts" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
