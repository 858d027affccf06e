// Column types and column helpers shared by every table file (not re-exported: tables only).
import { customType, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const currency = () => text().notNull().default("usd");

/** The surrogate key of every table that has one. */
export const primaryId = () => uuid().primaryKey().defaultRandom();

/** A required reference to another table's key; `onDelete` says what deleting the target does to this row. */
export const requiredRef = (target: () => AnyPgColumn, onDelete: "cascade" | "restrict") => uuid().notNull().references(target, { onDelete });
