CREATE TABLE "listing_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"author_id" uuid,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"cover_image_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_revisions_status_known" CHECK ("listing_revisions"."status" in ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "reports" DROP CONSTRAINT "reports_one_target";--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "target_type" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "creator_id" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "claimed_work" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "claimant_contact" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "good_faith_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "counter_notice" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "counter_notice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "listing_revisions" ADD CONSTRAINT "listing_revisions_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_revisions" ADD CONSTRAINT "listing_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_revisions" ADD CONSTRAINT "listing_revisions_cover_image_id_images_id_fk" FOREIGN KEY ("cover_image_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_revisions" ADD CONSTRAINT "listing_revisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "listing_revisions_one_pending_key" ON "listing_revisions" USING btree ("listing_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "listing_revisions_listing_idx" ON "listing_revisions" USING btree ("listing_id","submitted_at");--> statement-breakpoint
CREATE INDEX "listing_revisions_queue_idx" ON "listing_revisions" USING btree ("status","submitted_at");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Earlier duplicates (same reporter, same target, both open) are closed before one open report per target is enforced.
UPDATE "reports" r SET "status" = 'dismissed', "resolution_note" = 'Duplicate of an earlier report by the same person.', "resolved_at" = now()
  WHERE r."status" = 'open' AND EXISTS (SELECT 1 FROM "reports" o WHERE o."status" = 'open' AND o."reporter_id" = r."reporter_id"
    AND o."target_type" = r."target_type" AND coalesce(o."review_id", o."listing_id") = coalesce(r."review_id", r."listing_id")
    AND (o."created_at", o."id") < (r."created_at", r."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "reports_one_open_per_target_key" ON "reports" USING btree ("reporter_id","target_type",coalesce("review_id", "listing_id", "creator_id")) WHERE status = 'open';--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_target_known" CHECK ("reports"."target_type" in ('listing', 'review', 'creator'));--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_resolution_known" CHECK ("reports"."resolution" is null or "reports"."resolution" in ('review_hidden', 'listing_removed', 'creator_warned', 'creator_suspended'));--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_one_target" CHECK (("reports"."target_type" = 'listing' and "reports"."listing_id" is not null and "reports"."review_id" is null) or ("reports"."target_type" = 'review' and "reports"."review_id" is not null) or ("reports"."target_type" = 'creator' and "reports"."creator_id" is not null and "reports"."listing_id" is null and "reports"."review_id" is null));--> statement-breakpoint
DROP TYPE "public"."report_target";