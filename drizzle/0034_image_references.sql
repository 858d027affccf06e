-- Whether an image is withheld (readImage in lib/images/read.ts: used only by removed listings) was answered by reading
-- every removed listing's preview as text and every other listing's cover without an index: an image no removed
-- listing uses (nearly every cover) cost a pass over all of them, 15 ms with 1,502 removed listings at 100k and
-- growing with them (0.17 ms with these). They answer each part by the image's id: the listings whose cover it is,
-- with their status (removed or not), the listings whose preview shows it (a prompt's example outputs; the expression
-- is the query's, word for word; a listing still public keeps such an image public too), and the creators whose
-- avatar it is.
CREATE INDEX IF NOT EXISTS "listings_cover_image_idx" ON "listings" ("cover_image_id", "status") WHERE "cover_image_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "listings_preview_images_idx" ON "listings" USING gin (jsonb_path_query_array("preview", '$.exampleOutputs[*].imageId'));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "creator_profiles_avatar_image_idx" ON "creator_profiles" ("avatar_image_id") WHERE "avatar_image_id" IS NOT NULL;
