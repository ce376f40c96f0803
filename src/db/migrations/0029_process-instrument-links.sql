ALTER TABLE "process_moments" ADD COLUMN "advice_id" uuid;--> statement-breakpoint
ALTER TABLE "process_moments" ADD COLUMN "fund_id" uuid;--> statement-breakpoint
ALTER TABLE "process_moments" ADD CONSTRAINT "process_moments_advice_id_advice_id_fk" FOREIGN KEY ("advice_id") REFERENCES "public"."advice"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_moments" ADD CONSTRAINT "process_moments_fund_id_initiative_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."initiative_funds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "process_moments_advice_idx" ON "process_moments" USING btree ("advice_id");--> statement-breakpoint
CREATE INDEX "process_moments_fund_idx" ON "process_moments" USING btree ("fund_id");--> statement-breakpoint
ALTER TABLE "process_moments" ADD CONSTRAINT "process_moments_instrument" CHECK (("process_moments"."budget_round_id" is null or "process_moments"."method" = 'pb-round') and ("process_moments"."advice_id" is null or "process_moments"."method" = 'council-advice') and ("process_moments"."fund_id" is null or "process_moments"."method" = 'fund-round'));