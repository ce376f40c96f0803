CREATE TABLE "participation_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"decision_kind" text NOT NULL,
	"label" text NOT NULL,
	"needs_plan" boolean DEFAULT true NOT NULL,
	"minimum_level" text NOT NULL,
	CONSTRAINT "participation_rules_kind_key" UNIQUE("tenant_id","decision_kind")
);
--> statement-breakpoint
ALTER TABLE "participation_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "process_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"clear" smallint NOT NULL,
	"heard" smallint NOT NULL,
	"feedback_good" smallint NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"lesson_drafted_by" uuid,
	CONSTRAINT "process_evaluations_scores" CHECK ("process_evaluations"."clear" between 1 and 5 and "process_evaluations"."heard" between 1 and 5 and "process_evaluations"."feedback_good" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "process_evaluations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "process_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"moment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"point" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "process_feedback_position_key" UNIQUE("moment_id","position")
);
--> statement-breakpoint
ALTER TABLE "process_feedback" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "process_moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"title" text NOT NULL,
	"subject" text NOT NULL,
	"method" text NOT NULL,
	"method_detail" text DEFAULT '' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"feedback_on" date NOT NULL,
	"feedback_how" text NOT NULL,
	"feedback_published_at" timestamp with time zone,
	"idempotency_key" text,
	CONSTRAINT "process_moments_dates" CHECK ("process_moments"."opens_at" < "process_moments"."closes_at")
);
--> statement-breakpoint
ALTER TABLE "process_moments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "process_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"level" text NOT NULL,
	"participants" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "process_phases_stage_key" UNIQUE("process_id","stage"),
	CONSTRAINT "process_phases_dates" CHECK ("process_phases"."starts_on" <= "process_phases"."ends_on")
);
--> statement-breakpoint
ALTER TABLE "process_phases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"fixed" text DEFAULT '' NOT NULL,
	"open" text DEFAULT '' NOT NULL,
	"decision_kind" text,
	"decided_by" text NOT NULL,
	"responsible" text NOT NULL,
	"template" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "processes_slug_key" UNIQUE("tenant_id","slug"),
	CONSTRAINT "processes_published_has_date" CHECK (("processes"."status" = 'published') = ("processes"."published_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "processes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "participation_rules" ADD CONSTRAINT "participation_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_evaluations" ADD CONSTRAINT "process_evaluations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_evaluations" ADD CONSTRAINT "process_evaluations_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_evaluations" ADD CONSTRAINT "process_evaluations_lesson_drafted_by_people_id_fk" FOREIGN KEY ("lesson_drafted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_feedback" ADD CONSTRAINT "process_feedback_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_feedback" ADD CONSTRAINT "process_feedback_moment_id_process_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."process_moments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_moments" ADD CONSTRAINT "process_moments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_moments" ADD CONSTRAINT "process_moments_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_moments" ADD CONSTRAINT "process_moments_phase_id_process_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."process_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_phases" ADD CONSTRAINT "process_phases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_phases" ADD CONSTRAINT "process_phases_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processes" ADD CONSTRAINT "processes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "process_evaluations_idempotency_key" ON "process_evaluations" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "process_evaluations_process_idx" ON "process_evaluations" USING btree ("process_id");--> statement-breakpoint
CREATE INDEX "process_feedback_tenant_idx" ON "process_feedback" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "process_moments_idempotency_key" ON "process_moments" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "process_moments_process_idx" ON "process_moments" USING btree ("process_id");--> statement-breakpoint
CREATE INDEX "process_moments_phase_idx" ON "process_moments" USING btree ("phase_id");--> statement-breakpoint
CREATE INDEX "process_phases_tenant_idx" ON "process_phases" USING btree ("tenant_id");--> statement-breakpoint
CREATE POLICY "participation_rules_tenant_isolation" ON "participation_rules" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "process_evaluations_tenant_isolation" ON "process_evaluations" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "process_feedback_tenant_isolation" ON "process_feedback" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "process_moments_tenant_isolation" ON "process_moments" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "process_phases_tenant_isolation" ON "process_phases" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "processes_tenant_isolation" ON "processes" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);