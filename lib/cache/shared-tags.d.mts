// Types of shared-tags.mjs (plain JavaScript: Next loads the cache handler with Node alone).
export const SYNC_EVERY_MS: number;
export const SYNC_WAIT_MS: number;
export const KEEP_FOR: string;
export const LATE_COMMIT: string;
export const FORGET_APPLIED_MS: number;

export type Durations = { expire?: number } | undefined;
export type SharedTags = {
  /** Applies what other processes revalidated since the last read, if that was over `syncEveryMs` ago; waits for it at most `waitMs`. */
  sync(): Promise<void>;
  /** Writes tags this process revalidated (already applied here) for the others. */
  publish(tags: string[], durations: Durations): Promise<void>;
};

export function createSharedTags(options: {
  query: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
  apply: (tags: string[], durations: Durations) => void;
  onError?: (error: unknown, during: "publish" | "sync") => void;
  now?: () => number;
  syncEveryMs?: number;
  waitMs?: number;
}): SharedTags;
