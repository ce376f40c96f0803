CREATE TABLE "pb_plan_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"status" text NOT NULL,
	"body" text NOT NULL,
	"happened_on" date NOT NULL,
	"photo_id" uuid,
	"created_by" uuid,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pb_plan_updates_body" CHECK (length(trim("pb_plan_updates"."body")) > 0)
);
--> statement-breakpoint
ALTER TABLE "pb_plan_updates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pb_plan_updates" ADD CONSTRAINT "pb_plan_updates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_plan_updates" ADD CONSTRAINT "pb_plan_updates_plan_id_pb_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."pb_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_plan_updates" ADD CONSTRAINT "pb_plan_updates_photo_id_uploads_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_plan_updates" ADD CONSTRAINT "pb_plan_updates_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pb_plan_updates_plan_idx" ON "pb_plan_updates" USING btree ("plan_id","happened_on");--> statement-breakpoint
CREATE INDEX "pb_plan_updates_tenant_idx" ON "pb_plan_updates" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "pb_plan_updates_photo_idx" ON "pb_plan_updates" USING btree ("photo_id");--> statement-breakpoint
CREATE INDEX "pb_plan_updates_created_by_idx" ON "pb_plan_updates" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "pb_plan_updates_idempotency_key" ON "pb_plan_updates" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE POLICY "pb_plan_updates_tenant_isolation" ON "pb_plan_updates" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- Realisation updates are a public history: no UPDATE, DELETE or TRUNCATE, except that deleting an account may
-- forget who posted an update (its ON DELETE SET NULL). A correction is a new update.
CREATE TRIGGER "pb_plan_updates_no_update_or_delete" BEFORE UPDATE OR DELETE ON "pb_plan_updates"
  FOR EACH ROW EXECUTE FUNCTION "append_only"('created_by');--> statement-breakpoint
CREATE TRIGGER "pb_plan_updates_no_truncate" BEFORE TRUNCATE ON "pb_plan_updates"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
