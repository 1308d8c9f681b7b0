-- drizzle-kit wrote this as DROP INDEX and CREATE INDEX for each: a rebuild of every GIN index
-- under an exclusive lock (minutes for a province's problems). Changing the storage parameter in
-- place holds a lock that lets reads and writes go on, and it leaves the same index. The new limit
-- only applies when a later write grows the pending list, so each list is also merged into its
-- index now. Until then, every scan would go on reading up to 4 MB of pending list.
ALTER INDEX "problems_search_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "public_reports_search_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "institutions_search_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "petitions_repeat_keys_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "petitions_regions_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "petitions_search_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "petitions_repeat_text_trgm_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "problem_facts_units_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
SELECT gin_clean_pending_list('problems_search_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('public_reports_search_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('institutions_search_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('petitions_repeat_keys_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('petitions_regions_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('petitions_search_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('petitions_repeat_text_trgm_idx');--> statement-breakpoint
SELECT gin_clean_pending_list('problem_facts_units_idx');
