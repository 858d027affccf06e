// Streaming a large object through the server (hashing a model file in the bucket) allocates a fresh network buffer
// for every read. V8 frees those buffers only at its next collection, and it starts one for "external" memory only
// once ~64 MB has piled up since the last, so streaming a gigabyte held the server ~65–80 MB above its resting
// size. Asking for a young-generation collection every 2 MB frees the already-hashed buffers early: the
// server's memory stays flat whatever the file size, for ~1 ms per collection.
import "server-only";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

type Collect = (options?: { type?: "major" | "minor"; execution?: "sync" }) => void;

let collect: Collect | null | undefined;

/** V8's collector, or null where it cannot be reached (the server then streams as before, only less flat). */
export function collector(): Collect | null {
  if (collect !== undefined) return collect;
  try {
    // The global `gc` exists in contexts created after the flag is set (the server's own context predates it).
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as Collect;
  } catch {
    collect = null;
  }
  return collect;
}

/** Bytes streamed between two collections. */
export const COLLECT_EVERY_BYTES = 2 * 1024 * 1024;

/** Counts streamed bytes and collects the young generation every COLLECT_EVERY_BYTES. */
export function streamedBufferReleaser(collect: Collect | null = collector()): (bytes: number) => void {
  let since = 0;
  return (bytes) => {
    since += bytes;
    if (since < COLLECT_EVERY_BYTES) return;
    since = 0;
    collect?.({ type: "minor" });
  };
}
