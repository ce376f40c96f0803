CREATE TABLE "pb_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"round_area_id" uuid NOT NULL,
	"cast_on" date NOT NULL,
	"source" text NOT NULL,
	"plan_ids" uuid[] NOT NULL,
	"points" integer[],
	"receipt_hash" text
);
--> statement-breakpoint
ALTER TABLE "pb_ballots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pb_code_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"round_area_id" uuid NOT NULL,
	"size" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pb_code_batches_size" CHECK ("pb_code_batches"."size" between 1 and 100000)
);
--> statement-breakpoint
ALTER TABLE "pb_code_batches" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pb_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"round_area_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"estimated_cost_euros" integer NOT NULL,
	"official_cost_euros" integer,
	"status" text NOT NULL,
	"feasibility" text,
	"feasibility_reason" text,
	"submitted_by" uuid,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pb_plans_reference_key" UNIQUE("round_id","reference"),
	CONSTRAINT "pb_plans_costs_positive" CHECK ("pb_plans"."estimated_cost_euros" > 0 and coalesce("pb_plans"."official_cost_euros", 1) > 0),
	CONSTRAINT "pb_plans_feasible_has_cost" CHECK ("pb_plans"."feasibility" is distinct from 'feasible' or "pb_plans"."official_cost_euros" is not null)
);
--> statement-breakpoint
ALTER TABLE "pb_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pb_results" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"counted_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"outcome" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pb_results" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pb_round_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"name" text NOT NULL,
	"budget_euros" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "pb_round_areas_name_key" UNIQUE("round_id","name"),
	CONSTRAINT "pb_round_areas_budget_positive" CHECK ("pb_round_areas"."budget_euros" > 0)
);
--> statement-breakpoint
ALTER TABLE "pb_round_areas" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pb_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"ballot_form" text NOT NULL,
	"min_share_percent" integer,
	"min_plans" integer,
	"max_plans" integer,
	"points" integer,
	"max_points_per_plan" integer,
	"rank_count" integer,
	"rule" text NOT NULL,
	"comparison_rule" text NOT NULL,
	"tie_break" text DEFAULT 'most-supporters' NOT NULL,
	"min_age" integer,
	"rules_fixed_at" timestamp with time zone,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pb_rounds_slug_key" UNIQUE("tenant_id","slug"),
	CONSTRAINT "pb_rounds_form_settings" CHECK (case "pb_rounds"."ballot_form"
        when 'knapsack' then "pb_rounds"."min_share_percent" is null or "pb_rounds"."min_share_percent" between 1 and 100
        when 'approval' then "pb_rounds"."min_plans" >= 1 and ("pb_rounds"."max_plans" is null or "pb_rounds"."max_plans" >= "pb_rounds"."min_plans")
        when 'cumulative' then "pb_rounds"."points" >= 1 and "pb_rounds"."max_points_per_plan" between 1 and "pb_rounds"."points"
        else "pb_rounds"."rank_count" >= 1 end),
	CONSTRAINT "pb_rounds_min_age" CHECK ("pb_rounds"."min_age" is null or "pb_rounds"."min_age" between 0 and 120)
);
--> statement-breakpoint
ALTER TABLE "pb_rounds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pb_voter_register" (
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"voted_on" date NOT NULL,
	CONSTRAINT "pb_voter_register_pkey" PRIMARY KEY("round_id","voter_key")
);
--> statement-breakpoint
ALTER TABLE "pb_voter_register" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pb_voting_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"round_area_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	CONSTRAINT "pb_voting_codes_hash_key" UNIQUE("round_id","code_hash")
);
--> statement-breakpoint
ALTER TABLE "pb_voting_codes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pb_ballots" ADD CONSTRAINT "pb_ballots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_ballots" ADD CONSTRAINT "pb_ballots_round_id_pb_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pb_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_ballots" ADD CONSTRAINT "pb_ballots_round_area_id_pb_round_areas_id_fk" FOREIGN KEY ("round_area_id") REFERENCES "public"."pb_round_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_code_batches" ADD CONSTRAINT "pb_code_batches_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_code_batches" ADD CONSTRAINT "pb_code_batches_round_id_pb_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pb_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_code_batches" ADD CONSTRAINT "pb_code_batches_round_area_id_pb_round_areas_id_fk" FOREIGN KEY ("round_area_id") REFERENCES "public"."pb_round_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_code_batches" ADD CONSTRAINT "pb_code_batches_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_plans" ADD CONSTRAINT "pb_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_plans" ADD CONSTRAINT "pb_plans_round_id_pb_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pb_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_plans" ADD CONSTRAINT "pb_plans_round_area_id_pb_round_areas_id_fk" FOREIGN KEY ("round_area_id") REFERENCES "public"."pb_round_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_plans" ADD CONSTRAINT "pb_plans_submitted_by_people_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_results" ADD CONSTRAINT "pb_results_round_id_pb_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pb_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_results" ADD CONSTRAINT "pb_results_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_results" ADD CONSTRAINT "pb_results_published_by_people_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_round_areas" ADD CONSTRAINT "pb_round_areas_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_round_areas" ADD CONSTRAINT "pb_round_areas_round_id_pb_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pb_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_rounds" ADD CONSTRAINT "pb_rounds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_voter_register" ADD CONSTRAINT "pb_voter_register_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_voter_register" ADD CONSTRAINT "pb_voter_register_round_id_pb_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pb_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_voting_codes" ADD CONSTRAINT "pb_voting_codes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_voting_codes" ADD CONSTRAINT "pb_voting_codes_round_id_pb_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pb_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_voting_codes" ADD CONSTRAINT "pb_voting_codes_batch_id_pb_code_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."pb_code_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_voting_codes" ADD CONSTRAINT "pb_voting_codes_round_area_id_pb_round_areas_id_fk" FOREIGN KEY ("round_area_id") REFERENCES "public"."pb_round_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pb_ballots_area_idx" ON "pb_ballots" USING btree ("round_area_id");--> statement-breakpoint
CREATE INDEX "pb_ballots_round_idx" ON "pb_ballots" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "pb_ballots_tenant_idx" ON "pb_ballots" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pb_ballots_receipt_key" ON "pb_ballots" USING btree ("round_id","receipt_hash");--> statement-breakpoint
CREATE INDEX "pb_code_batches_round_idx" ON "pb_code_batches" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "pb_code_batches_area_idx" ON "pb_code_batches" USING btree ("round_area_id");--> statement-breakpoint
CREATE INDEX "pb_code_batches_tenant_idx" ON "pb_code_batches" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pb_plans_idempotency_key" ON "pb_plans" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "pb_plans_area_idx" ON "pb_plans" USING btree ("round_area_id");--> statement-breakpoint
CREATE INDEX "pb_plans_tenant_idx" ON "pb_plans" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "pb_plans_submitted_by_idx" ON "pb_plans" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "pb_results_tenant_idx" ON "pb_results" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "pb_results_published_by_idx" ON "pb_results" USING btree ("published_by");--> statement-breakpoint
CREATE INDEX "pb_round_areas_tenant_idx" ON "pb_round_areas" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pb_rounds_idempotency_key" ON "pb_rounds" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "pb_voter_register_tenant_idx" ON "pb_voter_register" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "pb_voting_codes_batch_idx" ON "pb_voting_codes" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "pb_voting_codes_area_idx" ON "pb_voting_codes" USING btree ("round_area_id");--> statement-breakpoint
CREATE INDEX "pb_voting_codes_tenant_idx" ON "pb_voting_codes" USING btree ("tenant_id");--> statement-breakpoint
CREATE POLICY "pb_ballots_tenant_isolation" ON "pb_ballots" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "pb_code_batches_tenant_isolation" ON "pb_code_batches" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "pb_plans_tenant_isolation" ON "pb_plans" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "pb_results_tenant_isolation" ON "pb_results" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "pb_round_areas_tenant_isolation" ON "pb_round_areas" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "pb_rounds_tenant_isolation" ON "pb_rounds" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "pb_voter_register_tenant_isolation" ON "pb_voter_register" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "pb_voting_codes_tenant_isolation" ON "pb_voting_codes" AS PERMISSIVE FOR ALL TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
-- Budgeting: the rules of a round cannot change once voting has opened (issue 11; CONSUL #5321).
CREATE FUNCTION pb_rounds_rules_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.rules_fixed_at IS NOT NULL AND (
    NEW.rules_fixed_at IS DISTINCT FROM OLD.rules_fixed_at
    OR NEW.ballot_form IS DISTINCT FROM OLD.ballot_form
    OR NEW.min_share_percent IS DISTINCT FROM OLD.min_share_percent
    OR NEW.min_plans IS DISTINCT FROM OLD.min_plans
    OR NEW.max_plans IS DISTINCT FROM OLD.max_plans
    OR NEW.points IS DISTINCT FROM OLD.points
    OR NEW.max_points_per_plan IS DISTINCT FROM OLD.max_points_per_plan
    OR NEW.rank_count IS DISTINCT FROM OLD.rank_count
    OR NEW.rule IS DISTINCT FROM OLD.rule
    OR NEW.comparison_rule IS DISTINCT FROM OLD.comparison_rule
    OR NEW.tie_break IS DISTINCT FROM OLD.tie_break
    OR NEW.min_age IS DISTINCT FROM OLD.min_age
  ) THEN
    RAISE EXCEPTION 'pb round %: the rules are fixed since voting opened', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER pb_rounds_rules_fixed BEFORE UPDATE ON pb_rounds FOR EACH ROW EXECUTE FUNCTION pb_rounds_rules_fixed();
--> statement-breakpoint
CREATE FUNCTION pb_round_areas_rules_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fixed timestamptz;
BEGIN
  SELECT rules_fixed_at INTO fixed FROM pb_rounds WHERE id = COALESCE(NEW.round_id, OLD.round_id);
  IF fixed IS NOT NULL THEN
    RAISE EXCEPTION 'pb round %: areas and budgets are fixed since voting opened', COALESCE(NEW.round_id, OLD.round_id)
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
--> statement-breakpoint
CREATE TRIGGER pb_round_areas_rules_fixed BEFORE INSERT OR UPDATE OR DELETE ON pb_round_areas FOR EACH ROW EXECUTE FUNCTION pb_round_areas_rules_fixed();
--> statement-breakpoint
-- "Has voted" is never taken back.
CREATE FUNCTION pb_voter_register_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the voter register is append-only' USING ERRCODE = 'integrity_constraint_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER pb_voter_register_append_only BEFORE UPDATE ON pb_voter_register FOR EACH ROW EXECUTE FUNCTION pb_voter_register_append_only();
--> statement-breakpoint
-- A changed ballot keeps its round, area, day and source: only the choices change.
CREATE FUNCTION pb_ballots_keep_identity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.round_id IS DISTINCT FROM OLD.round_id OR NEW.round_area_id IS DISTINCT FROM OLD.round_area_id
    OR NEW.cast_on IS DISTINCT FROM OLD.cast_on OR NEW.source IS DISTINCT FROM OLD.source
    OR NEW.receipt_hash IS DISTINCT FROM OLD.receipt_hash THEN
    RAISE EXCEPTION 'a ballot changes only its choices' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER pb_ballots_keep_identity BEFORE UPDATE ON pb_ballots FOR EACH ROW EXECUTE FUNCTION pb_ballots_keep_identity();
