// Column types and column helpers shared by every table file (not re-exported: tables only).
import { customType, text, timestamp } from "drizzle-orm/pg-core";

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
