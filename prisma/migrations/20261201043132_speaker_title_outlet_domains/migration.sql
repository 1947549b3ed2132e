-- AlterTable
ALTER TABLE "Outlet" ADD COLUMN     "homepage" TEXT,
ADD COLUMN     "otherDomains" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Speaker" ADD COLUMN     "title" TEXT;
