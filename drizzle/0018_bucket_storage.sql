CREATE TABLE "direct_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"storage_key" text NOT NULL,
	"multipart_upload_id" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"part_size" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"file_id" uuid,
	"image_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "direct_uploads_purpose" CHECK ("direct_uploads"."purpose" in ('file', 'cover', 'example', 'avatar')),
	CONSTRAINT "direct_uploads_status" CHECK ("direct_uploads"."status" in ('open', 'completed', 'aborted')),
	CONSTRAINT "direct_uploads_sizes_positive" CHECK ("direct_uploads"."byte_size" > 0 and "direct_uploads"."part_size" > 0)
);
--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "data" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "storage_key" text;--> statement-breakpoint
ALTER TABLE "direct_uploads" ADD CONSTRAINT "direct_uploads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_uploads" ADD CONSTRAINT "direct_uploads_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_uploads" ADD CONSTRAINT "direct_uploads_image_id_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."images"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "direct_uploads_storage_key_idx" ON "direct_uploads" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "direct_uploads_owner_idx" ON "direct_uploads" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "direct_uploads_open_idx" ON "direct_uploads" USING btree ("created_at") WHERE "direct_uploads"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "files_storage_key_idx" ON "files" USING btree ("storage_key");--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_bytes_stored_once" CHECK (("files"."data" is null) <> ("files"."storage_key" is null));