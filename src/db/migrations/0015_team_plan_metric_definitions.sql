ALTER TABLE "team_plan_items" ADD COLUMN "metric_counts" text;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD COLUMN "metric_activity_type" text;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD COLUMN "metric_member_id" uuid;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD COLUMN "metric_segment_id" uuid;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD COLUMN "metric_account_status" text;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD COLUMN "metric_product_id" uuid;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD COLUMN "entered_actual" numeric;--> statement-breakpoint
-- Existing metrics keep counting what they counted: "activities:<type>" becomes an activity count of
-- that type, and an activity with an owner counted that owner's rows alone, so the owner becomes
-- the metric's member. A metric named without a source could not be counted: it takes entered
-- actuals (none entered yet).
UPDATE "team_plan_items" SET
  "metric_counts" = CASE WHEN "metric_source" LIKE 'activities:%' THEN 'activities' ELSE "metric_source" END,
  "metric_activity_type" = CASE WHEN "metric_source" LIKE 'activities:%' THEN substr("metric_source", 12) END,
  "metric_member_id" = "owner_id"
WHERE "metric_source" IN ('won_revenue', 'opportunities_created') OR "metric_source" LIKE 'activities:%';--> statement-breakpoint
UPDATE "team_plan_items" SET "metric_counts" = 'entered'
WHERE "kind" = 'activity' AND "metric_counts" IS NULL AND ("metric" IS NOT NULL OR "target_value" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD CONSTRAINT "team_plan_items_metric_member_fk" FOREIGN KEY ("org_id","metric_member_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD CONSTRAINT "team_plan_items_metric_segment_fk" FOREIGN KEY ("org_id","metric_segment_id") REFERENCES "public"."segments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD CONSTRAINT "team_plan_items_metric_product_fk" FOREIGN KEY ("org_id","metric_product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD CONSTRAINT "team_plan_items_metric_counts_valid" CHECK (metric_counts is null or metric_counts in ('activities', 'opportunities_created', 'opportunities_won', 'won_revenue', 'entered'));--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD CONSTRAINT "team_plan_items_metric_account_status_valid" CHECK (metric_account_status is null or metric_account_status in ('prospect', 'customer'));--> statement-breakpoint
ALTER TABLE "team_plan_items" ADD CONSTRAINT "team_plan_items_metric_activity_type_iff_activities" CHECK (("team_plan_items"."metric_counts" = 'activities') = ("team_plan_items"."metric_activity_type" is not null));