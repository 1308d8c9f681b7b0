ALTER TABLE "problems" ADD COLUMN "deadline_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "dispatch_periods" ADD COLUMN "bulletin_requirements" text DEFAULT '' NOT NULL;