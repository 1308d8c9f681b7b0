CREATE TABLE "rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"stationed_from" date,
	"stationed_to" date,
	"feedback_date" date,
	"plan_approved_date" date,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rounds_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"measure_id" uuid,
	"current_deadline" date NOT NULL,
	"requested_deadline" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"decision_reason" text,
	"requested_by" uuid,
	"requested_by_name" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_name" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"deadline" date NOT NULL,
	"original_deadline" date,
	"weight" double precision DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"percent" double precision DEFAULT 0 NOT NULL,
	"done_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_dates_check" CHECK ("measures"."start_date" <= "measures"."deadline"),
	CONSTRAINT "measures_status_check" CHECK ("measures"."status" in ('pending','in_progress','done'))
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"measure_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"due_date" date NOT NULL,
	"weight" double precision,
	"done_date" date
);
--> statement-breakpoint
CREATE TABLE "problem_units" (
	"problem_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "problem_units_problem_id_unit_id_role_pk" PRIMARY KEY("problem_id","unit_id","role")
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"nature" text NOT NULL,
	"domain" text NOT NULL,
	"region_id" uuid,
	"mode" text NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"deadline" date NOT NULL,
	"original_deadline" date,
	"lead_leader" jsonb,
	"lead_unit_id" uuid NOT NULL,
	"responsible_persons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parent_id" uuid,
	"public" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rebound" boolean DEFAULT false NOT NULL,
	"reported_progress" double precision DEFAULT 0 NOT NULL,
	"planned_progress" double precision DEFAULT 0 NOT NULL,
	"light" text DEFAULT 'green' NOT NULL,
	"light_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"light_as_of" date,
	"search_tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problems_round_code_key" UNIQUE("round_id","code"),
	CONSTRAINT "problems_status_check" CHECK ("problems"."status" in ('draft','plan_review','in_progress','acceptance','publicity','closed')),
	CONSTRAINT "problems_light_check" CHECK ("problems"."light" in ('green','blue','yellow','red'))
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"size" bigint NOT NULL,
	"mime_type" text NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"owner_type" text,
	"owner_id" uuid,
	"problem_id" uuid,
	"unit_id" uuid,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"measure_id" uuid,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"done" text NOT NULL,
	"percent" double precision NOT NULL,
	"issues" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"rating" text,
	"submitted_by" uuid,
	"submitted_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_reports_status_check" CHECK ("progress_reports"."status" in ('submitted','accepted','returned')),
	CONSTRAINT "progress_reports_percent_check" CHECK ("progress_reports"."percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "extensions" ADD CONSTRAINT "extensions_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extensions" ADD CONSTRAINT "extensions_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_units" ADD CONSTRAINT "problem_units_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_units" ADD CONSTRAINT "problem_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_region_id_units_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_parent_id_problems_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "extensions_problem_idx" ON "extensions" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "extensions_status_idx" ON "extensions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "measures_problem_idx" ON "measures" USING btree ("problem_id","seq");--> statement-breakpoint
CREATE INDEX "measures_unit_idx" ON "measures" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "milestones_measure_idx" ON "milestones" USING btree ("measure_id","seq");--> statement-breakpoint
CREATE INDEX "problem_units_unit_idx" ON "problem_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "problems_status_idx" ON "problems" USING btree ("status");--> statement-breakpoint
CREATE INDEX "problems_light_idx" ON "problems" USING btree ("light","deadline");--> statement-breakpoint
CREATE INDEX "problems_deadline_idx" ON "problems" USING btree ("deadline","id");--> statement-breakpoint
CREATE INDEX "problems_updated_idx" ON "problems" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "problems_code_idx" ON "problems" USING btree ("code","id");--> statement-breakpoint
CREATE INDEX "problems_lead_unit_idx" ON "problems" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "problems_region_idx" ON "problems" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "problems_parent_idx" ON "problems" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "problems_search_idx" ON "problems" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "files_problem_idx" ON "files" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "progress_reports_problem_idx" ON "progress_reports" USING btree ("problem_id","created_at");--> statement-breakpoint
CREATE INDEX "progress_reports_status_idx" ON "progress_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "progress_reports_unit_idx" ON "progress_reports" USING btree ("unit_id");