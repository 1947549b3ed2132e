-- The word list's upkeep (migration 20261201080134_search_words) cost a bulk import more than
-- anything else it wrote: about 8 ms of every 5 KB article on the embedded database. Two causes:
--
-- 1. Each new word was looked up in the list with `s.word = w`, which the GiST trigram index can
--    answer too (pg_trgm 1.6 added equality), and the planner took it: 0.2 ms a probe instead of a
--    few microseconds in the btree. The btree is now on the word in the "C" collation and the
--    lookup compares in it, which only the btree can serve (an index is used only for its own
--    collation). Byte order is also the fastest comparison; the list is never sorted for readers.
-- 2. The trigger ran once per row. A bulk import inserts its articles (and draft claims) in one
--    statement, so the triggers on INSERT now run once per statement over its new rows
--    (transition tables): each distinct word of the batch is looked up once, not once per
--    article that has it. Updates (an edited title or claim wording) stay per row.

DROP INDEX "SearchWord_word_idx";
CREATE INDEX "SearchWord_word_idx" ON "SearchWord"("word" COLLATE "C");

-- Appends the words of `texts` that the list does not have yet (to_tsvector('simple') tokens:
-- lower-cased, unstemmed, as a reader would type them), each once.
CREATE FUNCTION claimscope_add_search_words(texts TEXT[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchWord" ("word")
  SELECT w FROM (
    SELECT DISTINCT w FROM unnest(texts) AS t, unnest(tsvector_to_array(to_tsvector('simple', coalesce(t, '')))) AS w
  ) x
  WHERE claimscope_is_search_word(w)
    AND NOT EXISTS (SELECT 1 FROM "SearchWord" s WHERE s."word" COLLATE "C" = x.w COLLATE "C")
$$;

CREATE OR REPLACE FUNCTION claimscope_add_search_words(txt TEXT) RETURNS void LANGUAGE sql AS $$
  SELECT claimscope_add_search_words(ARRAY[txt])
$$;

CREATE FUNCTION claimscope_article_search_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM claimscope_add_search_words(ARRAY(SELECT n."title" || ' ' || n."body" FROM new_rows n));
  RETURN NULL;
END $$;

CREATE FUNCTION claimscope_claim_search_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM claimscope_add_search_words(ARRAY(SELECT n."canonical" || ' ' || coalesce(n."summary", '') FROM new_rows n));
  RETURN NULL;
END $$;

DROP TRIGGER article_search_words_insert ON "Article";
CREATE TRIGGER article_search_words_insert AFTER INSERT ON "Article"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claimscope_article_search_words_inserted();

DROP TRIGGER claim_search_words_insert ON "Claim";
CREATE TRIGGER claim_search_words_insert AFTER INSERT ON "Claim"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claimscope_claim_search_words_inserted();
