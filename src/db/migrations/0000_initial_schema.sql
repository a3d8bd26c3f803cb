CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"fiscal_year_start_month" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_format" CHECK ("organisations"."slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
	CONSTRAINT "organisations_currency_format" CHECK ("organisations"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "organisations_fiscal_year_start_month_range" CHECK ("organisations"."fiscal_year_start_month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "territories" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"external_id" text,
	"potential" numeric DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "territories_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "territories_potential_positive" CHECK ("territories"."potential" >= 0)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"manager_id" uuid,
	"territory_id" uuid,
	"external_id" text,
	"password_hash" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"selling_hours_per_week" numeric DEFAULT 25 NOT NULL,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "users_role_valid" CHECK (role in ('rep', 'manager', 'leader', 'admin')),
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_not_own_manager" CHECK ("users"."manager_id" is null or "users"."manager_id" <> "users"."id"),
	CONSTRAINT "users_selling_hours_range" CHECK ("users"."selling_hours_per_week" between 0 and 80)
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sessions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_types" (
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"hours" numeric DEFAULT 0.5 NOT NULL,
	"is_system" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_types_org_id_key_pk" PRIMARY KEY("org_id","key"),
	CONSTRAINT "activity_types_key_format" CHECK ("activity_types"."key" ~ '^[a-z][a-z0-9_]{0,39}$'),
	CONSTRAINT "activity_types_hours_range" CHECK ("activity_types"."hours" >= 0 and "activity_types"."hours" <= 40)
);
--> statement-breakpoint
CREATE TABLE "segment_norms" (
	"org_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"account_status" text NOT NULL,
	"activity_type" text NOT NULL,
	"count_per_year" integer NOT NULL,
	CONSTRAINT "segment_norms_org_id_segment_id_account_status_activity_type_pk" PRIMARY KEY("org_id","segment_id","account_status","activity_type"),
	CONSTRAINT "segment_norms_status_valid" CHECK (account_status in ('prospect', 'customer')),
	CONSTRAINT "segment_norms_count_range" CHECK ("segment_norms"."count_per_year" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "stages" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"probability_percent" integer NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stages_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "stages_kind_valid" CHECK (kind in ('open', 'won', 'lost')),
	CONSTRAINT "stages_probability_range" CHECK ("stages"."probability_percent" between 0 and 100),
	CONSTRAINT "stages_closed_probability" CHECK (("stages"."kind" <> 'won' or "stages"."probability_percent" = 100) and ("stages"."kind" <> 'lost' or "stages"."probability_percent" = 0))
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"segment_id" uuid,
	"status" text DEFAULT 'prospect' NOT NULL,
	"owner_id" uuid,
	"territory_id" uuid,
	"industry" text,
	"country" text,
	"employees" integer,
	"annual_revenue_minor" bigint,
	"parent_name" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "accounts_status_valid" CHECK (status in ('prospect', 'customer')),
	CONSTRAINT "accounts_name_not_blank" CHECK (length(trim("accounts"."name")) > 0),
	CONSTRAINT "accounts_employees_positive" CHECK ("accounts"."employees" is null or "accounts"."employees" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"account_id" uuid NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text NOT NULL,
	"title" text,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "contacts_last_name_not_blank" CHECK (length(trim("contacts"."last_name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"series" text,
	"list_price_minor" bigint,
	"currency" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "products_list_price_positive" CHECK ("products"."list_price_minor" is null or "products"."list_price_minor" >= 0),
	CONSTRAINT "products_currency_format" CHECK ("products"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"account_id" uuid,
	"owner_id" uuid NOT NULL,
	"product_id" uuid,
	"amount_minor" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"stage_id" uuid NOT NULL,
	"created_on" date NOT NULL,
	"expected_close_on" date,
	"closed_on" date,
	"next_step" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "opportunities_amount_positive" CHECK ("opportunities"."amount_minor" >= 0),
	CONSTRAINT "opportunities_currency_format" CHECK ("opportunities"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "opportunities_name_not_blank" CHECK (length(trim("opportunities"."name")) > 0),
	CONSTRAINT "opportunities_closed_after_created" CHECK ("opportunities"."closed_on" is null or "opportunities"."closed_on" >= "opportunities"."created_on")
);
--> statement-breakpoint
CREATE TABLE "opportunity_close_date_changes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_date" date,
	"to_date" date,
	"changed_on" date NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_close_date_changes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_stage_changes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"changed_on" date NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_stage_changes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"occurs_on" date NOT NULL,
	"owner_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"contact_id" uuid,
	"subject" text DEFAULT '' NOT NULL,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "activities_status_valid" CHECK (status in ('planned', 'done'))
);
--> statement-breakpoint
CREATE TABLE "action_steps" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"what" text NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"objective_id" uuid,
	"influence_id" uuid,
	"competitor_id" uuid,
	"depends_on_step_id" uuid,
	"confidence" integer,
	"completed_on" date,
	"activity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_steps_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "action_steps_status_valid" CHECK (status in ('open', 'done', 'cancelled')),
	CONSTRAINT "action_steps_confidence_range" CHECK ("action_steps"."confidence" is null or "action_steps"."confidence" between 1 and 5),
	CONSTRAINT "action_steps_not_own_dependency" CHECK ("action_steps"."depends_on_step_id" is null or "action_steps"."depends_on_step_id" <> "action_steps"."id")
);
--> statement-breakpoint
CREATE TABLE "buying_influences" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"role" text NOT NULL,
	"influence" text DEFAULT 'medium' NOT NULL,
	"response_mode" text,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buying_influences_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "buying_influences_role_valid" CHECK (role in ('economic', 'user', 'technical', 'coach')),
	CONSTRAINT "buying_influences_influence_valid" CHECK (influence in ('high', 'medium', 'low')),
	CONSTRAINT "buying_influences_response_mode_valid" CHECK (response_mode is null or response_mode in ('growth', 'trouble', 'even_keel', 'overconfident'))
);
--> statement-breakpoint
CREATE TABLE "competitors" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"differentiators" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competitors_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "competitors_kind_valid" CHECK (kind in ('competitor', 'do_nothing', 'in_house', 'budget_elsewhere')),
	CONSTRAINT "competitors_named" CHECK ("competitors"."kind" <> 'competitor' or length(trim("competitors"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "deal_plans" (
	"org_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"buyer_result" text DEFAULT '' NOT NULL,
	"buyer_personal_win" text DEFAULT '' NOT NULL,
	"our_win" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deal_plans_org_id_opportunity_id_pk" PRIMARY KEY("org_id","opportunity_id")
);
--> statement-breakpoint
CREATE TABLE "response_mode_changes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"influence_id" uuid NOT NULL,
	"response_mode" text NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "response_mode_changes_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "response_mode_changes_mode_valid" CHECK (response_mode in ('growth', 'trouble', 'even_keel', 'overconfident'))
);
--> statement-breakpoint
CREATE TABLE "single_sales_objectives" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"who" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"where_when" text DEFAULT '' NOT NULL,
	"information_to_collect" text DEFAULT '' NOT NULL,
	"how" text DEFAULT '' NOT NULL,
	"desired_outcome" text DEFAULT '' NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "single_sales_objectives_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "single_sales_objectives_status_valid" CHECK (status in ('open', 'achieved', 'abandoned'))
);
--> statement-breakpoint
CREATE TABLE "strategies" (
	"org_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"start_month" integer NOT NULL,
	"target_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"model" text DEFAULT 'territory' NOT NULL,
	"seasonality_kind" text DEFAULT 'flat' NOT NULL,
	"seasonality_weights" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategies_org_id_fiscal_year_pk" PRIMARY KEY("org_id","fiscal_year"),
	CONSTRAINT "strategies_start_month_range" CHECK ("strategies"."start_month" between 1 and 12),
	CONSTRAINT "strategies_target_positive" CHECK ("strategies"."target_minor" >= 0),
	CONSTRAINT "strategies_model_valid" CHECK (model in ('territory', 'specialised', 'mixed')),
	CONSTRAINT "strategies_seasonality_kind_valid" CHECK (seasonality_kind in ('flat', 'entered', 'history')),
	CONSTRAINT "strategies_fiscal_year_range" CHECK ("strategies"."fiscal_year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "strategy_assignments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fiscal_year" integer NOT NULL,
	"rep_id" uuid NOT NULL,
	"segment_id" uuid,
	"weight" numeric DEFAULT 1 NOT NULL,
	CONSTRAINT "strategy_assignments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "strategy_assignments_rep_segment_key" UNIQUE NULLS NOT DISTINCT("org_id","fiscal_year","rep_id","segment_id"),
	CONSTRAINT "strategy_assignments_weight_positive" CHECK ("strategy_assignments"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "strategy_segment_shares" (
	"org_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"segment_id" uuid NOT NULL,
	"share_basis_points" integer NOT NULL,
	CONSTRAINT "strategy_segment_shares_org_id_fiscal_year_segment_id_pk" PRIMARY KEY("org_id","fiscal_year","segment_id"),
	CONSTRAINT "strategy_segment_shares_range" CHECK ("strategy_segment_shares"."share_basis_points" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "team_plan_items" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"team_plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"area" text,
	"title" text NOT NULL,
	"owner_id" uuid,
	"starts_on" date,
	"ends_on" date,
	"metric" text,
	"metric_source" text,
	"target_value" numeric,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_plan_items_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "team_plan_items_kind_valid" CHECK (kind in ('business_objective', 'goal', 'activity')),
	CONSTRAINT "team_plan_items_area_valid" CHECK (area is null or area in ('sales', 'marketing')),
	CONSTRAINT "team_plan_items_timeline_order" CHECK ("team_plan_items"."starts_on" is null or "team_plan_items"."ends_on" is null or "team_plan_items"."starts_on" <= "team_plan_items"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "team_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"manager_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"who_is_our_customer" text DEFAULT '' NOT NULL,
	"what_does_the_customer_value" text DEFAULT '' NOT NULL,
	"what_is_our_mission" text DEFAULT '' NOT NULL,
	"what_is_our_plan" text DEFAULT '' NOT NULL,
	"what_are_our_desired_results" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_plans_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rep_plan_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"held_on" date,
	"plan_vs_actual" jsonb,
	"discrepancies" text DEFAULT '' NOT NULL,
	"difficulties" text DEFAULT '' NOT NULL,
	"adjustments" text DEFAULT '' NOT NULL,
	"resulting_version_number" integer,
	"held_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "check_ins_status_valid" CHECK (status in ('due', 'held')),
	CONSTRAINT "check_ins_period_order" CHECK ("check_ins"."period_start" <= "check_ins"."period_end")
);
--> statement-breakpoint
CREATE TABLE "rep_plan_comments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rep_plan_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rep_plan_comments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "rep_plan_comments_body_not_blank" CHECK (length(trim("rep_plan_comments"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "rep_plan_target_accounts" (
	"org_id" uuid NOT NULL,
	"rep_plan_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "rep_plan_target_accounts_org_id_rep_plan_id_account_id_pk" PRIMARY KEY("org_id","rep_plan_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "rep_plan_versions" (
	"org_id" uuid NOT NULL,
	"rep_plan_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"rep_signed_at" timestamp with time zone NOT NULL,
	"manager_signed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rep_plan_versions_org_id_rep_plan_id_version_number_pk" PRIMARY KEY("org_id","rep_plan_id","version_number"),
	CONSTRAINT "rep_plan_versions_number_positive" CHECK ("rep_plan_versions"."version_number" > 0)
);
--> statement-breakpoint
CREATE TABLE "rep_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"rep_id" uuid NOT NULL,
	"manager_id" uuid,
	"fiscal_year" integer NOT NULL,
	"cadence" text DEFAULT 'monthly' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"funnel_inputs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"qualitative" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rep_signed_at" timestamp with time zone,
	"manager_signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rep_plans_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "rep_plans_state_valid" CHECK (state in ('draft', 'proposed', 'agreed', 'revised')),
	CONSTRAINT "rep_plans_cadence_valid" CHECK (cadence in ('monthly', 'quarterly'))
);
--> statement-breakpoint
CREATE TABLE "account_criterion_values" (
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "account_criterion_values_org_id_account_id_criterion_id_pk" PRIMARY KEY("org_id","account_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "key_account_benchmarks" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key_account_plan_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"metric_source" text,
	"baseline" numeric,
	"target" numeric NOT NULL,
	"due_on" date,
	"actual" numeric,
	CONSTRAINT "key_account_benchmarks_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "key_account_objectives" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key_account_plan_id" uuid NOT NULL,
	"term" text NOT NULL,
	"description" text NOT NULL,
	"due_on" date,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "key_account_objectives_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "key_account_objectives_term_valid" CHECK (term in ('short', 'long'))
);
--> statement-breakpoint
CREATE TABLE "key_account_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	"commitment" text DEFAULT '' NOT NULL,
	"rep_signed_at" timestamp with time zone,
	"manager_acknowledged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_account_plans_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "key_account_relationships" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key_account_plan_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"current_strength" integer NOT NULL,
	"target_strength" integer NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "key_account_relationships_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "key_account_relationships_current_range" CHECK ("key_account_relationships"."current_strength" between 1 and 5),
	CONSTRAINT "key_account_relationships_target_range" CHECK ("key_account_relationships"."target_strength" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "key_account_steps" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key_account_plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"what" text NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	CONSTRAINT "key_account_steps_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "key_account_steps_status_valid" CHECK (status in ('open', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "key_accounts" (
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"score" numeric NOT NULL,
	"confirmed_by" uuid NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_accounts_org_id_fiscal_year_account_id_pk" PRIMARY KEY("org_id","fiscal_year","account_id"),
	CONSTRAINT "key_accounts_score_range" CHECK ("key_accounts"."score" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "potential_criteria" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"weight" numeric NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "potential_criteria_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "potential_criteria_kind_valid" CHECK (kind in ('number', 'rating')),
	CONSTRAINT "potential_criteria_weight_positive" CHECK ("potential_criteria"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"scope_type" text,
	"scope_id" text,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_log_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "territories" ADD CONSTRAINT "territories_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_manager_fk" FOREIGN KEY ("org_id","manager_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_territory_fk" FOREIGN KEY ("org_id","territory_id") REFERENCES "public"."territories"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_types" ADD CONSTRAINT "activity_types_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_norms" ADD CONSTRAINT "segment_norms_org_id_segment_id_segments_org_id_id_fk" FOREIGN KEY ("org_id","segment_id") REFERENCES "public"."segments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_norms" ADD CONSTRAINT "segment_norms_org_id_activity_type_activity_types_org_id_key_fk" FOREIGN KEY ("org_id","activity_type") REFERENCES "public"."activity_types"("org_id","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_segment_fk" FOREIGN KEY ("org_id","segment_id") REFERENCES "public"."segments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_territory_fk" FOREIGN KEY ("org_id","territory_id") REFERENCES "public"."territories"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_product_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_stage_fk" FOREIGN KEY ("org_id","stage_id") REFERENCES "public"."stages"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_close_date_changes" ADD CONSTRAINT "opportunity_close_date_changes_opportunity_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_close_date_changes" ADD CONSTRAINT "opportunity_close_date_changes_changed_by_fk" FOREIGN KEY ("org_id","changed_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ADD CONSTRAINT "opportunity_stage_changes_opportunity_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ADD CONSTRAINT "opportunity_stage_changes_to_stage_fk" FOREIGN KEY ("org_id","to_stage_id") REFERENCES "public"."stages"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ADD CONSTRAINT "opportunity_stage_changes_from_stage_fk" FOREIGN KEY ("org_id","from_stage_id") REFERENCES "public"."stages"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_changes" ADD CONSTRAINT "opportunity_stage_changes_changed_by_fk" FOREIGN KEY ("org_id","changed_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_type_fk" FOREIGN KEY ("org_id","type") REFERENCES "public"."activity_types"("org_id","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_opportunity_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_plan_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."deal_plans"("org_id","opportunity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."single_sales_objectives"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_influence_fk" FOREIGN KEY ("org_id","influence_id") REFERENCES "public"."buying_influences"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_competitor_fk" FOREIGN KEY ("org_id","competitor_id") REFERENCES "public"."competitors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_depends_on_fk" FOREIGN KEY ("org_id","depends_on_step_id") REFERENCES "public"."action_steps"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_steps" ADD CONSTRAINT "action_steps_activity_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."activities"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buying_influences" ADD CONSTRAINT "buying_influences_plan_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."deal_plans"("org_id","opportunity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buying_influences" ADD CONSTRAINT "buying_influences_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitors" ADD CONSTRAINT "competitors_plan_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."deal_plans"("org_id","opportunity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_plans" ADD CONSTRAINT "deal_plans_opportunity_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_mode_changes" ADD CONSTRAINT "response_mode_changes_influence_fk" FOREIGN KEY ("org_id","influence_id") REFERENCES "public"."buying_influences"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_mode_changes" ADD CONSTRAINT "response_mode_changes_recorded_by_fk" FOREIGN KEY ("org_id","recorded_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "single_sales_objectives" ADD CONSTRAINT "single_sales_objectives_plan_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."deal_plans"("org_id","opportunity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_updated_by_fk" FOREIGN KEY ("org_id","updated_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_assignments" ADD CONSTRAINT "strategy_assignments_strategy_fk" FOREIGN KEY ("org_id","fiscal_year") REFERENCES "public"."strategies"("org_id","fiscal_year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_assignments" ADD CONSTRAINT "strategy_assignments_rep_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_assignments" ADD CONSTRAINT "strategy_assignments_segment_fk" FOREIGN KEY ("org_id","segment_id") REFERENCES "public"."segments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_segment_shares" ADD CONSTRAINT "strategy_segment_shares_strategy_fk" FOREIGN KEY ("org_id","fiscal_year") REFERENCES "public"."strategies"("org_id","fiscal_year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_segment_shares" ADD CONSTRAINT "strategy_segment_shares_segment_fk" FOREIGN KEY ("org_id","segment_id") REFERENCES "public"."segments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD CONSTRAINT "team_plan_items_plan_fk" FOREIGN KEY ("org_id","team_plan_id") REFERENCES "public"."team_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD CONSTRAINT "team_plan_items_parent_fk" FOREIGN KEY ("org_id","parent_id") REFERENCES "public"."team_plan_items"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD CONSTRAINT "team_plan_items_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plans" ADD CONSTRAINT "team_plans_manager_fk" FOREIGN KEY ("org_id","manager_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_plan_fk" FOREIGN KEY ("org_id","rep_plan_id") REFERENCES "public"."rep_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_held_by_fk" FOREIGN KEY ("org_id","held_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_plan_comments" ADD CONSTRAINT "rep_plan_comments_plan_fk" FOREIGN KEY ("org_id","rep_plan_id") REFERENCES "public"."rep_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_plan_comments" ADD CONSTRAINT "rep_plan_comments_author_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_plan_target_accounts" ADD CONSTRAINT "rep_plan_target_accounts_plan_fk" FOREIGN KEY ("org_id","rep_plan_id") REFERENCES "public"."rep_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_plan_target_accounts" ADD CONSTRAINT "rep_plan_target_accounts_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_plan_versions" ADD CONSTRAINT "rep_plan_versions_plan_fk" FOREIGN KEY ("org_id","rep_plan_id") REFERENCES "public"."rep_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_plans" ADD CONSTRAINT "rep_plans_rep_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_plans" ADD CONSTRAINT "rep_plans_manager_fk" FOREIGN KEY ("org_id","manager_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_criterion_values" ADD CONSTRAINT "account_criterion_values_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_criterion_values" ADD CONSTRAINT "account_criterion_values_criterion_fk" FOREIGN KEY ("org_id","criterion_id") REFERENCES "public"."potential_criteria"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_benchmarks" ADD CONSTRAINT "key_account_benchmarks_plan_fk" FOREIGN KEY ("org_id","key_account_plan_id") REFERENCES "public"."key_account_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_objectives" ADD CONSTRAINT "key_account_objectives_plan_fk" FOREIGN KEY ("org_id","key_account_plan_id") REFERENCES "public"."key_account_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_plans" ADD CONSTRAINT "key_account_plans_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_plans" ADD CONSTRAINT "key_account_plans_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_relationships" ADD CONSTRAINT "key_account_relationships_plan_fk" FOREIGN KEY ("org_id","key_account_plan_id") REFERENCES "public"."key_account_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_relationships" ADD CONSTRAINT "key_account_relationships_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_steps" ADD CONSTRAINT "key_account_steps_plan_fk" FOREIGN KEY ("org_id","key_account_plan_id") REFERENCES "public"."key_account_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_steps" ADD CONSTRAINT "key_account_steps_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_accounts" ADD CONSTRAINT "key_accounts_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_accounts" ADD CONSTRAINT "key_accounts_confirmed_by_fk" FOREIGN KEY ("org_id","confirmed_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "potential_criteria" ADD CONSTRAINT "potential_criteria_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "territories_org_name_key" ON "territories" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_org_external_id_key" ON "users" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "users_org_manager_idx" ON "users" USING btree ("org_id","manager_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_org_user_idx" ON "api_tokens" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_org_user_idx" ON "sessions" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_org_code_key" ON "segments" USING btree ("org_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "stages_org_name_key" ON "stages" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_org_external_id_key" ON "accounts" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "accounts_org_owner_idx" ON "accounts" USING btree ("org_id","owner_id");--> statement-breakpoint
CREATE INDEX "accounts_org_name_idx" ON "accounts" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_org_external_id_key" ON "contacts" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "contacts_org_account_idx" ON "contacts" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_org_name_key" ON "products" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "products_org_external_id_key" ON "products" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_org_external_id_key" ON "opportunities" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "opportunities_org_owner_idx" ON "opportunities" USING btree ("org_id","owner_id","closed_on");--> statement-breakpoint
CREATE INDEX "opportunities_org_account_idx" ON "opportunities" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "opportunities_org_stage_idx" ON "opportunities" USING btree ("org_id","stage_id");--> statement-breakpoint
CREATE INDEX "opportunities_org_closed_idx" ON "opportunities" USING btree ("org_id","closed_on");--> statement-breakpoint
CREATE INDEX "opportunity_close_date_changes_opportunity_idx" ON "opportunity_close_date_changes" USING btree ("org_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "opportunity_stage_changes_opportunity_idx" ON "opportunity_stage_changes" USING btree ("org_id","opportunity_id","changed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_org_external_id_key" ON "activities" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "activities_org_owner_occurs_idx" ON "activities" USING btree ("org_id","owner_id","occurs_on");--> statement-breakpoint
CREATE INDEX "activities_org_account_idx" ON "activities" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "activities_org_opportunity_idx" ON "activities" USING btree ("org_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "action_steps_plan_idx" ON "action_steps" USING btree ("org_id","opportunity_id","position");--> statement-breakpoint
CREATE INDEX "action_steps_owner_due_idx" ON "action_steps" USING btree ("org_id","owner_id","due_on");--> statement-breakpoint
CREATE INDEX "buying_influences_plan_idx" ON "buying_influences" USING btree ("org_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "competitors_plan_idx" ON "competitors" USING btree ("org_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "response_mode_changes_influence_idx" ON "response_mode_changes" USING btree ("org_id","influence_id","recorded_on");--> statement-breakpoint
CREATE INDEX "single_sales_objectives_plan_idx" ON "single_sales_objectives" USING btree ("org_id","opportunity_id","position");--> statement-breakpoint
CREATE INDEX "team_plan_items_plan_idx" ON "team_plan_items" USING btree ("org_id","team_plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_plans_manager_year_key" ON "team_plans" USING btree ("org_id","manager_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_plan_period_key" ON "check_ins" USING btree ("org_id","rep_plan_id","period_start");--> statement-breakpoint
CREATE INDEX "check_ins_org_due_idx" ON "check_ins" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "rep_plan_comments_plan_idx" ON "rep_plan_comments" USING btree ("org_id","rep_plan_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rep_plans_rep_year_key" ON "rep_plans" USING btree ("org_id","rep_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "key_account_plans_account_year_key" ON "key_account_plans" USING btree ("org_id","account_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "key_account_steps_plan_idx" ON "key_account_steps" USING btree ("org_id","key_account_plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "potential_criteria_org_name_key" ON "potential_criteria" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("org_id","entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_scope_idx" ON "audit_log" USING btree ("org_id","scope_type","scope_id","at");