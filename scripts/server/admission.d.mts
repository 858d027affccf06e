// Types of admission.mjs (plain JavaScript so that `npm start` runs it with node alone).
import type { IncomingMessage, ServerResponse } from "node:http";

export const DEFAULT_MAX_QUEUED: number;
export const DEFAULT_MAX_ACTIVE: number;
export const DEFAULT_LEASE_MS: number;

export type AdmissionStats = {
  /** Requests being served now (bypassing ones not counted). */
  active: number;
  /** Requests waiting for a slot. */
  queued: number;
  /** Requests that got a slot, since start. */
  admitted: number;
  /** Requests refused because the queue was full (answered 503), since start. */
  refused: number;
  /** Requests whose client hung up while they waited, since start. */
  abandoned: number;
  /** Requests that held a slot past the lease and gave it back while still running, since start. */
  released: number;
  maxActive: number;
  maxQueued: number;
};

export type Admission = {
  admit(req: IncomingMessage, res: ServerResponse, handle: () => void): boolean;
  stats: AdmissionStats;
};

export function createAdmission(options: { maxActive: number; maxQueued: number; leaseMs?: number; bypass?: (req: IncomingMessage) => boolean }): Admission;
