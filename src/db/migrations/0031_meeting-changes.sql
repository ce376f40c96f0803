ALTER TABLE "council_agenda_items" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "council_meeting_documents" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_cancelled" CHECK (("council_meetings"."cancelled_at" is null) = ("council_meetings"."cancellation_reason" is null)
        and ("council_meetings"."cancelled_at" is null or "council_meetings"."reported_at" is null));--> statement-breakpoint
ALTER TABLE "council_meetings" ADD CONSTRAINT "council_meetings_sequence" CHECK ("council_meetings"."sequence" >= 0);