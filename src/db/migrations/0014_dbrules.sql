ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "pb_code_batches_created_by_idx" ON "pb_code_batches" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "oidc_identities_person_idx" ON "oidc_identities" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_tenant_idx" ON "ledger_entries" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_created_by_idx" ON "ledger_entries" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_person_id");--> statement-breakpoint
CREATE INDEX "sign_in_tokens_person_idx" ON "sign_in_tokens" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "process_evaluations_lesson_drafted_by_idx" ON "process_evaluations" USING btree ("lesson_drafted_by");--> statement-breakpoint
CREATE INDEX "application_events_tenant_idx" ON "application_events" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "application_events_municipality_idx" ON "application_events" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "application_events_actor_idx" ON "application_events" USING btree ("actor_person_id");--> statement-breakpoint
CREATE INDEX "applications_tenant_idx" ON "applications" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "applications_municipality_idx" ON "applications" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "applications_submitted_by_idx" ON "applications" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "calendar_feeds_tenant_idx" ON "calendar_feeds" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "cost_items_municipality_idx" ON "cost_items" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "cost_items_recorded_by_idx" ON "cost_items" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "learning_agenda_items_municipality_idx" ON "learning_agenda_items" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "lessons_municipality_idx" ON "lessons" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "meeting_slots_tenant_idx" ON "meeting_slots" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "meeting_slots_trajectory_idx" ON "meeting_slots" USING btree ("trajectory_id");--> statement-breakpoint
CREATE INDEX "meetings_trajectory_idx" ON "meetings" USING btree ("trajectory_id");--> statement-breakpoint
CREATE INDEX "newsletter_editions_sent_by_idx" ON "newsletter_editions" USING btree ("sent_by_person_id");--> statement-breakpoint
CREATE INDEX "registrations_meeting_idx" ON "registrations" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "registrations_tenant_idx" ON "registrations" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "trajectory_supervisors_tenant_idx" ON "trajectory_supervisors" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "trajectory_supervisors_person_idx" ON "trajectory_supervisors" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "workshop_requests_municipality_idx" ON "workshop_requests" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "workshop_requests_workshop_idx" ON "workshop_requests" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "workshop_requests_requested_by_idx" ON "workshop_requests" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "workshop_requests_meeting_idx" ON "workshop_requests" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "uploads_created_by_idx" ON "uploads" USING btree ("created_by_id");--> statement-breakpoint
CREATE POLICY "audit_log_tenant_read" ON "audit_log" AS PERMISSIVE FOR SELECT TO "samenspel_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "audit_log_append" ON "audit_log" AS PERMISSIVE FOR INSERT TO "samenspel_app" WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid or actor_person_id = nullif(current_setting('app.person_id', true), '')::uuid);