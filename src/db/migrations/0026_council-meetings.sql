CREATE TABLE "council_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"visibility" text NOT NULL,
	"report" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "council_agenda_items_meeting_id_key" UNIQUE("tenant_id","meeting_id","id"),
	CONSTRAINT "council_agenda_items_position_key" UNIQUE("tenant_id","meeting_id","position"),
	CONSTRAINT "council_agenda_items_position" CHECK ("council_agenda_items"."position" between 1 and 999)
);
--> statement-breakpoint
ALTER TABLE "council_agenda_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "council_meeting_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid,
	"upload_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "council_meeting_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "council_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"online_url" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"report_kind" text,
	"report" text,
	"reported_at" timestamp with time zone,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "council_meetings_tenant_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "council_meetings_idempotency_key" UNIQUE("tenant_id","idempotency_key"),
	CONSTRAINT "council_meetings_times" CHECK ("council_meetings"."ends_at" > "council_meetings"."starts_at"),
	CONSTRAINT "council_meetings_online_url_form" CHECK ("council_meetings"."online_url" is null or "council_meetings"."online_url" ~ '^https?://'),
	CONSTRAINT "council_meetings_published" CHECK (("council_meetings"."status" = 'published') = ("council_meetings"."published_at" is not null)),
	CONSTRAINT "council_meetings_report" CHECK (("council_meetings"."report_kind" is null) = ("council_meetings"."reported_at" is null)
        and ("council_meetings"."reported_at" is null or ("council_meetings"."status" = 'published' and "council_meetings"."reported_at" >= "council_meetings"."starts_at")))
);
--> statement-breakpoint
ALTER TABLE "council_meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD CONSTRAINT "council_agenda_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_agenda_items" ADD CONSTRAINT "council_agenda_items_meeting_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."council_meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meeting_documents" ADD CONSTRAINT "council_meeting_documents_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meeting_documents" ADD CONSTRAINT "council_meeting_documents_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meeting_documents" ADD CONSTRAINT "council_meeting_documents_meeting_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."council_meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meeting_documents" ADD CONSTRAINT "council_meeting_documents_item_fk" FOREIGN KEY ("tenant_id","meeting_id","item_id") REFERENCES "public"."council_agenda_items"("tenant_id","meeting_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_council_fk" FOREIGN KEY ("tenant_id","council_id") REFERENCES "public"."councils"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_meeting_documents_meeting_idx" ON "council_meeting_documents" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "council_meeting_documents_item_idx" ON "council_meeting_documents" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE INDEX "council_meeting_documents_upload_idx" ON "council_meeting_documents" USING btree ("upload_id");--> statement-breakpoint
CREATE INDEX "council_meetings_council_idx" ON "council_meetings" USING btree ("tenant_id","council_id","starts_at");--> statement-breakpoint
CREATE POLICY "council_agenda_items_tenant_isolation" ON "council_agenda_items" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "council_meeting_documents_tenant_isolation" ON "council_meeting_documents" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "council_meetings_tenant_isolation" ON "council_meetings" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);