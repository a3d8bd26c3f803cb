DROP INDEX "opportunities_org_account_idx";--> statement-breakpoint
CREATE INDEX "opportunities_org_account_owner_idx" ON "opportunities" USING btree ("org_id","account_id","owner_id");