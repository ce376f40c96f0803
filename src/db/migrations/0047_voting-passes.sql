CREATE TABLE "pb_voting_passes" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pb_voting_passes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pb_voting_passes" ADD CONSTRAINT "pb_voting_passes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_voting_passes" ADD CONSTRAINT "pb_voting_passes_round_id_pb_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pb_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pb_voting_passes_round_idx" ON "pb_voting_passes" USING btree ("round_id","expires_at");--> statement-breakpoint
CREATE INDEX "pb_voting_passes_tenant_idx" ON "pb_voting_passes" USING btree ("tenant_id");--> statement-breakpoint
CREATE POLICY "pb_voting_passes_tenant_isolation" ON "pb_voting_passes" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);