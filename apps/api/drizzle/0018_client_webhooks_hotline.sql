ALTER TABLE "progress_reports" ADD COLUMN "submitted_by_client" uuid;--> statement-breakpoint
ALTER TABLE "public_reports" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "public_reports" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "public_reports" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "public_reports" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "public_reports" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_submitted_by_client_api_clients_id_fk" FOREIGN KEY ("submitted_by_client") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_reports" ADD CONSTRAINT "public_reports_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_client_id_api_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."api_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_client_idx" ON "webhook_subscriptions" USING btree ("client_id");--> statement-breakpoint
ALTER TABLE "public_reports" ADD CONSTRAINT "public_reports_client_ticket_key" UNIQUE("client_id","external_id");--> statement-breakpoint
ALTER TABLE "public_reports" ADD CONSTRAINT "public_reports_ticket_check" CHECK (("public_reports"."client_id" is null) = ("public_reports"."external_id" is null));