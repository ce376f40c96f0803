CREATE TABLE "pb_paper_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"round_area_id" uuid NOT NULL,
	"label" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"differences" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "pb_paper_batches_label_key" UNIQUE("round_id","label")
);
--> statement-breakpoint
ALTER TABLE "pb_paper_batches" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pb_paper_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"entered_by" uuid NOT NULL,
	"ballots" jsonb NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pb_paper_entries_person_key" UNIQUE("batch_id","entered_by")
);
--> statement-breakpoint
ALTER TABLE "pb_paper_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pb_paper_batches" ADD CONSTRAINT "pb_paper_batches_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_paper_batches" ADD CONSTRAINT "pb_paper_batches_round_id_pb_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pb_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_paper_batches" ADD CONSTRAINT "pb_paper_batches_round_area_id_pb_round_areas_id_fk" FOREIGN KEY ("round_area_id") REFERENCES "public"."pb_round_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_paper_batches" ADD CONSTRAINT "pb_paper_batches_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_paper_entries" ADD CONSTRAINT "pb_paper_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_paper_entries" ADD CONSTRAINT "pb_paper_entries_batch_id_pb_paper_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."pb_paper_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_paper_entries" ADD CONSTRAINT "pb_paper_entries_entered_by_people_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pb_paper_batches_area_idx" ON "pb_paper_batches" USING btree ("round_area_id");--> statement-breakpoint
CREATE INDEX "pb_paper_batches_tenant_idx" ON "pb_paper_batches" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "pb_paper_batches_created_by_idx" ON "pb_paper_batches" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "pb_paper_entries_entered_by_idx" ON "pb_paper_entries" USING btree ("entered_by");--> statement-breakpoint
CREATE INDEX "pb_paper_entries_tenant_idx" ON "pb_paper_entries" USING btree ("tenant_id");--> statement-breakpoint
CREATE POLICY "pb_paper_batches_tenant_isolation" ON "pb_paper_batches" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "pb_paper_entries_tenant_isolation" ON "pb_paper_entries" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);