-- Speakers: a kind for document issuers, a country, and acronyms beside aliases.
-- CreateEnum
CREATE TYPE "AddressKind" AS ENUM ('claim', 'speaker', 'outlet');

-- AlterEnum
ALTER TYPE "SpeakerKind" ADD VALUE 'document_issuer';

-- AlterTable
ALTER TABLE "Speaker" ADD COLUMN     "acronyms" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "country" TEXT;

-- Former addresses of claims, speakers and outlets in one table (lib/record-addresses.ts):
-- ClaimOldSlug's rows move into it as kind 'claim'.
-- CreateTable
CREATE TABLE "OldSlug" (
    "kind" "AddressKind" NOT NULL,
    "slug" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OldSlug_pkey" PRIMARY KEY ("kind","slug")
);

-- CreateIndex
CREATE INDEX "OldSlug_kind_recordId_idx" ON "OldSlug"("kind", "recordId");

INSERT INTO "OldSlug" ("kind", "slug", "recordId", "createdAt")
SELECT 'claim', "slug", "claimId", "createdAt" FROM "ClaimOldSlug";

-- DropForeignKey
ALTER TABLE "ClaimOldSlug" DROP CONSTRAINT "ClaimOldSlug_claimId_fkey";

-- DropTable
DROP TABLE "ClaimOldSlug";

-- One table has no foreign key per kind: deleting a claim, speaker or outlet deletes its
-- former addresses here, as ClaimOldSlug's ON DELETE CASCADE did (a merge re-points them
-- to the kept record before it deletes the other, so they survive it).
CREATE FUNCTION claimscope_forget_old_slugs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "OldSlug" WHERE "kind" = TG_ARGV[0]::"AddressKind" AND "recordId" = OLD."id";
  RETURN OLD;
END;
$$;

CREATE TRIGGER claimscope_claim_old_slugs AFTER DELETE ON "Claim" FOR EACH ROW EXECUTE FUNCTION claimscope_forget_old_slugs('claim');
CREATE TRIGGER claimscope_speaker_old_slugs AFTER DELETE ON "Speaker" FOR EACH ROW EXECUTE FUNCTION claimscope_forget_old_slugs('speaker');
CREATE TRIGGER claimscope_outlet_old_slugs AFTER DELETE ON "Outlet" FOR EACH ROW EXECUTE FUNCTION claimscope_forget_old_slugs('outlet');
