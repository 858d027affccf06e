// Next's data and page cache for `next start` (next.config.mjs `cacheHandler`; not on Vercel, whose cache is shared
// already): Next's own file-system cache, with revalidated tags shared by every instance through Postgres
// (shared-tags.mjs). Without DATABASE_URL (the embedded database: one process) it is Next's cache unchanged.
// Next creates a handler per request; the shared state lives once per process, on globalThis.
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import postgres from "postgres";
import { createNodeLog } from "../observability/node-log.mjs";
import { createSharedTags } from "./shared-tags.mjs";

const FileSystemCache = FileSystemCacheModule.default ?? FileSystemCacheModule;

/** Marks tags revalidated now in this process's memory, exactly as Next's own handler does for its own calls. */
const applyHere = (tags, durations) => FileSystemCache.prototype.revalidateTag.call(null, tags, durations);

function sharedTags() {
  const g = globalThis;
  if (g.__agoraSharedTags !== undefined) return g.__agoraSharedTags;
  const url = process.env.DATABASE_URL;
  // `next build` prerenders into a cache of its own, revalidates nothing, and may run before the database is migrated
  // (CI builds first): it shares nothing.
  if (!url || process.env.NEXT_PHASE === "phase-production-build") return (g.__agoraSharedTags = null);
  // One connection per process is plenty: a poll a second at most, and a write per revalidation. No prepared
  // statements, so transaction poolers are fine.
  const sql = postgres(url, { max: 1, prepare: false, idle_timeout: 30, connect_timeout: 5, onnotice: () => {} });
  const log = createNodeLog();

  let lastErrorLog = 0;
  g.__agoraSharedTags = createSharedTags({
    query: (text, params) => sql.unsafe(text, params),
    apply: applyHere,
    onError: (err, during) => {
      // At most one line every 10 s while the database is away.
      if (Date.now() - lastErrorLog < 10_000) return;
      lastErrorLog = Date.now();
      log.error({ event: "cache.shared_tags_failed", during, err }, "revalidated cache tags could not be shared with the other instances");
    },
  });
  return g.__agoraSharedTags;
}

export default class SharedTagsCache extends FileSystemCache {
  async get(...args) {
    await sharedTags()?.sync();
    return super.get(...args);
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    await sharedTags()?.publish(typeof tags === "string" ? [tags] : tags, durations);
  }
}
