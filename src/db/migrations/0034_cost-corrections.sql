ALTER TABLE "cost_items" DROP CONSTRAINT "cost_items_positive_amount";--> statement-breakpoint
ALTER TABLE "cost_items" ADD COLUMN "reverses_id" uuid;--> statement-breakpoint
ALTER TABLE "cost_items" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "cost_items" ADD CONSTRAINT "cost_items_reverses_id_cost_items_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."cost_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cost_items_reverses_key" ON "cost_items" USING btree ("reverses_id");--> statement-breakpoint
ALTER TABLE "cost_items" ADD CONSTRAINT "cost_items_sign" CHECK (("cost_items"."reverses_id" is null) = ("cost_items"."amount_cents" > 0) and ("cost_items"."reverses_id" is null) = ("cost_items"."reason" is null));--> statement-breakpoint
-- One append-only rule for every table that keeps money: no UPDATE, DELETE or TRUNCATE, except that deleting an
-- account may forget who made a row (its ON DELETE SET NULL), as long as nothing else in the row changes.
CREATE FUNCTION "append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_NARGS = 1 AND to_jsonb(NEW) ->> TG_ARGV[0] IS NULL
     AND to_jsonb(NEW) - TG_ARGV[0] = to_jsonb(OLD) - TG_ARGV[0] THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused; post a reversing entry instead', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;--> statement-breakpoint
DROP TRIGGER "ledger_entries_no_update_or_delete" ON "ledger_entries";--> statement-breakpoint
DROP TRIGGER "ledger_entries_no_truncate" ON "ledger_entries";--> statement-breakpoint
DROP FUNCTION "ledger_entries_append_only"();--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_update_or_delete" BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "append_only"('created_by_id');--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();--> statement-breakpoint
CREATE TRIGGER "cost_items_no_update_or_delete" BEFORE UPDATE OR DELETE ON "cost_items"
  FOR EACH ROW EXECUTE FUNCTION "append_only"('recorded_by');--> statement-breakpoint
CREATE TRIGGER "cost_items_no_truncate" BEFORE TRUNCATE ON "cost_items"
  FOR EACH STATEMENT EXECUTE FUNCTION "append_only"();
