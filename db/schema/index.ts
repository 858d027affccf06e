// The whole Agora data model, one file per capability (ARCHITECTURE.md, "Database"). Table names are a contract
// read by outside checks. `@/db/schema` and drizzle-kit (drizzle.config.ts) both read this file.
export * from "./users-and-creators";
export * from "./accounts";
export * from "./media";
export * from "./listings";
export * from "./orders-and-ledger";
export * from "./settlement";
export * from "./library";
export * from "./community";
export * from "./moderation";
export * from "./platform";
export * from "./search";
export * from "./email";
export * from "./storage";
export * from "./relations";
