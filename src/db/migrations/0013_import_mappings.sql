CREATE TABLE "import_mappings" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"columns" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mappings_org_id_user_id_entity_pk" PRIMARY KEY("org_id","user_id","entity"),
	CONSTRAINT "import_mappings_entity_valid" CHECK (entity in ('users', 'accounts', 'contacts', 'products', 'opportunities', 'activities'))
);
--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;