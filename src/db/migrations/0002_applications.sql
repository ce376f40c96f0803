CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_person_id" uuid,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"submitted_by" uuid,
	"project" text NOT NULL,
	"learning_question" text NOT NULL,
	"commitment_college" text NOT NULL,
	"commitment_council" text NOT NULL,
	"commitment_civil_service" text NOT NULL,
	"contacts" jsonb NOT NULL,
	"status" text NOT NULL,
	"intake_at" timestamp with time zone,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "applications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_municipality_id_tenants_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_person_id_people_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_municipality_id_tenants_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_submitted_by_people_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_open_per_municipality" ON "applications" USING btree ("trajectory_id","municipality_id") WHERE status not in ('declined', 'withdrawn');--> statement-breakpoint
CREATE INDEX "applications_trajectory_status_idx" ON "applications" USING btree ("trajectory_id","status");--> statement-breakpoint
CREATE POLICY "meeting_slots_public_read" ON "meeting_slots" AS PERMISSIVE FOR SELECT TO "samenspel_app" USING (true);--> statement-breakpoint
CREATE POLICY "meetings_public_read" ON "meetings" AS PERMISSIVE FOR SELECT TO "samenspel_app" USING (true);--> statement-breakpoint
CREATE POLICY "trajectories_public_read" ON "trajectories" AS PERMISSIVE FOR SELECT TO "samenspel_app" USING (true);--> statement-breakpoint
CREATE POLICY "trajectory_supervisors_public_read" ON "trajectory_supervisors" AS PERMISSIVE FOR SELECT TO "samenspel_app" USING (true);--> statement-breakpoint
CREATE POLICY "workshops_public_read" ON "workshops" AS PERMISSIVE FOR SELECT TO "samenspel_app" USING (true);--> statement-breakpoint
CREATE POLICY "application_events_programme_or_municipality" ON "application_events" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
      or municipality_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
      or municipality_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "applications_programme_or_municipality" ON "applications" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
      or municipality_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
      or municipality_id = nullif(current_setting('app.tenant_id', true), '')::uuid);