-- An account is a prospect until it buys: the prospects with a won deal become customers.
UPDATE "accounts" SET "status" = 'customer', "updated_at" = now()
WHERE "status" = 'prospect' AND EXISTS (
  SELECT 1 FROM "opportunities" o
  JOIN "stages" s ON s."org_id" = o."org_id" AND s."id" = o."stage_id"
  WHERE o."org_id" = "accounts"."org_id" AND o."account_id" = "accounts"."id" AND s."kind" = 'won'
);
