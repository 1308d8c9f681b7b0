ALTER TABLE "petitions" ADD COLUMN "complainant_name_index" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "complainant_contact_index" text DEFAULT '' NOT NULL;