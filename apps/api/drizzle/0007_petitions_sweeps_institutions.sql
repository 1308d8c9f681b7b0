CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"kind" text NOT NULL,
	"header" text NOT NULL,
	"field" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mappings_kind_header_pk" PRIMARY KEY("kind","header")
);
--> statement-breakpoint
CREATE TABLE "institution_problems" (
	"institution_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	CONSTRAINT "institution_problems_institution_id_problem_id_pk" PRIMARY KEY("institution_id","problem_id")
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"issuing_unit_id" uuid NOT NULL,
	"issued_on" date NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"search_tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "institutions_kind_check" CHECK ("institutions"."kind" in ('regulation','mechanism','document','standard','plan'))
);
--> statement-breakpoint
CREATE TABLE "petition_appearances" (
	"petition_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"row_no" integer,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_appearances_petition_id_batch_id_pk" PRIMARY KEY("petition_id","batch_id")
);
--> statement-breakpoint
CREATE TABLE "petition_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"handed_on" date NOT NULL,
	"source" text NOT NULL,
	"declared_count" integer,
	"handling_days" integer DEFAULT 7 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petition_batches_round_seq_key" UNIQUE("round_id","seq"),
	CONSTRAINT "petition_batches_source_check" CHECK ("petition_batches"."source" in ('central','provincial')),
	CONSTRAINT "petition_batches_days_check" CHECK ("petition_batches"."handling_days" between 1 and 90)
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"receipt_no" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"region_text" text DEFAULT '' NOT NULL,
	"region_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"reported_party" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"party_key" text DEFAULT '' NOT NULL,
	"address_key" text DEFAULT '' NOT NULL,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"complaint" text NOT NULL,
	"key_case" boolean DEFAULT false NOT NULL,
	"complainant_name" text DEFAULT '' NOT NULL,
	"complainant_contact" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"handling_unit_id" uuid,
	"assigned_at" timestamp with time zone,
	"deadline" date,
	"finding" text,
	"investigation" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"orders_to_rectify" integer,
	"cases_filed" integer,
	"fines_wan" double precision,
	"detained" integer,
	"talked_to" integer,
	"held_accountable" integer,
	"accountability" text DEFAULT '' NOT NULL,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"reported_by_name" text,
	"return_reason" text,
	"closed_at" timestamp with time zone,
	"callback" jsonb,
	"repeat_of_id" uuid,
	"problem_id" uuid,
	"search_tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "petitions_receipt_no_key" UNIQUE("receipt_no"),
	CONSTRAINT "petitions_status_check" CHECK ("petitions"."status" in ('received','handling','submitted','partly_closed','closed')),
	CONSTRAINT "petitions_finding_check" CHECK ("petitions"."finding" is null or "petitions"."finding" in ('true','mostly_true','partly_true','untrue')),
	CONSTRAINT "petitions_assigned_check" CHECK (("petitions"."status" = 'received') = ("petitions"."handling_unit_id" is null)),
	CONSTRAINT "petitions_not_own_repeat_check" CHECK ("petitions"."repeat_of_id" is distinct from "petitions"."id")
);
--> statement-breakpoint
CREATE TABLE "sweep_findings" (
	"problem_id" uuid PRIMARY KEY NOT NULL,
	"sweep_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sweep_units" (
	"sweep_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"statement" text,
	"signed_by" text,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"reported_by_name" text,
	CONSTRAINT "sweep_units_sweep_id_unit_id_pk" PRIMARY KEY("sweep_id","unit_id"),
	CONSTRAINT "sweep_units_status_check" CHECK ("sweep_units"."status" in ('pending','found','none')),
	CONSTRAINT "sweep_units_statement_check" CHECK (("sweep_units"."status" = 'none') = ("sweep_units"."statement" is not null and "sweep_units"."signed_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "sweeps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"title" text NOT NULL,
	"instructions" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sweeps_status_check" CHECK ("sweeps"."status" in ('open','closed'))
);
--> statement-breakpoint
ALTER TABLE "institution_problems" ADD CONSTRAINT "institution_problems_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_problems" ADD CONSTRAINT "institution_problems_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_issuing_unit_id_units_id_fk" FOREIGN KEY ("issuing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_appearances" ADD CONSTRAINT "petition_appearances_petition_id_petitions_id_fk" FOREIGN KEY ("petition_id") REFERENCES "public"."petitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_appearances" ADD CONSTRAINT "petition_appearances_batch_id_petition_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."petition_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petition_batches" ADD CONSTRAINT "petition_batches_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_batch_id_petition_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."petition_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_handling_unit_id_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "petitions" ADD CONSTRAINT "petitions_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sweep_findings" ADD CONSTRAINT "sweep_findings_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sweep_findings" ADD CONSTRAINT "sweep_findings_sweep_id_sweeps_id_fk" FOREIGN KEY ("sweep_id") REFERENCES "public"."sweeps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sweep_findings" ADD CONSTRAINT "sweep_findings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sweep_units" ADD CONSTRAINT "sweep_units_sweep_id_sweeps_id_fk" FOREIGN KEY ("sweep_id") REFERENCES "public"."sweeps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sweep_units" ADD CONSTRAINT "sweep_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sweeps" ADD CONSTRAINT "sweeps_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "institution_problems_problem_idx" ON "institution_problems" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "institutions_unit_idx" ON "institutions" USING btree ("issuing_unit_id");--> statement-breakpoint
CREATE INDEX "institutions_issued_idx" ON "institutions" USING btree ("issued_on");--> statement-breakpoint
CREATE INDEX "institutions_public_idx" ON "institutions" USING btree ("issued_on") WHERE "institutions"."public";--> statement-breakpoint
CREATE INDEX "institutions_search_idx" ON "institutions" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "petition_appearances_batch_idx" ON "petition_appearances" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "petitions_batch_idx" ON "petitions" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "petitions_status_idx" ON "petitions" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "petitions_unit_idx" ON "petitions" USING btree ("handling_unit_id");--> statement-breakpoint
CREATE INDEX "petitions_problem_idx" ON "petitions" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "petitions_repeat_idx" ON "petitions" USING btree ("repeat_of_id");--> statement-breakpoint
CREATE INDEX "petitions_party_idx" ON "petitions" USING btree ("party_key");--> statement-breakpoint
CREATE INDEX "petitions_address_idx" ON "petitions" USING btree ("address_key");--> statement-breakpoint
CREATE INDEX "petitions_regions_idx" ON "petitions" USING gin ("region_ids");--> statement-breakpoint
CREATE INDEX "petitions_search_idx" ON "petitions" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "petitions_complaint_trgm_idx" ON "petitions" USING gin ("complaint" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sweep_findings_sweep_idx" ON "sweep_findings" USING btree ("sweep_id","unit_id");--> statement-breakpoint
CREATE INDEX "sweep_units_unit_idx" ON "sweep_units" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "sweeps_problem_idx" ON "sweeps" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "sweeps_status_idx" ON "sweeps" USING btree ("status","due_date");