-- A bucket object outlives its `files` row only in the storage_deletions queue: deleting a row (directly, or by the
-- cascade from its owner's account) or pointing it at another key queues the old key in the same transaction, and
-- the storage cron deletes the object (lib/storage/orphans.ts). Rows whose bytes are in `data` go with the row.
CREATE OR REPLACE FUNCTION agora_queue_storage_deletion() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.storage_key IS NOT NULL AND (TG_OP = 'DELETE' OR NEW.storage_key IS DISTINCT FROM OLD.storage_key) THEN
    INSERT INTO storage_deletions (storage_key) VALUES (OLD.storage_key) ON CONFLICT (storage_key) DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER files_queue_storage_deletion
  AFTER DELETE OR UPDATE OF storage_key ON files
  FOR EACH ROW EXECUTE FUNCTION agora_queue_storage_deletion();
