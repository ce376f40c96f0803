ALTER TABLE "pb_plans" ADD COLUMN "photo_id" uuid;--> statement-breakpoint
ALTER TABLE "pb_round_areas" ADD COLUMN "area_id" uuid;--> statement-breakpoint
ALTER TABLE "pb_rounds" ADD COLUMN "residents_only" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "pb_rounds" ADD COLUMN "identification" text DEFAULT 'postal-code' NOT NULL;--> statement-breakpoint
ALTER TABLE "pb_rounds" ADD COLUMN "imported_from" text;--> statement-breakpoint
ALTER TABLE "pb_plans" ADD CONSTRAINT "pb_plans_photo_id_uploads_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."uploads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pb_round_areas" ADD CONSTRAINT "pb_round_areas_area_fk" FOREIGN KEY ("tenant_id","area_id") REFERENCES "public"."areas"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pb_plans_photo_idx" ON "pb_plans" USING btree ("photo_id");--> statement-breakpoint
CREATE INDEX "pb_round_areas_area_idx" ON "pb_round_areas" USING btree ("tenant_id","area_id");--> statement-breakpoint
ALTER TABLE "pb_round_areas" ADD CONSTRAINT "pb_round_areas_area_key" UNIQUE("round_id","area_id");--> statement-breakpoint
-- Budgeting: eligibility is part of the rules, fixed once voting has opened (issue 11).
CREATE OR REPLACE FUNCTION pb_rounds_rules_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
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
    OR NEW.residents_only IS DISTINCT FROM OLD.residents_only
    OR NEW.identification IS DISTINCT FROM OLD.identification
  ) THEN
    RAISE EXCEPTION 'pb round %: the rules are fixed since voting opened', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
