CREATE TABLE "problem_facts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"status" text NOT NULL,
	"light" text NOT NULL,
	"outcome" text,
	"deadline" date NOT NULL,
	"closed_on" date,
	"domain" text NOT NULL,
	"region_id" uuid
);
--> statement-breakpoint
ALTER TABLE "problem_facts" ADD CONSTRAINT "problem_facts_id_problems_id_fk" FOREIGN KEY ("id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_facts_round_idx" ON "problem_facts" USING btree ("round_id");--> statement-breakpoint
-- The dashboards' narrow copy of each problem (src/db/schema/facts.ts), written by the database
-- in the same transaction as the problem's own insert or update, whoever makes it: a service,
-- the lights refresher, an import or a seed. Updates that leave these columns alone (progress,
-- texts, search tokens) do not fire it; a deleted problem takes its facts with it (the FK).
CREATE FUNCTION rectify_problem_facts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO problem_facts (id, round_id, status, light, outcome, deadline, closed_on, domain, region_id)
  VALUES (NEW.id, NEW.round_id, NEW.status, NEW.light, NEW.outcome, NEW.deadline, NEW.closed_on, NEW.domain, NEW.region_id)
  ON CONFLICT (id) DO UPDATE SET
    round_id = EXCLUDED.round_id, status = EXCLUDED.status, light = EXCLUDED.light,
    outcome = EXCLUDED.outcome, deadline = EXCLUDED.deadline, closed_on = EXCLUDED.closed_on,
    domain = EXCLUDED.domain, region_id = EXCLUDED.region_id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER problem_facts_sync_insert AFTER INSERT ON problems
  FOR EACH ROW EXECUTE FUNCTION rectify_problem_facts_sync();
--> statement-breakpoint
CREATE TRIGGER problem_facts_sync_update
  AFTER UPDATE OF round_id, status, light, outcome, deadline, closed_on, domain, region_id ON problems
  FOR EACH ROW
  WHEN ((OLD.round_id, OLD.status, OLD.light, OLD.outcome, OLD.deadline, OLD.closed_on, OLD.domain, OLD.region_id)
    IS DISTINCT FROM (NEW.round_id, NEW.status, NEW.light, NEW.outcome, NEW.deadline, NEW.closed_on, NEW.domain, NEW.region_id))
  EXECUTE FUNCTION rectify_problem_facts_sync();
--> statement-breakpoint
INSERT INTO problem_facts (id, round_id, status, light, outcome, deadline, closed_on, domain, region_id)
SELECT id, round_id, status, light, outcome, deadline, closed_on, domain, region_id FROM problems;
--> statement-breakpoint
ANALYZE problem_facts;
