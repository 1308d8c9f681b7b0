CREATE TABLE "change_heads" (
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"reach" uuid[] NOT NULL,
	"problem_id" uuid,
	CONSTRAINT "change_heads_entity_type_entity_id_pk" PRIMARY KEY("entity_type","entity_id")
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"version" integer,
	"problem_id" uuid,
	"reach" uuid[] NOT NULL,
	"prev_reach" uuid[] NOT NULL,
	"audit_seq" bigint NOT NULL,
	CONSTRAINT "changes_action_check" CHECK ("changes"."action" in ('created','updated','deleted'))
);
--> statement-breakpoint
ALTER TABLE "progress_reports" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "changes_at_idx" ON "changes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "progress_reports_updated_idx" ON "progress_reports" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "notices_updated_idx" ON "notices" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "petitions_updated_idx" ON "petitions" USING btree ("updated_at","id");--> statement-breakpoint
UPDATE "progress_reports" SET "updated_at" = coalesce("reviewed_at", "created_at");--> statement-breakpoint
UPDATE "notices" SET "updated_at" = greatest("created_at", "replied_at", "closed_at");
