CREATE TABLE "deal_plan_comments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deal_plan_comments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "deal_plan_comments_body_not_blank" CHECK (length(trim("deal_plan_comments"."body")) > 0)
);
--> statement-breakpoint
ALTER TABLE "deal_plan_comments" ADD CONSTRAINT "deal_plan_comments_opportunity_fk" FOREIGN KEY ("org_id","opportunity_id") REFERENCES "public"."opportunities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_plan_comments" ADD CONSTRAINT "deal_plan_comments_author_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deal_plan_comments_plan_idx" ON "deal_plan_comments" USING btree ("org_id","opportunity_id","created_at");