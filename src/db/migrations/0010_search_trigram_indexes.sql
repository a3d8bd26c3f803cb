-- Search (db/queries/search.ts): trigram similarity, and btree_gin for org_id in the same GIN index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX "accounts_org_name_trgm_idx" ON "accounts" USING gin ("org_id","name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_org_search_trgm_idx" ON "contacts" USING gin ("org_id",("first_name" || ' ' || "last_name" || ' ' || coalesce("email", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunities_org_name_trgm_idx" ON "opportunities" USING gin ("org_id","name" gin_trgm_ops);