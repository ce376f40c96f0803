CREATE TABLE "term_days_off" (
	"tenant_id" uuid NOT NULL,
	"on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "term_days_off_pkey" PRIMARY KEY("tenant_id","on"),
	CONSTRAINT "term_days_off_reason" CHECK (length("term_days_off"."reason") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "term_days_off" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "term_days_off" ADD CONSTRAINT "term_days_off_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_days_off" ADD CONSTRAINT "term_days_off_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "term_days_off_created_by_idx" ON "term_days_off" USING btree ("created_by_id");--> statement-breakpoint
CREATE POLICY "term_days_off_tenant_isolation" ON "term_days_off" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);