CREATE INDEX "accounts_org_name_id_idx" ON "accounts" USING btree ("org_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "accounts_org_status_id_idx" ON "accounts" USING btree ("org_id","status","id");--> statement-breakpoint
CREATE INDEX "accounts_org_updated_id_idx" ON "accounts" USING btree ("org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "accounts_org_created_id_idx" ON "accounts" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "contacts_org_last_name_id_idx" ON "contacts" USING btree ("org_id",lower("last_name"),"id");--> statement-breakpoint
CREATE INDEX "contacts_org_created_id_idx" ON "contacts" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "opportunities_org_updated_id_idx" ON "opportunities" USING btree ("org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "opportunities_org_name_id_idx" ON "opportunities" USING btree ("org_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "opportunities_org_amount_id_idx" ON "opportunities" USING btree ("org_id","amount_minor","id");--> statement-breakpoint
CREATE INDEX "opportunities_org_created_id_idx" ON "opportunities" USING btree ("org_id","created_on","id");--> statement-breakpoint
CREATE INDEX "opportunities_org_expected_close_id_idx" ON "opportunities" USING btree ("org_id",coalesce("expected_close_on", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "opportunities_org_closed_id_idx" ON "opportunities" USING btree ("org_id",coalesce("closed_on", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "activities_org_occurs_id_idx" ON "activities" USING btree ("org_id","occurs_on","id");--> statement-breakpoint
CREATE INDEX "activities_org_created_id_idx" ON "activities" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "activities_org_type_id_idx" ON "activities" USING btree ("org_id","type","id");