DROP INDEX "email_outbox_due_idx";--> statement-breakpoint
ALTER TABLE "email_outbox" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "email_outbox" ALTER COLUMN "status" SET DATA TYPE text USING "status"::text;--> statement-breakpoint
ALTER TABLE "email_outbox" ALTER COLUMN "status" SET DEFAULT 'pending';--> statement-breakpoint
ALTER TABLE "email_preferences" ALTER COLUMN "sale_emails" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "email_preferences" ALTER COLUMN "sale_emails" SET DATA TYPE text USING "sale_emails"::text;--> statement-breakpoint
ALTER TABLE "email_preferences" ALTER COLUMN "sale_emails" SET DEFAULT 'each';--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_status_known" CHECK ("email_outbox"."status" in ('pending', 'sending', 'sent', 'failed', 'kept', 'digest', 'digested', 'skipped'));--> statement-breakpoint
ALTER TABLE "email_preferences" ADD CONSTRAINT "email_preferences_sale_emails_known" CHECK ("email_preferences"."sale_emails" in ('each', 'digest', 'off'));--> statement-breakpoint
DROP TYPE "public"."email_status";--> statement-breakpoint
DROP TYPE "public"."sale_email_mode";--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("next_attempt_at") WHERE status in ('pending', 'sending', 'digest');
