-- A bulk import's articles no longer have their words read twice by PostgreSQL's text parser.
-- The statement trigger of migration 20261202150000_search_words_batched parsed every article's
-- whole title and body again with to_tsvector('simple'), after the English search vector had
-- parsed it once: about 1 ms of every 5 KB article on the embedded database, a tenth of an import.
--
-- lib/ingest-write.ts now passes the batch's distinct whitespace-separated chunks instead (one
-- call of claimscope_add_search_words with them joined by spaces), and sets
-- `claimscope.article_words_given` for its INSERT, so the trigger does not parse the texts again.
-- The words are the same: the parser never makes a token across ASCII whitespace, so parsing each
-- distinct chunk once gives the tokens that parsing every text would. Real news repeats most of
-- its chunks ("the", "said", names): 75 real articles in batches of 25 came down from 108 KB to 41 KB.
--
-- Any other INSERT (a restore, a seed, a test's createMany) leaves the setting unset and keeps the
-- trigger's behaviour.
CREATE OR REPLACE FUNCTION claimscope_article_search_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('claimscope.article_words_given', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM claimscope_add_search_words(ARRAY(SELECT n."title" || ' ' || n."body" FROM new_rows n));
  RETURN NULL;
END $$;
