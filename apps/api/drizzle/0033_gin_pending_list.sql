-- drizzle-kit wrote this as DROP INDEX and CREATE INDEX for each: a rebuild of every GIN index
-- under an exclusive lock (minutes for a province's problems). Changing the storage parameter in
-- place holds a lock that lets reads and writes go on, and it leaves the same index. The new limit
-- is applied the next time the pending list grows.
ALTER INDEX "problems_search_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "public_reports_search_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "institutions_search_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "petitions_repeat_keys_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "petitions_regions_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "petitions_search_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "petitions_repeat_text_trgm_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "problem_facts_units_idx" SET (gin_pending_list_limit=128);
