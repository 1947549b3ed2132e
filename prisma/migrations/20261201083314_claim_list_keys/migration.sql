-- /claims at 1M quotes: its tag, outlet and verdict filters and its facets read each candidate
-- claim's status (a verdict filter 0.5 s, the tag facet 0.4 s). The rows that tie a claim to a tag,
-- an outlet or a verdict now carry the claim's visibility and publication date, kept by triggers
-- whatever code path writes; a filtered list, its count and the facets are then read from one
-- index of that table, in the list's order. "Public" restates lib/visibility.ts's rule (a claim is
-- public when status = 'published'), as the stored counts' triggers do; the list still loads its
-- page's claims through lib/visibility.ts (tests/integration/stored-counts.test.ts checks both).
-- The claims' own list index covers the id too, so a deep page is skipped in the index alone.

-- DropIndex
DROP INDEX "Claim_status_publishedAt_idx";

-- DropIndex
DROP INDEX "ClaimOutlet_outletId_claimId_idx";

-- DropIndex
DROP INDEX "ClaimTag_tagId_idx";

-- AlterTable
ALTER TABLE "ClaimOutlet" ADD COLUMN     "claimPublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "claimPublishedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ClaimTag" ADD COLUMN     "claimPublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "claimPublishedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Rating" ADD COLUMN     "claimPublic" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "claimPublishedAt" TIMESTAMP(3);

-- Existing rows, once.
UPDATE "ClaimTag" l SET "claimPublic" = c.status = 'published', "claimPublishedAt" = c."publishedAt" FROM "Claim" c WHERE c.id = l."claimId";
UPDATE "Rating" l SET "claimPublic" = c.status = 'published', "claimPublishedAt" = c."publishedAt" FROM "Claim" c WHERE c.id = l."claimId";
UPDATE "ClaimOutlet" l SET "claimPublic" = c.status = 'published', "claimPublishedAt" = c."publishedAt" FROM "Claim" c WHERE c.id = l."claimId";

-- A row tied to a claim (inserted, or moved to another claim by a merge) takes the claim's values.
CREATE FUNCTION claimscope_claim_link_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.status = 'published', c."publishedAt" INTO NEW."claimPublic", NEW."claimPublishedAt"
    FROM "Claim" c WHERE c.id = NEW."claimId";
  NEW."claimPublic" := coalesce(NEW."claimPublic", false);
  RETURN NEW;
END $$;

CREATE TRIGGER "ClaimTag_claim_keys" BEFORE INSERT OR UPDATE OF "claimId" ON "ClaimTag"
  FOR EACH ROW EXECUTE FUNCTION claimscope_claim_link_keys();
CREATE TRIGGER "Rating_claim_keys" BEFORE INSERT OR UPDATE OF "claimId" ON "Rating"
  FOR EACH ROW EXECUTE FUNCTION claimscope_claim_link_keys();
CREATE TRIGGER "ClaimOutlet_claim_keys" BEFORE INSERT OR UPDATE OF "claimId" ON "ClaimOutlet"
  FOR EACH ROW EXECUTE FUNCTION claimscope_claim_link_keys();

-- A claim published, unpublished or re-dated passes it on to its rows.
CREATE FUNCTION claimscope_claim_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ClaimTag" SET "claimPublic" = NEW.status = 'published', "claimPublishedAt" = NEW."publishedAt" WHERE "claimId" = NEW.id;
  UPDATE "Rating" SET "claimPublic" = NEW.status = 'published', "claimPublishedAt" = NEW."publishedAt" WHERE "claimId" = NEW.id;
  UPDATE "ClaimOutlet" SET "claimPublic" = NEW.status = 'published', "claimPublishedAt" = NEW."publishedAt" WHERE "claimId" = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "Claim_list_keys" AFTER UPDATE OF status, "publishedAt" ON "Claim"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt")
  EXECUTE FUNCTION claimscope_claim_keys_changed();

-- CreateIndex
CREATE INDEX "Claim_status_publishedAt_id_idx" ON "Claim"("status", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "ClaimOutlet_outletId_claimPublic_claimPublishedAt_claimId_idx" ON "ClaimOutlet"("outletId", "claimPublic", "claimPublishedAt" DESC, "claimId");

-- CreateIndex
CREATE INDEX "ClaimTag_tagId_claimPublic_claimPublishedAt_claimId_idx" ON "ClaimTag"("tagId", "claimPublic", "claimPublishedAt" DESC, "claimId");

-- CreateIndex
CREATE INDEX "Rating_verdictLabelId_claimPublic_claimPublishedAt_claimId_idx" ON "Rating"("verdictLabelId", "claimPublic", "claimPublishedAt" DESC, "claimId");
