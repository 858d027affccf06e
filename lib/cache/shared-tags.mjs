// Revalidated data-cache tags shared through Postgres (table cache_tag_revalidations), for `next start` run as several
// instances or processes. Next's own cache handler marks a revalidated tag in the memory of the process that
// revalidated it only: every other instance would go on serving what was cached under that tag (a removed listing, an
// old price) until the entry's time runs out. Here a revalidation is also written to Postgres, and each process, before
// a cache read, at most once a second reads the revalidations it has not seen and applies them to its own memory as
// if it had made them then (handler.mjs). Plain JavaScript: Next loads the cache handler with Node alone.

/** A process reads others' revalidations at most this often (the longest another instance serves a stale entry). */
export const SYNC_EVERY_MS = 1_000;
/**
 * A cache read waits at most this long for that read: a database that hangs (a lost network, not a refused
 * connection) would otherwise hold every cached answer for the connect timeout. The read goes on and applies when done.
 */
export const SYNC_WAIT_MS = 250;
/** Revalidations older than this are forgotten: every cached entry's own time (at most an hour) has run out by then. */
export const KEEP_FOR = "1 day";
/** Rows written within this of a poll are read again by it: a revalidation committed after a later one is not missed. */
export const LATE_COMMIT = "5 seconds";
/** What this process applied is remembered this long: far longer than a row can be read again (LATE_COMMIT). */
export const FORGET_APPLIED_MS = 60_000;

/**
 * @typedef {{ expire?: number } | undefined} Durations Next's revalidateTag durations (seconds).
 * @typedef {(text: string, params: unknown[]) => Promise<Record<string, unknown>[]>} Query
 * @typedef {(tags: string[], durations: Durations) => void} Apply marks tags revalidated now in this process's memory
 */

/**
 * @param {{ query: Query, apply: Apply, onError?: (error: unknown, during: "publish" | "sync") => void,
 *   now?: () => number, syncEveryMs?: number, waitMs?: number }} options
 */
export function createSharedTags({ query, apply, onError = () => {}, now = Date.now, syncEveryMs = SYNC_EVERY_MS, waitMs = SYNC_WAIT_MS }) {
  /**
   * Each tag's latest version applied here (or written from here) and when: a row read twice is applied once. A row is
   * read again only within LATE_COMMIT of its writing, so what was applied over FORGET_APPLIED_MS ago is forgotten
   * (the map would otherwise keep every tag the process ever saw).
   */
  const applied = new Map();
  const remember = (tag, version) => applied.set(tag, { version: Math.max(applied.get(tag)?.version ?? -1, version), at: now() });
  let seen = -1;
  let lastSync = -Infinity;
  /** @type {Promise<void> | null} */
  let syncing = null;
  let syncStarted = 0;

  /** @param {Record<string, unknown>[]} rows */
  const take = (rows) => {
    /** @type {Map<string, string[]>} */
    const byDurations = new Map();
    for (const row of rows) {
      const version = Number(row.version);
      const tag = String(row.tag);
      seen = Math.max(seen, version);
      if ((applied.get(tag)?.version ?? -1) >= version) continue;
      remember(tag, version);
      const key = JSON.stringify(row.durations ?? null);
      byDurations.set(key, [...(byDurations.get(key) ?? []), tag]);
    }
    for (const [key, tags] of byDurations) apply(tags, JSON.parse(key) ?? undefined);
  };

  const readRevalidations = async () => {
    // The first read takes the last day's (this process's cache on disk may predate them); later ones what is new.
    const rows =
      seen < 0
        ? await query(`select tag, durations, version from cache_tag_revalidations where revalidated_at > now() - interval '${KEEP_FOR}' order by version`, [])
        : await query(
            `select tag, durations, version from cache_tag_revalidations
             where version > $1 or revalidated_at > now() - interval '${LATE_COMMIT}' order by version`,
            [seen],
          );
    take(rows);
    if (seen < 0) seen = 0;
    for (const [tag, { at }] of applied) if (now() - at > FORGET_APPLIED_MS) applied.delete(tag);
  };

  return {
    /**
     * Applies what other processes revalidated since the last read, if that was over `syncEveryMs` ago; waits for the
     * read at most `waitMs`.
     */
    async sync() {
      if (now() - lastSync < syncEveryMs) return;
      if (!syncing) syncStarted = now();
      syncing ??= readRevalidations()
        .then(() => {
          lastSync = now();
        })
        .catch((error) => {
          // The database is away: serve from this process's own knowledge, and try again at the next interval.
          lastSync = now();
          onError(error, "sync");
        })
        .finally(() => {
          syncing = null;
        });
      // Counted from the read's start: once one cache read has waited its full time for a hanging read, none waits.
      let timer;
      const left = Math.max(0, waitMs - (now() - syncStarted));
      await Promise.race([syncing, new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
      clearTimeout(timer);
    },

    /** Writes tags this process revalidated (already applied here) for the others. */
    async publish(/** @type {string[]} */ tags, /** @type {Durations} */ durations) {
      if (tags.length === 0) return;
      try {
        const rows = await query(
          `with forgotten as (delete from cache_tag_revalidations where revalidated_at < now() - interval '${KEEP_FOR}')
           insert into cache_tag_revalidations (tag, durations)
           select distinct unnest($1::text[]), $2::text::jsonb
           on conflict (tag) do update
             set durations = excluded.durations, revalidated_at = now(),
                 version = nextval(pg_get_serial_sequence('cache_tag_revalidations', 'version'))
           returning tag, version`,
          // As text, parsed by Postgres: a driver given a string for a jsonb parameter may store it as a JSON string.
          [tags, durations === undefined ? null : JSON.stringify(durations)],
        );
        for (const row of rows) remember(String(row.tag), Number(row.version));
      } catch (error) {
        // Revalidated here; the others serve their entries until those expire by time (at most REVALIDATE_SECONDS).
        onError(error, "publish");
      }
    },
  };
}
