-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "documentKey" TEXT;
