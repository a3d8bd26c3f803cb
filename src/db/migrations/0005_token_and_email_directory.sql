CREATE TABLE "email_directory" (
	"email" text NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "email_directory_email_org_id_pk" PRIMARY KEY("email","org_id")
);
--> statement-breakpoint
CREATE TABLE "token_directory" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL
);
--> statement-breakpoint
-- The directory starts with what exists: every user's email and every session's and token's hash.
INSERT INTO "email_directory" ("email", "org_id", "user_id") SELECT "email", "org_id", "id" FROM "users";--> statement-breakpoint
INSERT INTO "token_directory" ("token_hash", "org_id") SELECT "token_hash", "org_id" FROM "sessions" UNION ALL SELECT "token_hash", "org_id" FROM "api_tokens";--> statement-breakpoint
DROP INDEX "api_tokens_token_hash_key";--> statement-breakpoint
DROP INDEX "sessions_token_hash_key";--> statement-breakpoint
CREATE INDEX "email_directory_org_user_idx" ON "email_directory" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_org_token_hash_key" ON "api_tokens" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_org_token_hash_key" ON "sessions" USING btree ("org_id","token_hash");