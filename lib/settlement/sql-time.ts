// A Date as a SQL timestamptz parameter: raw statements bind text on both drivers, so say what it is.
import "server-only";
import { sql, type SQL } from "drizzle-orm";

export function at(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}
