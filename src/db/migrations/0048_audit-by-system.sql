ALTER TABLE "audit_log" ADD COLUMN "by_system" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_system_has_no_actor" CHECK (not by_system or actor_person_id is null);--> statement-breakpoint
-- Entries from before this column: one without an actor was the system's (a job, the seed) or a deleted account's,
-- which can no longer be told apart; nearly all were the system's.
UPDATE "audit_log" SET "by_system" = true WHERE "actor_person_id" IS NULL;
