CREATE TABLE "meeting_invitations" (
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	CONSTRAINT "meeting_invitations_pkey" PRIMARY KEY("meeting_id","municipality_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "audience" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_municipality_id_tenants_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_invitations_tenant_idx" ON "meeting_invitations" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "meeting_invitations_municipality_idx" ON "meeting_invitations" USING btree ("municipality_id");--> statement-breakpoint
CREATE POLICY "meeting_invitations_tenant_isolation" ON "meeting_invitations" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "meeting_invitations_public_read" ON "meeting_invitations" AS PERMISSIVE FOR SELECT TO "samenspel_app" USING (true);--> statement-breakpoint
-- A workshop scheduled from a municipality's request was that municipality's own (ADR 0033): its meeting is now
-- `invited` with that municipality; every other meeting stays open.
UPDATE "meetings" SET "audience" = 'invited' WHERE "id" IN (SELECT "meeting_id" FROM "workshop_requests" WHERE "meeting_id" IS NOT NULL);--> statement-breakpoint
INSERT INTO "meeting_invitations" ("tenant_id", "meeting_id", "municipality_id") SELECT DISTINCT "tenant_id", "meeting_id", "municipality_id" FROM "workshop_requests" WHERE "meeting_id" IS NOT NULL ON CONFLICT DO NOTHING;
