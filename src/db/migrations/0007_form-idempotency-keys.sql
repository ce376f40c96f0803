ALTER TABLE "cost_items" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "learning_agenda_items" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "lessons" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "cost_items_idempotency_key" ON "cost_items" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_agenda_items_idempotency_key" ON "learning_agenda_items" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "lessons_idempotency_key" ON "lessons" USING btree ("tenant_id","idempotency_key");