CREATE TABLE "petition_disclosures" (
	"batch_id" uuid NOT NULL,
	"petition_id" uuid NOT NULL,
	"row" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "petition_disclosures_batch_id_petition_id_pk" PRIMARY KEY("batch_id","petition_id")
);
--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "handling_import_file_id" uuid;--> statement-breakpoint
ALTER TABLE "petition_disclosures" ADD CONSTRAINT "petition_disclosures_batch_id_petition_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."petition_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_disclosures" ADD CONSTRAINT "petition_disclosures_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_handling_import_file_id_files_id_fk" FOREIGN KEY ("handling_import_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Batches published before this migration keep showing what they showed: their reviewed cases
-- as they read now become the published disclosure rows (the columns of PublicPetitionRow).
INSERT INTO "petition_disclosures" ("batch_id", "petition_id", "row", "published_at")
SELECT b."id", p."id", jsonb_build_object(
  'receiptNo', p."receipt_no",
  'region', coalesce(nullif(p."region_text", ''),
    (SELECT coalesce(string_agg(u."name", '、' ORDER BY array_position(p."region_ids", u."id")), '')
     FROM "units" u WHERE u."id" = ANY(p."region_ids"))),
  'domains', to_jsonb(p."domains"),
  'complaint', p."complaint",
  'finding', p."finding",
  'handling', p."measures",
  'accountability', p."accountability",
  'status', p."status"), b."published_at"
FROM "petition_batches" b
JOIN "petition_appearances" pa ON pa."batch_id" = b."id"
JOIN "petitions" p ON p."id" = pa."petition_id"
WHERE b."published_at" IS NOT NULL AND p."status" IN ('partly_closed', 'closed');
