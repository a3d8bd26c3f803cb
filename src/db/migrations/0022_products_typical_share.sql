-- A product's typical share of an account's annual revenue, in basis points: the key-account
-- whitespace potential where the owner entered none (DOMAIN.md, "Key accounts").
ALTER TABLE "products" ADD COLUMN "typical_share_bp" integer;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_typical_share_range" CHECK ("products"."typical_share_bp" is null or ("products"."typical_share_bp" >= 0 and "products"."typical_share_bp" <= 10000));