CREATE TABLE "council_areas" (
	"tenant_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "council_areas_pkey" PRIMARY KEY("tenant_id","council_id","area_id")
);
--> statement-breakpoint
ALTER TABLE "council_areas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"role" text NOT NULL,
	"seat" smallint DEFAULT 1 NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "council_members_term" CHECK ("council_members"."ends_on" is null or "council_members"."ends_on" >= "council_members"."starts_on"),
	CONSTRAINT "council_members_seat" CHECK (case when "council_members"."role" = 'member' then "council_members"."seat" between 1 and 99 else "council_members"."seat" = 1 end)
);
--> statement-breakpoint
ALTER TABLE "council_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"basis" text NOT NULL,
	"basis_url" text,
	"description" text DEFAULT '' NOT NULL,
	"member_seats" smallint DEFAULT 7 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "councils_slug_key" UNIQUE("tenant_id","slug"),
	CONSTRAINT "councils_tenant_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "councils_slug_form" CHECK ("councils"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "councils_basis_link" CHECK ("councils"."basis" <> 'ordinance' or "councils"."basis_url" is not null),
	CONSTRAINT "councils_basis_url_form" CHECK ("councils"."basis_url" is null or "councils"."basis_url" ~ '^https?://'),
	CONSTRAINT "councils_member_seats" CHECK ("councils"."member_seats" between 0 and 99)
);
--> statement-breakpoint
ALTER TABLE "councils" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "council_areas" ADD CONSTRAINT "council_areas_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_areas" ADD CONSTRAINT "council_areas_council_fk" FOREIGN KEY ("tenant_id","council_id") REFERENCES "public"."councils"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_areas" ADD CONSTRAINT "council_areas_area_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_council_fk" FOREIGN KEY ("tenant_id","council_id") REFERENCES "public"."councils"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "councils" ADD CONSTRAINT "councils_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "council_areas_area_idx" ON "council_areas" USING btree ("tenant_id","area_id");--> statement-breakpoint
CREATE INDEX "council_members_council_idx" ON "council_members" USING btree ("tenant_id","council_id");--> statement-breakpoint
CREATE INDEX "council_members_person_idx" ON "council_members" USING btree ("person_id");--> statement-breakpoint
CREATE POLICY "council_areas_tenant_isolation" ON "council_areas" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "council_members_tenant_isolation" ON "council_members" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "councils_tenant_isolation" ON "councils" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_one_holder_per_seat"
  EXCLUDE USING gist ("tenant_id" WITH =, "council_id" WITH =, "role" WITH =, "seat" WITH =,
    daterange("starts_on", "ends_on", '[]') WITH &&);--> statement-breakpoint
ALTER TABLE "council_members" ADD CONSTRAINT "council_members_one_seat_per_person"
  EXCLUDE USING gist ("tenant_id" WITH =, "council_id" WITH =, "person_id" WITH =,
    daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("person_id" IS NOT NULL);
