-- Issue 15: under row-level security the planner does not use the lessons' full-text index, as `@@` is not
-- leakproof, and a search read every lesson. The ids of the published lessons that match a query, found with the
-- index as owner: published lessons are what everyone may read (policy lessons_published_read), so this names no
-- lesson the caller could not read; the search joins these ids back to lessons under row-level security.
CREATE FUNCTION published_lessons_matching(query tsquery) RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_catalog AS $$
  select id from lessons where published_at is not null and search_vector @@ query
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION published_lessons_matching(tsquery) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION published_lessons_matching(tsquery) TO samenspel_app;
