ALTER TABLE "challenges" ADD COLUMN "extended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "extension_reason" text;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_extended_with_reason" CHECK (("challenges"."extended_at" is null) = ("challenges"."extension_reason" is null) and "challenges"."extension_reason" <> '');