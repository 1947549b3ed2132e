-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "attributionReason" TEXT;
