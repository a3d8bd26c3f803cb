CREATE TABLE "exchange_rates" (
	"org_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"month" date NOT NULL,
	"rate" numeric(24, 12) NOT NULL,
	"minor_unit_rate" numeric(30, 15) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_org_id_currency_month_pk" PRIMARY KEY("org_id","currency","month"),
	CONSTRAINT "exchange_rates_currency_format" CHECK ("exchange_rates"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "exchange_rates_month_first_day" CHECK (extract(day from "exchange_rates"."month") = 1),
	CONSTRAINT "exchange_rates_rate_positive" CHECK ("exchange_rates"."rate" > 0 and "exchange_rates"."minor_unit_rate" > 0)
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;