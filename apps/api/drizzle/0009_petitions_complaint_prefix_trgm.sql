DROP INDEX "petitions_complaint_trgm_idx";--> statement-breakpoint
CREATE INDEX "petitions_complaint_prefix_trgm_idx" ON "petitions" USING gin (left("complaint", 32) gin_trgm_ops);