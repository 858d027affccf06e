// LIKE patterns from what a person typed: their %, _ and \ are matched as themselves, not as wildcards.

/** `%q%` with q's wildcard characters escaped (Postgres's default LIKE escape is the backslash). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
