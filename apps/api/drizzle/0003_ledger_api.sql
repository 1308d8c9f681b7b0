DROP INDEX "problem_units_unit_idx";--> statement-breakpoint
ALTER TABLE "extensions" ADD COLUMN "requested_by_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "extensions" ADD CONSTRAINT "extensions_requested_by_unit_id_units_id_fk" FOREIGN KEY ("requested_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_problem_idx" ON "audit_log" USING btree (("after" ->> 'problemId')) WHERE ("audit_log"."after" ->> 'problemId') is not null;--> statement-breakpoint
CREATE INDEX "problems_light_rank_idx" ON "problems" USING btree ((case "light" when 'red' then 0 when 'yellow' then 1 when 'blue' then 2 else 3 end),"deadline","id");--> statement-breakpoint
CREATE INDEX "problem_units_unit_idx" ON "problem_units" USING btree ("unit_id","role","problem_id");