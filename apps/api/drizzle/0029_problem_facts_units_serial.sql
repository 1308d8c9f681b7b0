-- Two transactions changing the links of one problem at once must not leave its unit set as the
-- one that computed first saw it (migration 0028). The recompute now locks the facts rows it
-- will write (in id order, so two writers cannot deadlock on each other's rows) before it reads
-- the links: the second writer waits for the first to commit, and its next statement's snapshot
-- (PL/pgSQL takes one per statement under READ COMMITTED) sees the first writer's links.
CREATE OR REPLACE FUNCTION rectify_problem_facts_units(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM problem_facts WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
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
END;
$$;
