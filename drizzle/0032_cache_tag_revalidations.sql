CREATE TABLE "cache_tag_revalidations" (
	"tag" text PRIMARY KEY NOT NULL,
	"durations" jsonb,
	"version" bigserial NOT NULL,
	"revalidated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cache_tag_revalidations_version_idx" ON "cache_tag_revalidations" USING btree ("version");--> statement-breakpoint
CREATE INDEX "cache_tag_revalidations_at_idx" ON "cache_tag_revalidations" USING btree ("revalidated_at");