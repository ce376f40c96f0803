CREATE TABLE "fund_recoveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"reasons" text,
	"ledger_entry_id" uuid,
	"idempotency_key" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fund_recoveries_booked" CHECK (amount_cents > 0 and case kind when 'recovered' then ledger_entry_id is not null
        else reasons is not null and ledger_entry_id is null end)
);
--> statement-breakpoint
ALTER TABLE "fund_recoveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD COLUMN "reclaim_cents" bigint;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD COLUMN "recovered_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fund_applications" ADD COLUMN "waived_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "fund_recoveries" ADD CONSTRAINT "fund_recoveries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_recoveries" ADD CONSTRAINT "fund_recoveries_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_recoveries" ADD CONSTRAINT "fund_recoveries_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_recoveries" ADD CONSTRAINT "fund_recoveries_application_fk" FOREIGN KEY ("tenant_id","application_id") REFERENCES "public"."fund_applications"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_recoveries_idempotency_key" ON "fund_recoveries" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "fund_recoveries_application_idx" ON "fund_recoveries" USING btree ("tenant_id","application_id");--> statement-breakpoint
CREATE INDEX "fund_recoveries_ledger_entry_idx" ON "fund_recoveries" USING btree ("ledger_entry_id");--> statement-breakpoint
CREATE INDEX "fund_recoveries_created_by_idx" ON "fund_recoveries" USING btree ("created_by_id");--> statement-breakpoint
-- Grants already in recovery claim what was paid on them (their unpaid part was released when recovery began).
UPDATE "fund_applications" a SET "reclaim_cents" = coalesce((SELECT sum(e."amount_cents") FROM "ledger_entries" e
  WHERE e."tenant_id" = a."tenant_id" AND e."hold_id" = a."commitment_id" AND e."effect" = 'debit'), 0)
  WHERE a."report_status" = 'recovery';--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_recovery" CHECK (recovered_cents >= 0 and waived_cents >= 0 and recovered_cents + waived_cents <= coalesce(reclaim_cents, 0)
        and (reclaim_cents is null or report_status = 'recovery'));--> statement-breakpoint
CREATE POLICY "fund_recoveries_tenant_isolation" ON "fund_recoveries" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);