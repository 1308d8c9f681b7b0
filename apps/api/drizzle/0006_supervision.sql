CREATE TABLE "accountability_problems" (
	"record_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	CONSTRAINT "accountability_problems_record_id_problem_id_pk" PRIMARY KEY("record_id","problem_id")
);
--> statement-breakpoint
CREATE TABLE "accountability_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"person_name" text,
	"person_post" text,
	"form" text NOT NULL,
	"deciding_body" text NOT NULL,
	"decision_date" date NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accountability_subject_check" CHECK ("accountability_records"."subject_kind" in ('unit','person')),
	CONSTRAINT "accountability_person_check" CHECK ("accountability_records"."subject_kind" = 'unit' or "accountability_records"."person_name" is not null),
	CONSTRAINT "accountability_form_check" CHECK ("accountability_records"."form" in ('talk','criticism','admonition','organisational','party_discipline','administrative_sanction','judicial_transfer'))
);
--> statement-breakpoint
CREATE TABLE "assessment_rules" (
	"code" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"description" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_suggestions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"problem_id" uuid,
	"kind" text NOT NULL,
	"rule" text NOT NULL,
	"facts" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"card_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "card_suggestions_key_unique" UNIQUE("key"),
	CONSTRAINT "card_suggestions_kind_check" CHECK ("card_suggestions"."kind" in ('yellow_card','red_card','supervision_notice','admonishing_talk')),
	CONSTRAINT "card_suggestions_status_check" CHECK ("card_suggestions"."status" in ('pending','confirmed','dismissed'))
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"color" text NOT NULL,
	"reason" text NOT NULL,
	"problem_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issued_on" date NOT NULL,
	"issued_by" uuid,
	"issued_by_name" text NOT NULL,
	"suggestion_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cards_color_check" CHECK ("cards"."color" in ('yellow','red'))
);
--> statement-breakpoint
CREATE TABLE "dispatch_periods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"summary" jsonb,
	"opened_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatch_periods_round_period_key" UNIQUE("round_id","period"),
	CONSTRAINT "dispatch_periods_status_check" CHECK ("dispatch_periods"."status" in ('open','closed')),
	CONSTRAINT "dispatch_periods_summary_check" CHECK (("dispatch_periods"."status" = 'closed') = ("dispatch_periods"."summary" is not null))
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content" text NOT NULL,
	"site" text DEFAULT '' NOT NULL,
	"unit_id" uuid,
	"problem_id" uuid,
	"opened" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_findings_seq_key" UNIQUE("inspection_id","seq")
);
--> statement-breakpoint
CREATE TABLE "inspection_units" (
	"inspection_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "inspection_units_inspection_id_unit_id_pk" PRIMARY KEY("inspection_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"planned_date" date NOT NULL,
	"team" text DEFAULT '' NOT NULL,
	"sites" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_date" date,
	"summary" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_kind_check" CHECK ("inspections"."kind" in ('routine','unannounced')),
	CONSTRAINT "inspections_status_check" CHECK ("inspections"."status" in ('planned','done','cancelled')),
	CONSTRAINT "inspections_done_check" CHECK (("inspections"."status" = 'done') = ("inspections"."done_date" is not null))
);
--> statement-breakpoint
CREATE TABLE "notice_problems" (
	"notice_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	CONSTRAINT "notice_problems_notice_id_problem_id_pk" PRIMARY KEY("notice_id","problem_id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"level" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"reply_due" date NOT NULL,
	"issued_on" date NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"reply_text" text,
	"replied_at" timestamp with time zone,
	"replied_by" uuid,
	"replied_by_name" text,
	"closed_at" timestamp with time zone,
	"close_note" text,
	"parent_id" uuid,
	"issued_by" uuid,
	"issued_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_year_seq_key" UNIQUE("year","seq"),
	CONSTRAINT "notices_level_check" CHECK ("notices"."level" in ('reminder','supervision','warning','listed')),
	CONSTRAINT "notices_status_check" CHECK ("notices"."status" in ('issued','replied','closed','escalated'))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"unit_id" uuid,
	"data" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone,
	CONSTRAINT "events_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "inbox_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"entity_type" text,
	"entity_id" uuid,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"deadline" date NOT NULL,
	"offset_days" integer NOT NULL,
	"level" text NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_once_key" UNIQUE("subject_type","subject_id","unit_id","deadline","offset_days"),
	CONSTRAINT "reminders_sent_level_check" CHECK ("reminders_sent"."level" in ('contact','head','office'))
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subscription_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_status_code" integer,
	"last_latency_ms" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_once_key" UNIQUE("subscription_id","event_id"),
	CONSTRAINT "webhook_deliveries_status_check" CHECK ("webhook_deliveries"."status" in ('pending','succeeded','failed','dead'))
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"event_types" text[] NOT NULL,
	"format" text NOT NULL,
	"secret" text,
	"active" boolean DEFAULT true NOT NULL,
	"paused_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_subscriptions_format_check" CHECK ("webhook_subscriptions"."format" in ('json','wecom','dingtalk','sms'))
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "contact_user_id" uuid;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "head_user_id" uuid;--> statement-breakpoint
ALTER TABLE "accountability_problems" ADD CONSTRAINT "accountability_problems_record_id_accountability_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."accountability_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_problems" ADD CONSTRAINT "accountability_problems_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_records" ADD CONSTRAINT "accountability_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_suggestions" ADD CONSTRAINT "card_suggestions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_suggestions" ADD CONSTRAINT "card_suggestions_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_periods" ADD CONSTRAINT "dispatch_periods_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_units" ADD CONSTRAINT "inspection_units_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_units" ADD CONSTRAINT "inspection_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_problems" ADD CONSTRAINT "notice_problems_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_problems" ADD CONSTRAINT "notice_problems_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accountability_problems_problem_idx" ON "accountability_problems" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "accountability_unit_idx" ON "accountability_records" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "accountability_date_idx" ON "accountability_records" USING btree ("decision_date","id");--> statement-breakpoint
CREATE INDEX "card_suggestions_status_idx" ON "card_suggestions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "cards_unit_idx" ON "cards" USING btree ("unit_id","issued_on");--> statement-breakpoint
CREATE INDEX "dispatch_periods_status_idx" ON "dispatch_periods" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "inspection_findings_problem_idx" ON "inspection_findings" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "inspection_units_unit_idx" ON "inspection_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "inspections_planned_idx" ON "inspections" USING btree ("planned_date");--> statement-breakpoint
CREATE INDEX "notice_problems_problem_idx" ON "notice_problems" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "notices_unit_idx" ON "notices" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "notices_status_idx" ON "notices" USING btree ("status","reply_due");--> statement-breakpoint
CREATE INDEX "events_undispatched_idx" ON "events" USING btree ("seq") WHERE "events"."dispatched_at" is null;--> statement-breakpoint
CREATE INDEX "inbox_user_idx" ON "inbox_messages" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "inbox_unread_idx" ON "inbox_messages" USING btree ("user_id") WHERE "inbox_messages"."read_at" is null;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_subscription_idx" ON "webhook_deliveries" USING btree ("subscription_id","created_at");--> statement-breakpoint
-- The default assessment rules (考核扣分): points deducted per occurrence; the office edits them.
INSERT INTO "assessment_rules" ("code", "points", "description") VALUES
  ('yellow_card', 2, '被亮黄牌，每次扣 2 分'),
  ('red_card', 5, '被亮红牌，每次扣 5 分'),
  ('overdue_problem', 2, '问题逾期未完成整改，每个扣 2 分'),
  ('overdue_reply', 1, '督办单逾期未回复，每件扣 1 分')
ON CONFLICT DO NOTHING;
