ALTER TABLE "fund_applications" DROP CONSTRAINT "fund_applications_decision";--> statement-breakpoint
ALTER TABLE "fund_applications" ADD COLUMN "advance_percent" integer;--> statement-breakpoint
-- Grants decided before this column keep the share their fund had then, which is the share it has now.
UPDATE "fund_applications" a SET "advance_percent" = f."advance_percent" FROM "initiative_funds" f
  WHERE f."tenant_id" = a."tenant_id" AND f."id" = a."fund_id" AND a."status" = 'granted';--> statement-breakpoint
ALTER TABLE "fund_applications" ADD CONSTRAINT "fund_applications_decision" CHECK (case status when 'granted' then granted_cents is not null and commitment_id is not null
          and advance_percent between 1 and 100
        when 'refused' then reasons is not null and granted_cents is null else decided_at is null end);