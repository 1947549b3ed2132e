-- Search corrects misspelt words (lib/search.ts) against a list of the words that exist, with a
-- trigram index, as PostgreSQL's documentation suggests for "did you mean" (pg_trgm, F.35.5: a
-- table of the distinct words, GiST-indexed, searched by nearest distance). The rows' own
-- trigram indexes, which the old fallback (word_similarity over whole claims and quotes) read,
-- are no longer read by anything and cost every quote insert: dropped.

-- DropIndex
DROP INDEX "Claim_canonical_trgm_idx";

-- DropIndex
DROP INDEX "Quote_exact_trgm_idx";

-- CreateTable
CREATE TABLE "SearchWord" (
    "id" BIGSERIAL NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("id")
);

-- A word worth offering: letters only (no digits or punctuation, ASCII or typographic), 3 to 40
-- of them. lib/search-spelling.ts applies the same bounds to the words of a query.
CREATE FUNCTION claimscope_is_search_word(w TEXT) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT length(w) BETWEEN 3 AND 40 AND w !~ '[[:digit:][:punct:][:space:]“”‘’«»‹›„–—…·•]'
$$;

-- Appends the words of `txt` that the list does not have yet. The words are to_tsvector('simple')
-- tokens: lower-cased, unstemmed, as a reader would type them.
CREATE FUNCTION claimscope_add_search_words(txt TEXT) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchWord" ("word")
  SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', coalesce(txt, '')))) AS w
  WHERE claimscope_is_search_word(w) AND NOT EXISTS (SELECT 1 FROM "SearchWord" s WHERE s."word" = w)
$$;

-- Every word already stored, in one pass (ts_stat), before the indexes exist. Quotes are not read:
-- a quote's words are its article's (the W3C selectors anchor it in the article's text).
INSERT INTO "SearchWord" ("word")
SELECT word FROM ts_stat($q$
  SELECT to_tsvector('simple', coalesce("title", '') || ' ' || coalesce("body", '')) FROM "Article"
  UNION ALL
  SELECT to_tsvector('simple', coalesce("canonical", '') || ' ' || coalesce("summary", '')) FROM "Claim"
$q$)
WHERE claimscope_is_search_word(word);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord"("word");

-- CreateIndex
CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING GIST ("word" gist_trgm_ops);

CREATE FUNCTION claimscope_article_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM claimscope_add_search_words(NEW."title" || ' ' || NEW."body");
  RETURN NULL;
END $$;

CREATE FUNCTION claimscope_claim_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM claimscope_add_search_words(NEW."canonical" || ' ' || coalesce(NEW."summary", ''));
  RETURN NULL;
END $$;

CREATE TRIGGER article_search_words_insert AFTER INSERT ON "Article"
  FOR EACH ROW EXECUTE FUNCTION claimscope_article_search_words();
CREATE TRIGGER article_search_words_update AFTER UPDATE OF "title", "body" ON "Article"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."body" IS DISTINCT FROM NEW."body")
  EXECUTE FUNCTION claimscope_article_search_words();
CREATE TRIGGER claim_search_words_insert AFTER INSERT ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION claimscope_claim_search_words();
CREATE TRIGGER claim_search_words_update AFTER UPDATE OF "canonical", "summary" ON "Claim"
  FOR EACH ROW WHEN (OLD."canonical" IS DISTINCT FROM NEW."canonical" OR OLD."summary" IS DISTINCT FROM NEW."summary")
  EXECUTE FUNCTION claimscope_claim_search_words();
