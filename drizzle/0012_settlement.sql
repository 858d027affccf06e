CREATE TABLE "local_stripe_transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text DEFAULT 'usd' NOT NULL,
	"destination" text NOT NULL,
	"transfer_group" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reversed_cents" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payouts" DROP CONSTRAINT "payouts_amount_positive";--> statement-breakpoint
ALTER TABLE "payouts" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "payouts" ALTER COLUMN "status" SET DATA TYPE text USING "status"::text;--> statement-breakpoint
ALTER TABLE "payouts" ALTER COLUMN "status" SET DEFAULT 'pending';--> statement-breakpoint
ALTER TABLE "creator_profiles" ADD COLUMN "stripe_details_submitted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "creator_profiles" ADD COLUMN "stripe_transfers_capability" text;--> statement-breakpoint
ALTER TABLE "creator_profiles" ADD COLUMN "stripe_requirements_due" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "creator_profiles" ADD COLUMN "stripe_disabled_reason" text;--> statement-breakpoint
ALTER TABLE "creator_profiles" ADD COLUMN "stripe_account_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "period_end_balance_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "hold_reason" text;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "key_first_used_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "carried_into_period" text;--> statement-breakpoint
ALTER TABLE "payouts" ADD COLUMN "reversed_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "settlement_runs" ADD COLUMN "planned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "settlement_runs" ADD COLUMN "creators_considered" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "settlement_runs" ADD COLUMN "creators_remaining" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "settlement_runs" ADD COLUMN "invocations" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "settlement_runs" ADD COLUMN "last_invocation_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "local_stripe_transfers_key_idx" ON "local_stripe_transfers" USING btree ("idempotency_key","created_at");--> statement-breakpoint
CREATE INDEX "local_stripe_transfers_group_idx" ON "local_stripe_transfers" USING btree ("transfer_group");--> statement-breakpoint
CREATE INDEX "payouts_period_status_idx" ON "payouts" USING btree ("period","status");--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_status_known" CHECK ("payouts"."status" in ('pending', 'held', 'processing', 'paid', 'failed', 'carried', 'reversed'));--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_hold_reason_known" CHECK ("payouts"."hold_reason" is null or "payouts"."hold_reason" in ('below_minimum', 'onboarding_incomplete', 'account_restricted', 'negative_balance', 'platform_balance_short'));--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_reversed_range" CHECK ("payouts"."reversed_cents" >= 0 and "payouts"."reversed_cents" <= greatest("payouts"."amount_cents", 0));--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_amount_positive" CHECK ("payouts"."status" in ('pending', 'held', 'carried') or "payouts"."amount_cents" > 0);--> statement-breakpoint
DROP TYPE "public"."payout_status";