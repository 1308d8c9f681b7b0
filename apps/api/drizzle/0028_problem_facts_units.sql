ALTER TABLE "problem_facts" ADD COLUMN "units" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
CREATE INDEX "problem_facts_units_idx" ON "problem_facts" USING gin ("units");--> statement-breakpoint
-- The breakdown by unit's narrow data (src/db/schema/facts.ts): each problem's unit set, every
-- unit whose subtree holds its lead or a co-responsible unit — the units of its lead and co links
-- and their ancestors, read off their materialised paths ('/city/county/town/' names the ids).
-- `u = any(units)` is then what GET /problems?unit=u counts (ledByUnitTree). Recomputed, in the
-- write's own transaction, for the problems a statement touched: one UPDATE per statement, so an
-- import linking 5,000 problems costs one pass, not 5,000 trigger calls.
CREATE FUNCTION rectify_problem_facts_units(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE problem_facts f SET units = s.units
    FROM (
      SELECT p.id, coalesce((
        SELECT array_agg(DISTINCT a.id ORDER BY a.id)
          FROM problem_units pu
          JOIN units u ON u.id = pu.unit_id
          CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from u.path), '/')::uuid[]) AS a(id)
         WHERE pu.problem_id = p.id AND pu.role IN ('lead', 'co')), '{}'::uuid[]) AS units
        FROM unnest(ids) AS p(id)
    ) s
   WHERE f.id = s.id AND f.units IS DISTINCT FROM s.units;
$$;
--> statement-breakpoint
CREATE FUNCTION rectify_problem_facts_units_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM rectify_problem_facts_units(array(
      SELECT DISTINCT problem_id FROM new_links WHERE role IN ('lead', 'co')));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM rectify_problem_facts_units(array(
      SELECT DISTINCT problem_id FROM old_links WHERE role IN ('lead', 'co')));
  ELSE
    PERFORM rectify_problem_facts_units(array(
      SELECT problem_id FROM new_links WHERE role IN ('lead', 'co')
      UNION SELECT problem_id FROM old_links WHERE role IN ('lead', 'co')));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER problem_facts_units_insert AFTER INSERT ON problem_units
  REFERENCING NEW TABLE AS new_links
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_problem_facts_units_links();
--> statement-breakpoint
CREATE TRIGGER problem_facts_units_update AFTER UPDATE ON problem_units
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_problem_facts_units_links();
--> statement-breakpoint
CREATE TRIGGER problem_facts_units_delete AFTER DELETE ON problem_units
  REFERENCING OLD TABLE AS old_links
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_problem_facts_units_links();
--> statement-breakpoint
-- A unit moved (units.movePaths rewrites its subtree's paths in one statement): the problems
-- linked as lead or co to any unit whose path changed get their unit set again.
CREATE FUNCTION rectify_problem_facts_units_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rectify_problem_facts_units(array(
    SELECT DISTINCT pu.problem_id
      FROM new_units n
      JOIN old_units o ON o.id = n.id AND o.path IS DISTINCT FROM n.path
      JOIN problem_units pu ON pu.unit_id = n.id AND pu.role IN ('lead', 'co')));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER problem_facts_units_moved AFTER UPDATE ON units
  REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_problem_facts_units_moved();
--> statement-breakpoint
UPDATE problem_facts f SET units = s.units
  FROM (
    SELECT pu.problem_id AS id, array_agg(DISTINCT a.id ORDER BY a.id) AS units
      FROM problem_units pu
      JOIN units u ON u.id = pu.unit_id
      CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from u.path), '/')::uuid[]) AS a(id)
     WHERE pu.role IN ('lead', 'co')
     GROUP BY pu.problem_id
  ) s
 WHERE f.id = s.id;
--> statement-breakpoint
ANALYZE problem_facts;
