// The production server's admission queue (scripts/server/index.mjs): at most `maxActive` requests are served at once
// and the rest wait their turn in arrival order. Without it, an overloaded `next start` works on every request at
// once: each statement and render step of every request waits behind all the others', so a search of five statements
// waited five times as often as a cached home page (1,000 connections at 90 answers a second: home p50 0.7 s, searches
// and /browse p50 14–16 s, 103 of them past the clients' 30 s). In arrival order every request waits about as long as
// the queue ahead of it takes (ARCHITECTURE.md, "The production server").
//
// Plain JavaScript: `npm start` runs it with node alone (no TypeScript loader in a production install); its types are
// in admission.d.mts.

/** Requests beyond this many waiting are refused at once with 503 (the queue is then minutes long). */
export const DEFAULT_MAX_QUEUED = 4096;
/** Requests served at once: enough to keep the database and the event loop busy, few enough to finish in order. */
export const DEFAULT_MAX_ACTIVE = 16;
/**
 * A request holding its slot this long gives it back and goes on outside the count: long requests are a slow client's
 * upload or a file streamed to one, which wait on the network, not on this process.
 */
export const DEFAULT_LEASE_MS = 10_000;

/**
 * @param {{ maxActive: number; maxQueued: number; leaseMs?: number; bypass?: (req: import("node:http").IncomingMessage) => boolean }} options
 */
export function createAdmission(options) {
  const { maxActive, maxQueued, leaseMs = DEFAULT_LEASE_MS, bypass = () => false } = options;
  if (!(Number.isInteger(maxActive) && maxActive >= 1)) throw new RangeError("maxActive must be a positive integer");
  if (!(Number.isInteger(maxQueued) && maxQueued >= 0)) throw new RangeError("maxQueued must be a non-negative integer");
  /** @type {{ start: () => void; waiting: boolean }[]} */
  const queue = [];
  const stats = { active: 0, queued: 0, admitted: 0, refused: 0, abandoned: 0, released: 0, maxActive, maxQueued };

  function startWaiting() {
    while (stats.active < maxActive && queue.length > 0) {
      const entry = /** @type {{ start: () => void; waiting: boolean }} */ (queue.shift());
      if (!entry.waiting) continue;
      entry.waiting = false;
      stats.queued--;
      entry.start();
    }
  }

  /**
   * Serves `req` with `handle` now, or when a slot frees after everyone who came before. Returns false, without
   * calling `handle`, when the queue is full: the caller answers 503.
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {() => void} handle
   */
  function admit(req, res, handle) {
    if (bypass(req)) {
      handle();
      return true;
    }
    const start = () => {
      stats.active++;
      stats.admitted++;
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        clearTimeout(lease);
        stats.active--;
        startWaiting();
      };
      const lease = setTimeout(() => {
        stats.released++;
        release();
      }, leaseMs);
      lease.unref?.();
      // "close" follows the last byte written, or a connection lost first.
      res.once("close", release);
      handle();
    };
    if (stats.active < maxActive && stats.queued === 0) {
      start();
      return true;
    }
    if (stats.queued >= maxQueued) {
      stats.refused++;
      return false;
    }
    const entry = { start, waiting: true };
    queue.push(entry);
    stats.queued++;
    // A client that hangs up while waiting leaves the queue (its place is skipped when its turn comes).
    res.once("close", () => {
      if (!entry.waiting) return;
      entry.waiting = false;
      stats.queued--;
      stats.abandoned++;
    });
    return true;
  }

  return { admit, stats };
}
