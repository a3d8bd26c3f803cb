CREATE TABLE "key_account_model_versions" (
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"cut_percent" integer DEFAULT 10 NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_account_model_versions_org_id_version_pk" PRIMARY KEY("org_id","version"),
	CONSTRAINT "key_account_model_versions_cut_range" CHECK ("key_account_model_versions"."cut_percent" between 5 and 20),
	CONSTRAINT "key_account_model_versions_version_positive" CHECK ("key_account_model_versions"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "key_account_overrides" (
	"org_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"account_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_account_overrides_org_id_fiscal_year_account_id_pk" PRIMARY KEY("org_id","fiscal_year","account_id"),
	CONSTRAINT "key_account_overrides_decision_valid" CHECK (decision in ('include', 'exclude')),
	CONSTRAINT "key_account_overrides_reason_not_blank" CHECK (length(trim("key_account_overrides"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "key_account_plan_reviews" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key_account_plan_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"plan_version" integer NOT NULL,
	"benchmark_actuals" jsonb NOT NULL,
	"what_changed" text DEFAULT '' NOT NULL,
	"adjustments" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reviewed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_account_plan_reviews_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "key_account_product_potentials" (
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"potential_minor" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_account_product_potentials_org_id_account_id_product_id_pk" PRIMARY KEY("org_id","account_id","product_id"),
	CONSTRAINT "key_account_product_potentials_positive" CHECK ("key_account_product_potentials"."potential_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "key_account_benchmarks" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "key_account_plans" ADD COLUMN "cadence" text DEFAULT 'quarterly' NOT NULL;--> statement-breakpoint
ALTER TABLE "key_account_plans" ADD COLUMN "manager_comment" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "key_account_relationships" ADD COLUMN "role" text;--> statement-breakpoint
ALTER TABLE "key_account_relationships" ADD COLUMN "next_step" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "key_account_steps" ADD COLUMN "objective_id" uuid;--> statement-breakpoint
ALTER TABLE "key_account_steps" ADD COLUMN "relationship_id" uuid;--> statement-breakpoint
ALTER TABLE "key_accounts" ADD COLUMN "model_version" integer;--> statement-breakpoint
ALTER TABLE "key_accounts" ADD COLUMN "is_proposed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "potential_criteria" ADD COLUMN "source" text NOT NULL;--> statement-breakpoint
ALTER TABLE "potential_criteria" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "key_account_model_versions" ADD CONSTRAINT "key_account_model_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_model_versions" ADD CONSTRAINT "key_account_model_versions_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_overrides" ADD CONSTRAINT "key_account_overrides_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_overrides" ADD CONSTRAINT "key_account_overrides_decided_by_fk" FOREIGN KEY ("org_id","decided_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_plan_reviews" ADD CONSTRAINT "key_account_plan_reviews_plan_fk" FOREIGN KEY ("org_id","key_account_plan_id") REFERENCES "public"."key_account_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_plan_reviews" ADD CONSTRAINT "key_account_plan_reviews_reviewed_by_fk" FOREIGN KEY ("org_id","reviewed_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_product_potentials" ADD CONSTRAINT "key_account_product_potentials_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_product_potentials" ADD CONSTRAINT "key_account_product_potentials_product_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_account_plan_reviews_plan_idx" ON "key_account_plan_reviews" USING btree ("org_id","key_account_plan_id","held_on");--> statement-breakpoint
ALTER TABLE "key_account_steps" ADD CONSTRAINT "key_account_steps_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."key_account_objectives"("org_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_steps" ADD CONSTRAINT "key_account_steps_relationship_fk" FOREIGN KEY ("org_id","relationship_id") REFERENCES "public"."key_account_relationships"("org_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "key_account_relationships_contact_key" ON "key_account_relationships" USING btree ("org_id","key_account_plan_id","contact_id");--> statement-breakpoint
ALTER TABLE "key_account_benchmarks" ADD CONSTRAINT "key_account_benchmarks_source_valid" CHECK (metric_source in ('won_revenue', 'open_pipeline', 'meetings_held', 'contacts_engaged'));--> statement-breakpoint
ALTER TABLE "key_account_plans" ADD CONSTRAINT "key_account_plans_cadence_valid" CHECK (cadence in ('monthly', 'quarterly'));--> statement-breakpoint
ALTER TABLE "key_account_relationships" ADD CONSTRAINT "key_account_relationships_role_valid" CHECK (role in ('economic', 'user', 'technical', 'coach'));--> statement-breakpoint
ALTER TABLE "potential_criteria" ADD CONSTRAINT "potential_criteria_source_valid" CHECK (source in ('annual_revenue', 'employees', 'won_revenue_12_months', 'open_pipeline', 'contacts_engaged', 'growth_year_over_year', 'rating'));--> statement-breakpoint
ALTER TABLE "potential_criteria" ADD CONSTRAINT "potential_criteria_rating_kind" CHECK (("potential_criteria"."source" = 'rating') = ("potential_criteria"."kind" = 'rating'));