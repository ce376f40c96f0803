CREATE TABLE "phase_tracks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"schedule" jsonb NOT NULL,
	"next_due_at" timestamp with time zone,
	CONSTRAINT "phase_tracks_subject_key" UNIQUE("kind","subject_id")
);
--> statement-breakpoint
ALTER TABLE "phase_tracks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "phase_tracks" ADD CONSTRAINT "phase_tracks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "phase_tracks_tenant_idx" ON "phase_tracks" USING btree ("tenant_id","kind");--> statement-breakpoint
CREATE INDEX "phase_tracks_due_idx" ON "phase_tracks" USING btree ("next_due_at") WHERE next_due_at is not null;--> statement-breakpoint
CREATE POLICY "phase_tracks_tenant_isolation" ON "phase_tracks" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);