// Whether the database is known to be unreachable, shared by everything in this server process (ARCHITECTURE.md,
// "Edge and observability"). A failed connection — seen by a page, a route, an action or the health check — marks it
// down; while it is down the proxy answers pages 503 with Retry-After instead of rendering each one into a 500 (and, on
// a database that hangs, instead of waiting for a connect timeout). At most once a second one request probes it again
// (`select 1`, bounded); the first probe that succeeds marks it up. Nothing here imports anything: the proxy, lib/errors
// (which client components import) and instrumentation each load their own copy, so the state lives on globalThis.

/** postgres-js's own codes for a connection it lost or never made. */
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"]);
/** The operating system's: nothing listens, the host is gone, the link broke. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
/** Postgres's: class 08 (connection exception), and the server shutting down or still starting (57P01–57P03). */
const SQLSTATE_CONNECTION = /^(08[0-9A-Z]{3}|57P0[123])$/;

/**
 * True when `error` (or what it wraps: drizzle's query error keeps the driver's as `cause`, Node's happy-eyeballs
 * connect throws an AggregateError) says the database could not be reached — not that a statement was refused.
 */
export function isDatabaseConnectionFailure(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (DRIVER_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE_CONNECTION.test(code))) return true;
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.some((e) => isDatabaseConnectionFailure(e, depth + 1))) return true;
  return isDatabaseConnectionFailure((error as { cause?: unknown }).cause, depth + 1);
}

/** How long after a probe the next one may run; meanwhile pages are answered 503 without trying the database. */
export const PROBE_INTERVAL_MS = 1000;
/** What the 503 asks a client (and a balancer) to wait, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

type Availability = {
  downSince: number | null;
  lastProbeAt: number;
  probing: Promise<boolean> | null;
  /** Installed by instrumentation (lib/health's bounded `select 1`); without one the gate never closes. */
  probe: (() => Promise<boolean>) | null;
};

const KEY = Symbol.for("agora.database.availability");
function state(): Availability {
  const g = globalThis as typeof globalThis & { [KEY]?: Availability };
  return (g[KEY] ??= { downSince: null, lastProbeAt: 0, probing: null, probe: null });
}

/** How this server checks the database again while it is marked down. */
export function registerDatabaseProbe(probe: (() => Promise<boolean>) | null): void {
  state().probe = probe;
}

/** Marks the database unreachable (from the first failure on). Returns true when it was reachable until now. */
export function noteDatabaseUnreachable(now = Date.now()): boolean {
  const s = state();
  if (s.downSince !== null) return false;
  s.downSince = now;
  // The failure that marked it down counts as the latest probe: the next one waits a full interval.
  s.lastProbeAt = now;
  return true;
}

/** Marks the database reachable. Returns how long it was down (ms), or null when it was not marked down. */
export function noteDatabaseReachable(now = Date.now()): number | null {
  const s = state();
  if (s.downSince === null) return null;
  const downFor = now - s.downSince;
  s.downSince = null;
  return downFor;
}

/** Since when the database has been known unreachable (epoch ms), or null. */
export function databaseDownSince(): number | null {
  return state().downSince;
}

/**
 * Whether a request should go on to use the database. Up: yes, at once. Down: one caller a second runs the probe and
 * gets its answer (a probe that succeeds reopens the gate); every other caller hears "no" at once.
 */
export async function databaseAvailable(now = Date.now()): Promise<boolean> {
  const s = state();
  if (s.downSince === null || !s.probe) return true;
  if (s.probing || now - s.lastProbeAt < PROBE_INTERVAL_MS) return false;
  s.lastProbeAt = now;
  const probing = s.probe().catch(() => false);
  s.probing = probing;
  try {
    const up = await probing;
    if (up) noteDatabaseReachable();
    return up;
  } finally {
    s.probing = null;
  }
}
