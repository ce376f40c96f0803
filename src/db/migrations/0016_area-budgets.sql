CREATE TABLE "area_budget_rules" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"carry_over" text NOT NULL,
	"carry_over_percent" integer,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "area_budget_rules_percent" CHECK ((carry_over = 'percentage') = (carry_over_percent is not null) and coalesce(carry_over_percent between 1 and 99, true))
);
--> statement-breakpoint
ALTER TABLE "area_budget_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "area_budget_year_ends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"available_cents" bigint NOT NULL,
	"carried_cents" bigint NOT NULL,
	"rule" text NOT NULL,
	"rule_percent" integer,
	"closed_by_id" uuid,
	"closed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "area_budget_year_ends_area_year_key" UNIQUE("tenant_id","area_id","year")
);
--> statement-breakpoint
ALTER TABLE "area_budget_year_ends" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "area_budget_rules" ADD CONSTRAINT "area_budget_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_budget_year_ends" ADD CONSTRAINT "area_budget_year_ends_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_budget_year_ends" ADD CONSTRAINT "area_budget_year_ends_closed_by_id_people_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "area_budget_rules_tenant_isolation" ON "area_budget_rules" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "area_budget_year_ends_tenant_isolation" ON "area_budget_year_ends" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);