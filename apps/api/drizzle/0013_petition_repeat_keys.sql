DROP INDEX "petitions_party_idx";--> statement-breakpoint
DROP INDEX "petitions_address_idx";--> statement-breakpoint
DROP INDEX "petitions_complaint_prefix_trgm_idx";--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "repeat_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "repeat_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "petitions_repeat_keys_idx" ON "petitions" USING gin ("repeat_keys");--> statement-breakpoint
CREATE INDEX "petitions_repeat_text_trgm_idx" ON "petitions" USING gin ("repeat_text" gin_trgm_ops);--> statement-breakpoint
-- Cases recorded before this migration: the keys SQL can derive (the party and the address as
-- written, the complaint without spaces and punctuation); every write since stores the full
-- keys of petitions/repeat-keys.ts.
UPDATE "petitions" SET
  "repeat_keys" = array_remove(array[
    CASE WHEN "party_key" <> '' THEN 'p:' || "party_key" END,
    CASE WHEN "party_key" <> '' THEN 'q:' || left("party_key", 4) END,
    CASE WHEN length("address_key") >= 4 THEN 'a:' || "address_key" END], NULL),
  "repeat_text" = left(regexp_replace(lower(normalize("complaint", NFKC)), '[[:space:][:punct:]]+', '', 'g'), 80);
