CREATE TABLE "acceptance_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"acceptance_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"level_kind" text NOT NULL,
	"reviewer_id" uuid,
	"reviewer_name" text NOT NULL,
	"reviewer_unit_id" uuid,
	"check_date" date NOT NULL,
	"checklist" jsonb NOT NULL,
	"opinion" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"snapshot" jsonb,
	"snapshot_sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_reviews_level_key" UNIQUE("acceptance_id","level"),
	CONSTRAINT "acceptance_reviews_decision_check" CHECK ("acceptance_reviews"."decision" in ('pass','return')),
	CONSTRAINT "acceptance_reviews_reason_check" CHECK ("acceptance_reviews"."decision" = 'pass' or "acceptance_reviews"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "acceptances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"status" text DEFAULT 'in_review' NOT NULL,
	"self_check" text NOT NULL,
	"levels" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"current_level" integer,
	"applied_by" uuid,
	"applied_by_name" text NOT NULL,
	"applied_unit_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptances_problem_seq_key" UNIQUE("problem_id","seq"),
	CONSTRAINT "acceptances_status_check" CHECK ("acceptances"."status" in ('in_review','passed','returned'))
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "calendar_days_kind_check" CHECK ("calendar_days"."kind" in ('holiday','workday'))
);
--> statement-breakpoint
CREATE TABLE "closeouts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"publicity_id" uuid,
	"outcome" text NOT NULL,
	"reason" text,
	"closed_on" date NOT NULL,
	"closed_by" uuid,
	"closed_by_name" text NOT NULL,
	"reopened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closeouts_outcome_check" CHECK ("closeouts"."outcome" in ('rectified','not_rectified')),
	CONSTRAINT "closeouts_reason_check" CHECK ("closeouts"."outcome" = 'rectified' or "closeouts"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "publicities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"acceptance_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"notice" text NOT NULL,
	"days" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"opened_by" uuid,
	"opened_by_name" text NOT NULL,
	"ended_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publicities_status_check" CHECK ("publicities"."status" in ('open','ended','overturned')),
	CONSTRAINT "publicities_dates_check" CHECK ("publicities"."start_date" <= "publicities"."end_date")
);
--> statement-breakpoint
CREATE TABLE "rebound_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"closeout_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"source" text,
	"check_date" date,
	"findings" text,
	"reviewer_id" uuid,
	"reviewer_name" text,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rebound_reviews_closeout_months_key" UNIQUE("closeout_id","months"),
	CONSTRAINT "rebound_reviews_status_check" CHECK ("rebound_reviews"."status" in ('scheduled','passed','failed','cancelled')),
	CONSTRAINT "rebound_reviews_source_check" CHECK ("rebound_reviews"."source" is null or "rebound_reviews"."source" in ('office','inspection'))
);
--> statement-breakpoint
CREATE TABLE "public_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tracking_code" text NOT NULL,
	"reporter_type" text NOT NULL,
	"name" text,
	"contact" text,
	"content" text NOT NULL,
	"problem_id" uuid,
	"publicity_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"ruling" text,
	"ruling_reason" text,
	"ruled_by" uuid,
	"ruled_at" timestamp with time zone,
	"reply" text,
	"replied_at" timestamp with time zone,
	"created_problem_id" uuid,
	"challenge_salt" text NOT NULL,
	"ip_hash" text,
	"search_tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_reports_tracking_code_unique" UNIQUE("tracking_code"),
	CONSTRAINT "public_reports_challenge_salt_unique" UNIQUE("challenge_salt"),
	CONSTRAINT "public_reports_status_check" CHECK ("public_reports"."status" in ('new','replied','linked','converted','objection')),
	CONSTRAINT "public_reports_reporter_check" CHECK ("public_reports"."reporter_type" in ('citizen','npc_deputy','cppcc_member','journalist','other')),
	CONSTRAINT "public_reports_ruling_check" CHECK ("public_reports"."ruling" is null or "public_reports"."ruling" in ('pending','upheld','rejected'))
);
--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "acceptance_reviews" ADD CONSTRAINT "acceptance_reviews_acceptance_id_acceptances_id_fk" FOREIGN KEY ("acceptance_id") REFERENCES "public"."acceptances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_reviews" ADD CONSTRAINT "acceptance_reviews_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_reviews" ADD CONSTRAINT "acceptance_reviews_reviewer_unit_id_units_id_fk" FOREIGN KEY ("reviewer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptances" ADD CONSTRAINT "acceptances_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptances" ADD CONSTRAINT "acceptances_applied_unit_id_units_id_fk" FOREIGN KEY ("applied_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closeouts" ADD CONSTRAINT "closeouts_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closeouts" ADD CONSTRAINT "closeouts_publicity_id_publicities_id_fk" FOREIGN KEY ("publicity_id") REFERENCES "public"."publicities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicities" ADD CONSTRAINT "publicities_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicities" ADD CONSTRAINT "publicities_acceptance_id_acceptances_id_fk" FOREIGN KEY ("acceptance_id") REFERENCES "public"."acceptances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rebound_reviews" ADD CONSTRAINT "rebound_reviews_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rebound_reviews" ADD CONSTRAINT "rebound_reviews_closeout_id_closeouts_id_fk" FOREIGN KEY ("closeout_id") REFERENCES "public"."closeouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_reports" ADD CONSTRAINT "public_reports_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_reports" ADD CONSTRAINT "public_reports_publicity_id_publicities_id_fk" FOREIGN KEY ("publicity_id") REFERENCES "public"."publicities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_reports" ADD CONSTRAINT "public_reports_created_problem_id_problems_id_fk" FOREIGN KEY ("created_problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "acceptance_reviews_problem_idx" ON "acceptance_reviews" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "acceptances_status_idx" ON "acceptances" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "acceptances_one_open_idx" ON "acceptances" USING btree ("problem_id") WHERE "acceptances"."status" = 'in_review';--> statement-breakpoint
CREATE INDEX "closeouts_problem_idx" ON "closeouts" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "publicities_problem_idx" ON "publicities" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "publicities_open_idx" ON "publicities" USING btree ("problem_id") WHERE "publicities"."status" = 'open';--> statement-breakpoint
CREATE INDEX "publicities_status_idx" ON "publicities" USING btree ("status","end_date");--> statement-breakpoint
CREATE INDEX "rebound_reviews_problem_idx" ON "rebound_reviews" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "rebound_reviews_due_idx" ON "rebound_reviews" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "public_reports_status_idx" ON "public_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "public_reports_problem_idx" ON "public_reports" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "public_reports_publicity_idx" ON "public_reports" USING btree ("publicity_id","ruling");--> statement-breakpoint
CREATE INDEX "public_reports_created_idx" ON "public_reports" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "public_reports_search_idx" ON "public_reports" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "problems_public_idx" ON "problems" USING btree ("updated_at","id") WHERE "problems"."public";--> statement-breakpoint
CREATE INDEX "problems_rebound_idx" ON "problems" USING btree ("id") WHERE "problems"."rebound";--> statement-breakpoint
-- Problems closed before close-outs were recorded count as rectified on their last update.
UPDATE "problems" SET "outcome" = 'rectified', "closed_on" = ("updated_at" at time zone 'Asia/Shanghai')::date WHERE "status" = 'closed';--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_outcome_check" CHECK (("problems"."status" = 'closed') = ("problems"."outcome" is not null) and "problems"."outcome" in ('rectified','not_rectified'));