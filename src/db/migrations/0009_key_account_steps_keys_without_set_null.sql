ALTER TABLE "key_account_steps" DROP CONSTRAINT "key_account_steps_objective_fk";
--> statement-breakpoint
ALTER TABLE "key_account_steps" DROP CONSTRAINT "key_account_steps_relationship_fk";
--> statement-breakpoint
ALTER TABLE "key_account_steps" ADD CONSTRAINT "key_account_steps_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."key_account_objectives"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_account_steps" ADD CONSTRAINT "key_account_steps_relationship_fk" FOREIGN KEY ("org_id","relationship_id") REFERENCES "public"."key_account_relationships"("org_id","id") ON DELETE no action ON UPDATE no action;