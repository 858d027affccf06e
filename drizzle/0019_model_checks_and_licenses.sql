ALTER TABLE "files" ADD COLUMN "inspection" jsonb;--> statement-breakpoint
ALTER TABLE "listing_versions" ADD COLUMN "license" jsonb;--> statement-breakpoint
ALTER TABLE "listing_search" ADD COLUMN "commercial_use" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "listing_versions" ADD CONSTRAINT "listing_versions_license_rights" CHECK ("listing_versions"."license" is null or jsonb_typeof("listing_versions"."license"->'commercialUse') = 'boolean');