CREATE TABLE "key_account_whitespace_versions" (
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_account_whitespace_versions_org_id_account_id_pk" PRIMARY KEY("org_id","account_id"),
	CONSTRAINT "key_account_whitespace_versions_version_positive" CHECK ("key_account_whitespace_versions"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "key_account_whitespace_versions" ADD CONSTRAINT "key_account_whitespace_versions_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;