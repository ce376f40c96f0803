DROP INDEX "council_meeting_documents_meeting_idx";--> statement-breakpoint
DROP INDEX "council_meeting_documents_item_idx";--> statement-breakpoint
CREATE INDEX "council_meeting_documents_item_idx" ON "council_meeting_documents" USING btree ("tenant_id","meeting_id","item_id");