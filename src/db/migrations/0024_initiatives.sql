CREATE TABLE "challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"task" text NOT NULL,
	"plan" text NOT NULL,
	"budget_cents" bigint NOT NULL,
	"neighbourhood_support" text NOT NULL,
	"area_id" uuid,
	"requester" text NOT NULL,
	"organisation" text,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"submitted_on" date NOT NULL,
	"decision_due_on" date NOT NULL,
	"decision_reason" text DEFAULT '' NOT NULL,
	"decided_on" date,
	"decided_by_id" uuid,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "challenges_reference_key" UNIQUE("tenant_id","reference"),
	CONSTRAINT "challenges_budget_not_negative" CHECK ("challenges"."budget_cents" >= 0),
	CONSTRAINT "challenges_organisation_named" CHECK (("challenges"."requester" = 'organisation') = ("challenges"."organisation" is not null)),
	CONSTRAINT "challenges_decided_together" CHECK (("challenges"."status" in ('honoured', 'refused')) = ("challenges"."decided_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "challenges" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "initiative_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "initiative_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "initiative_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "initiative_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "initiative_messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"author" text NOT NULL,
	"author_person_id" uuid,
	"body" text NOT NULL,
	"status" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiative_messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "initiative_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"assign_working_days" integer DEFAULT 5 NOT NULL,
	"challenge_decision_weeks" integer DEFAULT 8 NOT NULL,
	"last_number_year" integer DEFAULT 0 NOT NULL,
	"last_initiative_number" integer DEFAULT 0 NOT NULL,
	"last_challenge_number" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "initiative_settings_assign_days" CHECK (assign_working_days between 1 and 60),
	CONSTRAINT "initiative_settings_decision_weeks" CHECK (challenge_decision_weeks between 1 and 52)
);
--> statement-breakpoint
ALTER TABLE "initiative_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"area_id" uuid,
	"location" text DEFAULT '' NOT NULL,
	"involved" text DEFAULT '' NOT NULL,
	"support" text[] NOT NULL,
	"support_note" text DEFAULT '' NOT NULL,
	"initiator_name" text NOT NULL,
	"initiator_email" text NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"showcase" boolean DEFAULT false NOT NULL,
	"submitted_by_id" uuid,
	"status" text DEFAULT 'received' NOT NULL,
	"status_reason" text DEFAULT '' NOT NULL,
	"contact_person_id" uuid,
	"assigned_at" timestamp with time zone,
	"submitted_on" date NOT NULL,
	"assign_due_on" date NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "initiatives_reference_key" UNIQUE("tenant_id","reference"),
	CONSTRAINT "initiatives_tenant_id_key" UNIQUE("tenant_id","id"),
	CONSTRAINT "initiatives_support_given" CHECK (cardinality("initiatives"."support") >= 1),
	CONSTRAINT "initiatives_assigned_together" CHECK (("initiatives"."contact_person_id" is null) = ("initiatives"."assigned_at" is null))
);
--> statement-breakpoint
ALTER TABLE "initiatives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_decided_by_id_people_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_area_same_tenant_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_links" ADD CONSTRAINT "initiative_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_links" ADD CONSTRAINT "initiative_links_initiative_fk" FOREIGN KEY ("tenant_id","initiative_id") REFERENCES "public"."initiatives"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_messages" ADD CONSTRAINT "initiative_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_messages" ADD CONSTRAINT "initiative_messages_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_messages" ADD CONSTRAINT "initiative_messages_initiative_fk" FOREIGN KEY ("tenant_id","initiative_id") REFERENCES "public"."initiatives"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_settings" ADD CONSTRAINT "initiative_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_submitted_by_id_people_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_contact_person_id_people_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_area_same_tenant_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "challenges_idempotency_key" ON "challenges" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "challenges_area_idx" ON "challenges" USING btree ("tenant_id","area_id");--> statement-breakpoint
CREATE INDEX "challenges_decided_by_idx" ON "challenges" USING btree ("decided_by_id");--> statement-breakpoint
CREATE INDEX "initiative_links_initiative_idx" ON "initiative_links" USING btree ("tenant_id","initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_messages_initiative_idx" ON "initiative_messages" USING btree ("tenant_id","initiative_id","seq");--> statement-breakpoint
CREATE INDEX "initiative_messages_author_person_idx" ON "initiative_messages" USING btree ("author_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_messages_idempotency_key" ON "initiative_messages" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_idempotency_key" ON "initiatives" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "initiatives_area_idx" ON "initiatives" USING btree ("tenant_id","area_id");--> statement-breakpoint
CREATE INDEX "initiatives_contact_person_idx" ON "initiatives" USING btree ("contact_person_id");--> statement-breakpoint
CREATE INDEX "initiatives_submitted_by_idx" ON "initiatives" USING btree ("submitted_by_id");--> statement-breakpoint
CREATE INDEX "initiatives_status_idx" ON "initiatives" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE POLICY "challenges_tenant_isolation" ON "challenges" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "initiative_links_tenant_isolation" ON "initiative_links" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "initiative_messages_tenant_isolation" ON "initiative_messages" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "initiative_settings_tenant_isolation" ON "initiative_settings" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "initiatives_tenant_isolation" ON "initiatives" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);