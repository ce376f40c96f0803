CREATE TABLE "areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"residents" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "areas_code_key" UNIQUE("tenant_id","code"),
	CONSTRAINT "areas_tenant_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "areas_code_matches_kind" CHECK (case "areas"."kind" when 'municipality' then "areas"."code" ~ '^GM[0-9]{4}$' and "areas"."parent_id" is null
        when 'buurt' then "areas"."code" ~ '^BU[0-9]{8}$' and "areas"."parent_id" is not null
        else "areas"."code" ~ '^WK[0-9]{6}$' and "areas"."parent_id" is not null end),
	CONSTRAINT "areas_residents_not_negative" CHECK ("areas"."residents" is null or "areas"."residents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "areas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "postcode_areas" (
	"tenant_id" uuid NOT NULL,
	"postcode" text NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "postcode_areas_pkey" PRIMARY KEY("tenant_id","postcode"),
	CONSTRAINT "postcode_areas_pc6" CHECK ("postcode_areas"."postcode" ~ '^[1-9][0-9]{3}[A-Z]{2}$')
);
--> statement-breakpoint
ALTER TABLE "postcode_areas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_parent_same_tenant_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postcode_areas" ADD CONSTRAINT "postcode_areas_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postcode_areas" ADD CONSTRAINT "postcode_areas_area_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("tenant_id","parent_id");--> statement-breakpoint
CREATE INDEX "postcode_areas_area_idx" ON "postcode_areas" USING btree ("tenant_id","area_id");--> statement-breakpoint
CREATE POLICY "areas_tenant_isolation" ON "areas" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "postcode_areas_tenant_isolation" ON "postcode_areas" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);