CREATE TABLE "advice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"subject" text NOT NULL,
	"question" text,
	"requested_on" date,
	"requested_at" timestamp with time zone,
	"requested_by_id" uuid,
	"advice_term_length" integer,
	"advice_term_unit" text,
	"advice_due_on" date,
	"advice_text" text,
	"advised_on" date,
	"advised_at" timestamp with time zone,
	"advised_by_id" uuid,
	"response_term_length" integer,
	"response_term_unit" text,
	"response_due_on" date,
	"outcome" text,
	"reasons" text,
	"responded_on" date,
	"responded_at" timestamp with time zone,
	"responded_by_id" uuid,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advice_solicited_has_request" CHECK (("advice"."kind" = 'solicited') = ("advice"."requested_on" is not null and "advice"."requested_at" is not null
        and "advice"."question" is not null and "advice"."advice_due_on" is not null and "advice"."advice_term_length" is not null
        and "advice"."advice_term_unit" is not null)),
	CONSTRAINT "advice_advised_has_advice" CHECK (("advice"."status" <> 'requested') = ("advice"."advice_text" is not null and "advice"."advised_on" is not null
        and "advice"."advised_at" is not null and "advice"."response_due_on" is not null and "advice"."response_term_length" is not null
        and "advice"."response_term_unit" is not null)),
	CONSTRAINT "advice_responded_has_response" CHECK (("advice"."status" = 'responded') = ("advice"."outcome" is not null and "advice"."reasons" is not null
        and "advice"."responded_on" is not null and "advice"."responded_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "advice" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "advice_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"council_term_length" integer NOT NULL,
	"council_term_unit" text NOT NULL,
	"response_term_length" integer NOT NULL,
	"response_term_unit" text NOT NULL,
	"reminder_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advice_settings_council_term" CHECK ("advice_settings"."council_term_length" between 1 and 365),
	CONSTRAINT "advice_settings_response_term" CHECK ("advice_settings"."response_term_length" between 1 and 365),
	CONSTRAINT "advice_settings_reminder" CHECK ("advice_settings"."reminder_days" between 0 and 30)
);
--> statement-breakpoint
ALTER TABLE "advice_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_requested_by_id_people_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_advised_by_id_people_id_fk" FOREIGN KEY ("advised_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_responded_by_id_people_id_fk" FOREIGN KEY ("responded_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice" ADD CONSTRAINT "advice_council_fk" FOREIGN KEY ("tenant_id","council_id") REFERENCES "public"."councils"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_settings" ADD CONSTRAINT "advice_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advice_council_idx" ON "advice" USING btree ("tenant_id","council_id");--> statement-breakpoint
CREATE INDEX "advice_requested_by_idx" ON "advice" USING btree ("requested_by_id");--> statement-breakpoint
CREATE INDEX "advice_advised_by_idx" ON "advice" USING btree ("advised_by_id");--> statement-breakpoint
CREATE INDEX "advice_responded_by_idx" ON "advice" USING btree ("responded_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "advice_idempotency_key" ON "advice" USING btree ("tenant_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE POLICY "advice_tenant_isolation" ON "advice" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "advice_settings_tenant_isolation" ON "advice_settings" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);