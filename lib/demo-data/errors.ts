// Readable failure messages: Drizzle wraps driver errors with the whole query and its (huge) bulk parameters.

/** The innermost cause's message, cut to one short line, e.g. `duplicate key value violates unique constraint …`. */
export function describeSeedError(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const message = current instanceof Error ? current.message : String(current);
  const detail = current instanceof Error && "detail" in current && typeof current.detail === "string" ? ` (${current.detail})` : "";
  const line = `${message.split("\n")[0]}${detail}`;
  return line.length > 500 ? `${line.slice(0, 497)}…` : line;
}

/** Postgres reported a deadlock (40P01): the statement was rolled back as a whole and may simply be run again. */
export function isDeadlock(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ("code" in current && current.code === "40P01") return true;
  }
  return false;
}
