CREATE TABLE "problem_rollup" (
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"round_id" uuid NOT NULL,
	"status" text NOT NULL,
	"light" text,
	"outcome" text,
	"deadline" date,
	"closed_on" date,
	"n" integer NOT NULL,
	"merged" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "problem_rollup_dim_idx" ON "problem_rollup" USING btree ("dim","deadline");--> statement-breakpoint
-- The dashboards' rollup (src/db/schema/facts.ts problemRollup): signed deltas of problem counts
-- per key, written by statement triggers on problem_facts in the write's own transaction. They
-- only insert — no counter row shared by concurrent writers, so no writer waits on another's
-- commit and none can deadlock on a key — and the merge job (rectify_problem_rollup_merge)
-- folds them into one merged row per key. The merged rows' key is unique, nulls included.
-- Half-full pages: a merge's update of a key's count stays on the key's page (a HOT update), so
-- the rows of one dim stay together as the backfill below laid them out, and a figure reads the
-- pages of its dim only, not one page per row.
ALTER TABLE problem_rollup SET (fillfactor = 50);
--> statement-breakpoint
CREATE UNIQUE INDEX problem_rollup_merged_key
  ON problem_rollup (dim, key, round_id, status, light, outcome, deadline, closed_on)
  NULLS NOT DISTINCT WHERE merged;
--> statement-breakpoint
-- One problem's rows of the rollup with sign `s` (+1 as it is now, -1 as it was): 'all' with
-- every column a figure reads; per domain, region and unit of its unit set, status, light and
-- outcome, and — only while it is open (the ledger's OPEN_STATUSES, where a passed deadline makes
-- it overdue) — its status and deadline in the '_due' twin. Keeping the deadline out of the
-- plain rows keeps them few (a region's deadlines would spread its problems over ~500 rows each).
-- `p_only_units`: the unit rows alone, for a change of the unit set only.
CREATE FUNCTION rectify_problem_rollup_rows(
  s integer, p_round uuid, p_status text, p_light text, p_outcome text, p_deadline date,
  p_closed date, p_domain text, p_region uuid, p_units uuid[], p_only_units boolean
) RETURNS TABLE (dim text, key text, round_id uuid, status text, light text, outcome text,
  deadline date, closed_on date, n integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT 'all', '', $2, $3, $4, $5, $6, $7, $1 WHERE NOT $11
  UNION ALL SELECT 'domain', $8, $2, $3, $4, $5, NULL, NULL, $1 WHERE NOT $11
  UNION ALL SELECT 'region', $9::text, $2, $3, $4, $5, NULL, NULL, $1 WHERE $9 IS NOT NULL AND NOT $11
  UNION ALL SELECT 'unit', u::text, $2, $3, $4, $5, NULL, NULL, $1 FROM unnest($10) AS u
  UNION ALL SELECT d.dim || '_due', d.key, $2, $3, NULL, NULL, $6, NULL, $1
    FROM (SELECT 'domain', $8 WHERE NOT $11
          UNION ALL SELECT 'region', $9::text WHERE $9 IS NOT NULL AND NOT $11
          UNION ALL SELECT 'unit', u::text FROM unnest($10) AS u) AS d(dim, key)
   WHERE $3 IN ('draft', 'plan_review', 'in_progress')
$$;
--> statement-breakpoint
-- The deltas of one statement on problem_facts: its new rows counted in, its old rows out, summed
-- per key and only the keys whose count changed written: an import's 1,000-row insert is one
-- INSERT here. A row whose unit set alone changed (the unit set's triggers, migration 0028: an
-- import's links set 5,000 of them) counts in and out only under the units it gained or lost.
CREATE FUNCTION rectify_problem_rollup_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO problem_rollup (dim, key, round_id, status, light, outcome, deadline, closed_on, n)
    SELECT r.dim, r.key, r.round_id, r.status, r.light, r.outcome, r.deadline, r.closed_on, sum(r.n)
      FROM (SELECT 1 AS s, *, false AS only_units FROM new_facts) c
      CROSS JOIN LATERAL rectify_problem_rollup_rows(c.s, c.round_id, c.status, c.light, c.outcome,
        c.deadline, c.closed_on, c.domain, c.region_id, c.units, c.only_units) r
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.n) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO problem_rollup (dim, key, round_id, status, light, outcome, deadline, closed_on, n)
    SELECT r.dim, r.key, r.round_id, r.status, r.light, r.outcome, r.deadline, r.closed_on, sum(r.n)
      FROM (SELECT -1 AS s, *, false AS only_units FROM old_facts) c
      CROSS JOIN LATERAL rectify_problem_rollup_rows(c.s, c.round_id, c.status, c.light, c.outcome,
        c.deadline, c.closed_on, c.domain, c.region_id, c.units, c.only_units) r
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.n) <> 0;
  ELSE
    INSERT INTO problem_rollup (dim, key, round_id, status, light, outcome, deadline, closed_on, n)
    SELECT r.dim, r.key, r.round_id, r.status, r.light, r.outcome, r.deadline, r.closed_on, sum(r.n)
      FROM (SELECT x.* FROM new_facts n JOIN old_facts o USING (id)
        CROSS JOIN LATERAL (
          SELECT 1, n.round_id, n.status, n.light, n.outcome, n.deadline, n.closed_on, n.domain,
                 n.region_id, n.units, false
          UNION ALL
          SELECT -1, o.round_id, o.status, o.light, o.outcome, o.deadline, o.closed_on, o.domain,
                 o.region_id, o.units, false
        ) AS x(s, round_id, status, light, outcome, deadline, closed_on, domain, region_id, units, only_units)
        WHERE (n.round_id, n.status, n.light, n.outcome, n.deadline, n.closed_on, n.domain, n.region_id)
          IS DISTINCT FROM (o.round_id, o.status, o.light, o.outcome, o.deadline, o.closed_on, o.domain, o.region_id)
        UNION ALL
        SELECT x.* FROM new_facts n JOIN old_facts o USING (id)
        CROSS JOIN LATERAL (
          SELECT 1, n.round_id, n.status, n.light, n.outcome, n.deadline, n.closed_on, n.domain,
                 n.region_id, array(SELECT unnest(n.units) EXCEPT SELECT unnest(o.units)), true
          UNION ALL
          SELECT -1, o.round_id, o.status, o.light, o.outcome, o.deadline, o.closed_on, o.domain,
                 o.region_id, array(SELECT unnest(o.units) EXCEPT SELECT unnest(n.units)), true
        ) AS x(s, round_id, status, light, outcome, deadline, closed_on, domain, region_id, units, only_units)
        WHERE (n.round_id, n.status, n.light, n.outcome, n.deadline, n.closed_on, n.domain, n.region_id)
          IS NOT DISTINCT FROM (o.round_id, o.status, o.light, o.outcome, o.deadline, o.closed_on, o.domain, o.region_id)
          AND n.units IS DISTINCT FROM o.units) c
      CROSS JOIN LATERAL rectify_problem_rollup_rows(c.s, c.round_id, c.status, c.light, c.outcome,
        c.deadline, c.closed_on, c.domain, c.region_id, c.units, c.only_units) r
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.n) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER problem_rollup_insert AFTER INSERT ON problem_facts
  REFERENCING NEW TABLE AS new_facts
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_problem_rollup_sync();
--> statement-breakpoint
CREATE TRIGGER problem_rollup_update AFTER UPDATE ON problem_facts
  REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_problem_rollup_sync();
--> statement-breakpoint
CREATE TRIGGER problem_rollup_delete AFTER DELETE ON problem_facts
  REFERENCING OLD TABLE AS old_facts
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_problem_rollup_sync();
--> statement-breakpoint
-- New problems' facts in one statement per INSERT on problems (was one trigger call per row,
-- migration 0024): an import's 1,000-row insert is then one INSERT into problem_facts, and so one
-- pass of the rollup's trigger instead of 1,000. Updates stay per row (0024): a write updates one
-- problem, and the row trigger's WHEN skips updates that leave the facts' columns alone.
DROP TRIGGER problem_facts_sync_insert ON problems;
--> statement-breakpoint
CREATE FUNCTION rectify_problem_facts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO problem_facts (id, round_id, status, light, outcome, deadline, closed_on, domain, region_id)
  SELECT id, round_id, status, light, outcome, deadline, closed_on, domain, region_id FROM new_problems;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER problem_facts_sync_insert AFTER INSERT ON problems
  REFERENCING NEW TABLE AS new_problems
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_problem_facts_insert();
--> statement-breakpoint
-- Folds the pending deltas into the merged rows (the merge-dashboard-rollup job, every minute):
-- one instance at a time (the others return at once), deltas deleted and added to their key's
-- merged row in one statement, keys whose count fell to zero removed. Readers sum merged rows and
-- deltas alike, so a merge changes no figure, only how many rows a figure reads.
CREATE FUNCTION rectify_problem_rollup_merge() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  merged_keys integer;
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
  IF merged_keys > 0 THEN
    DELETE FROM problem_rollup WHERE merged AND n = 0;
  END IF;
  RETURN merged_keys;
END;
$$;
--> statement-breakpoint
INSERT INTO problem_rollup (dim, key, round_id, status, light, outcome, deadline, closed_on, n, merged)
SELECT r.dim, r.key, r.round_id, r.status, r.light, r.outcome, r.deadline, r.closed_on, sum(r.n), true
  FROM problem_facts c
  CROSS JOIN LATERAL rectify_problem_rollup_rows(1, c.round_id, c.status, c.light, c.outcome,
    c.deadline, c.closed_on, c.domain, c.region_id, c.units, false) r
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 7, 2;
--> statement-breakpoint
ANALYZE problem_rollup;
--> statement-breakpoint
SELECT pgboss.create_queue('merge-dashboard-rollup', '{"policy":"stately","retryLimit":5,"retryDelay":10,"retryBackoff":true,"expireInSeconds":900}');
