-- The rollup's '_due' rows (migration 0031) keep each open problem's deadline so that "overdue"
-- (deadline before today) can be read on any day; but a key's deadlines barely repeat, so they
-- held nearly one row per open problem (500k problems: 185,390 region_due rows, 28,539 of them
-- past their deadline, which every breakdown's overdue column read). Once a deadline has passed
-- it stays passed: the merge now also folds the rows whose deadline lies before `p_fold_before`
-- - 1 into one row per key, round and status dated `p_fold_before` - 1, which every reader whose
-- today is on or after `p_fold_before` counts as overdue exactly as it counted the rows it
-- replaces (only overdue reads the '_due' rows: problems.rollup.ts keyedPart). The job passes
-- yesterday (Asia/Shanghai), a day's margin for a clock a little behind; a key's passed rows
-- are then one row, and only the last day's deadlines stay apart. Null: no fold (the merge of
-- 0031).
DROP FUNCTION rectify_problem_rollup_merge();
--> statement-breakpoint
CREATE FUNCTION rectify_problem_rollup_merge(p_fold_before date DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  merged_keys integer;
  folded integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('rectify_problem_rollup_merge')) THEN
    RETURN 0;
  END IF;
  WITH deltas AS (DELETE FROM problem_rollup WHERE NOT merged RETURNING *)
  INSERT INTO problem_rollup AS r (dim, key, round_id, status, light, outcome, deadline, closed_on, n, merged)
  SELECT dim, key, round_id, status, light, outcome, deadline, closed_on, sum(n), true
    FROM deltas GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0
  ON CONFLICT (dim, key, round_id, status, light, outcome, deadline, closed_on) WHERE merged
  DO UPDATE SET n = r.n + excluded.n;
  GET DIAGNOSTICS merged_keys = ROW_COUNT;
  IF p_fold_before IS NOT NULL THEN
    WITH passed AS (
      DELETE FROM problem_rollup
       WHERE merged AND dim IN ('domain_due', 'region_due', 'unit_due')
         AND deadline < p_fold_before - 1
      RETURNING *)
    INSERT INTO problem_rollup AS r (dim, key, round_id, status, light, outcome, deadline, closed_on, n, merged)
    SELECT dim, key, round_id, status, light, outcome, p_fold_before - 1, closed_on, sum(n), true
      FROM passed GROUP BY 1, 2, 3, 4, 5, 6, 8 HAVING sum(n) <> 0
    ON CONFLICT (dim, key, round_id, status, light, outcome, deadline, closed_on) WHERE merged
    DO UPDATE SET n = r.n + excluded.n;
    GET DIAGNOSTICS folded = ROW_COUNT;
  END IF;
  IF merged_keys + folded > 0 THEN
    DELETE FROM problem_rollup WHERE merged AND n = 0;
  END IF;
  RETURN merged_keys + folded;
END;
$$;
