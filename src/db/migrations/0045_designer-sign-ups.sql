CREATE TABLE "designer_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organisation" text NOT NULL,
	"motivation" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "designer_signups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "takes_designer_sign_ups" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "designer_signups" ADD CONSTRAINT "designer_signups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designer_signups" ADD CONSTRAINT "designer_signups_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "designer_signups_one_per_address" ON "designer_signups" USING btree ("trajectory_id",lower("email"));--> statement-breakpoint
CREATE INDEX "designer_signups_tenant_idx" ON "designer_signups" USING btree ("tenant_id");--> statement-breakpoint
CREATE POLICY "designer_signups_tenant_isolation" ON "designer_signups" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);