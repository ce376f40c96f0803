ALTER TABLE "meeting_slots" ADD COLUMN "position" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "all_day" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "trajectories" ADD COLUMN "duration_months" integer;