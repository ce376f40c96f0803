CREATE TABLE "fund_application_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"upload_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fund_application_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "fund_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"applicant_id" uuid NOT NULL,
	"first_time" boolean NOT NULL,
	"area_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"activity_on" date NOT NULL,
	"total_cost_cents" bigint NOT NULL,
	"requested_cents" bigint NOT NULL,
	"own_money_cents" bigint DEFAULT 0 NOT NULL,
	"own_hours" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"missing" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"complete_on" date,
	"due_on" date,
	"extended_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_on" date,
	"decided_by_id" uuid,
	"granted_cents" bigint,
	"conditions" text,
	"reasons" text,
	"commitment_id" uuid,
	"budget_year" integer,
	"report_status" text DEFAULT 'not-due' NOT NULL,
	"report_due_on" date,
	"report_text" text,
	"reported_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"idempotency_key" text NOT NULL,
	CONSTRAINT "fund_applications_reference_key" UNIQUE("tenant_id","fund_id","reference"),
	CONSTRAINT "fund_applications_tenant_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "fund_applications_amounts" CHECK (total_cost_cents > 0 and requested_cents > 0 and requested_cents <= total_cost_cents
        and own_money_cents >= 0 and own_hours >= 0
        and (granted_cents is null or (granted_cents > 0 and granted_cents <= requested_cents))),
	CONSTRAINT "fund_applications_term" CHECK ((status = 'incomplete') = (due_on is null)),
	CONSTRAINT "fund_applications_decision" CHECK (case status when 'granted' then granted_cents is not null and commitment_id is not null
        when 'refused' then reasons is not null and granted_cents is null else decided_at is null end)
);
--> statement-breakpoint
ALTER TABLE "fund_applications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "fund_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"assessor_id" uuid NOT NULL,
	"conflict" boolean NOT NULL,
	"conflict_note" text,
	"scores" jsonb,
	"remarks" text,
	"assessed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fund_assessments_assessor_key" UNIQUE("tenant_id","application_id","assessor_id"),
	CONSTRAINT "fund_assessments_conflict_no_scores" CHECK ((not conflict) = (scores is not null))
);
--> statement-breakpoint
ALTER TABLE "fund_assessments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "initiative_funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"max_per_application_cents" bigint NOT NULL,
	"yearly_budget_cents" bigint NOT NULL,
	"co_financing_percent" integer,
	"hour_value_cents" integer,
	"lead_time_days" integer NOT NULL,
	"decision_term_length" integer NOT NULL,
	"decision_term_unit" text NOT NULL,
	"extension_length" integer NOT NULL,
	"intake" text NOT NULL,
	"decision_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"advance_percent" integer NOT NULL,
	"report_term_weeks" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "initiative_funds_slug_key" UNIQUE("tenant_id","slug"),
	CONSTRAINT "initiative_funds_tenant_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "initiative_funds_rules" CHECK (max_per_application_cents > 0 and yearly_budget_cents >= 0 and lead_time_days >= 0
        and decision_term_length > 0 and extension_length >= 0 and advance_percent between 1 and 100
        and report_term_weeks > 0 and coalesce(co_financing_percent between 1 and 100, true)
        and coalesce(hour_value_cents > 0, true))
);
--> statement-breakpoint
ALTER TABLE "initiative_funds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "fund_application_files" ADD CONSTRAINT "fund_application_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_application_files" ADD CONSTRAINT "fund_application_files_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_application_files" ADD CONSTRAINT "fund_application_files_application_fk" FOREIGN KEY ("tenant_id","application_id") REFERENCES "public"."fund_applications"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_applicant_id_people_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_decided_by_id_people_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_commitment_id_ledger_entries_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."ledger_entries"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_fund_fk" FOREIGN KEY ("tenant_id","fund_id") REFERENCES "public"."initiative_funds"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_area_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_assessments" ADD CONSTRAINT "fund_assessments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_assessments" ADD CONSTRAINT "fund_assessments_assessor_id_people_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_assessments" ADD CONSTRAINT "fund_assessments_application_fk" FOREIGN KEY ("tenant_id","application_id") REFERENCES "public"."fund_applications"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_funds" ADD CONSTRAINT "initiative_funds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_application_files_application_idx" ON "fund_application_files" USING btree ("tenant_id","application_id");--> statement-breakpoint
CREATE INDEX "fund_application_files_upload_idx" ON "fund_application_files" USING btree ("upload_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_applications_idempotency_key" ON "fund_applications" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "fund_applications_area_idx" ON "fund_applications" USING btree ("tenant_id","area_id");--> statement-breakpoint
CREATE INDEX "fund_applications_applicant_idx" ON "fund_applications" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "fund_applications_decided_by_idx" ON "fund_applications" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "fund_applications_commitment_idx" ON "fund_applications" USING btree ("commitment_id");--> statement-breakpoint
CREATE INDEX "fund_assessments_assessor_idx" ON "fund_assessments" USING btree ("assessor_id");--> statement-breakpoint
CREATE POLICY "fund_application_files_tenant_isolation" ON "fund_application_files" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "fund_applications_tenant_isolation" ON "fund_applications" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "fund_assessments_tenant_isolation" ON "fund_assessments" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "initiative_funds_tenant_isolation" ON "initiative_funds" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);