CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "lesson_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "lesson_words_trigram_idx" ON "lesson_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- ADR 0034: the words of published lessons, for pg_trgm. Filled as owner (the application role cannot touch the
-- table), in one order so two publications that add the same new words cannot deadlock.
CREATE FUNCTION lesson_words_add() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
begin
  if new.published_at is not null then
    insert into lesson_words (word)
      select w from unnest(tsvector_to_array(to_tsvector('simple', new.title || ' ' || new.theme || ' ' || new.body))) as w
       where w ~ '^[[:alpha:]]+$' order by w
    on conflict do nothing;
  end if;
  return null;
end $$;--> statement-breakpoint
CREATE TRIGGER lesson_words_add AFTER INSERT OR UPDATE OF title, theme, body, published_at ON lessons
  FOR EACH ROW EXECUTE FUNCTION lesson_words_add();--> statement-breakpoint
INSERT INTO lesson_words (word)
  SELECT DISTINCT w FROM lessons, unnest(tsvector_to_array(to_tsvector('simple', title || ' ' || theme || ' ' || body))) AS w
   WHERE published_at IS NOT NULL AND w ~ '^[[:alpha:]]+$'
  ON CONFLICT DO NOTHING;--> statement-breakpoint
-- For each word of a query (letters only) the words of published lessons that contain most of its trigrams
-- (word_similarity >= pg_trgm.word_similarity_threshold, 0.6), the 30 closest, as one tsquery: the words of a query
-- all, each by any of its similar words. Null when a word has none. Runs as owner so the trigram index is used.
CREATE FUNCTION lesson_search_words(query text) RETURNS tsquery LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_catalog AS $$
  select to_tsquery('dutch', string_agg('(' || similar_words || ')', ' & '))
    from (select (select string_agg(word, ' | ')
                    from (select word from lesson_words where word %> q.w order by q.w <<-> word limit 30) as s)
                   as similar_words
            from regexp_split_to_table(lower(query), '[^[:alpha:]]+') as q (w)
           where q.w <> '') as per_word
  having count(*) > 0 and bool_and(similar_words is not null)
$$;
