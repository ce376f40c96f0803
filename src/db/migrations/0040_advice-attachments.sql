ALTER TABLE "advice" ADD CONSTRAINT "advice_tenant_id_key" UNIQUE("tenant_id","id");--> statement-breakpoint
CREATE TABLE "advice_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"advice_id" uuid NOT NULL,
	"side" text NOT NULL,
	"upload_id" uuid NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advice_attachments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "advice_attachments" ADD CONSTRAINT "advice_attachments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_attachments" ADD CONSTRAINT "advice_attachments_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_attachments" ADD CONSTRAINT "advice_attachments_advice_fk" FOREIGN KEY ("tenant_id","advice_id") REFERENCES "public"."advice"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advice_attachments_advice_idx" ON "advice_attachments" USING btree ("tenant_id","advice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advice_attachments_upload_key" ON "advice_attachments" USING btree ("upload_id");--> statement-breakpoint
CREATE POLICY "advice_attachments_tenant_isolation" ON "advice_attachments" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);