-- AlterTable
ALTER TABLE "VerdictLabel" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ALTER COLUMN "ratingValue" DROP NOT NULL;

-- Data: verdicts that are not degrees of truth leave the truth scale. Unverifiable
-- was seeded as 3, the value of Mixed, so ClaimReview published it as half true.
-- (A new database gets the corrected labels from the seed, which never updates a
-- row that exists: this fixes the databases seeded before.)
UPDATE "VerdictLabel" SET "ratingValue" = NULL, "version" = "version" + 1, "updatedAt" = CURRENT_TIMESTAMP
WHERE "slug" = 'unverifiable' AND "ratingValue" IS NOT NULL;

-- The reference labels added with them, on databases that already have labels
-- (an empty table is a new install: the seed loads the whole set).
INSERT INTO "VerdictLabel" ("id", "slug", "name", "description", "ratingValue", "sortOrder")
SELECT gen_random_uuid()::text, v.slug, v.name, v.description, NULL, (SELECT COALESCE(MAX("sortOrder"), 0) FROM "VerdictLabel") + v.n
FROM (VALUES
  ('out-of-context', 'Out of context', 'Real words, quoted so as to change what they meant.', 1),
  ('satire', 'Satire', 'Said as a joke or parody, not as a statement of fact.', 2)
) AS v(slug, name, description, n)
WHERE EXISTS (SELECT 1 FROM "VerdictLabel")
ON CONFLICT ("slug") DO NOTHING;
