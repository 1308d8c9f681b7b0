-- The dashboard's most-behind list (GET /dashboard/lists): the ten largest planned − reported
-- gaps among the behind problems, read off this index (2.7 s cold → 2–5 ms at 50k) instead of
-- sorting every behind problem's wide row. Its predicate is bucketSql('behind') as drizzle writes it.
CREATE INDEX "problems_behind_gap_idx" ON "problems" USING btree (("planned_progress" - "reported_progress") desc,"deadline","id") WHERE "problems"."status" in ('draft', 'plan_review', 'in_progress') and "problems"."light" in ('yellow', 'red') and "problems"."outcome" is distinct from 'not_rectified';