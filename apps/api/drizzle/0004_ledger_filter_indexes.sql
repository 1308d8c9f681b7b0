CREATE INDEX "problems_domain_idx" ON "problems" USING btree ("domain","status");--> statement-breakpoint
CREATE INDEX "problems_mode_idx" ON "problems" USING btree ("mode");--> statement-breakpoint
CREATE INDEX "problems_source_idx" ON "problems" USING btree ("source");--> statement-breakpoint
CREATE INDEX "problems_nature_idx" ON "problems" USING btree ("nature");