CREATE TABLE "data_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"suite" text NOT NULL,
	"kek_id" text NOT NULL,
	"wrapped" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"rewraps" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "data_keys_purpose_check" CHECK ("data_keys"."purpose" in ('data','index')),
	CONSTRAINT "data_keys_suite_check" CHECK ("data_keys"."suite" in ('intl','sm')),
	CONSTRAINT "data_keys_status_check" CHECK ("data_keys"."status" in ('active','retired'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "data_keys_active_key" ON "data_keys" USING btree ("purpose") WHERE "data_keys"."status" = 'active';