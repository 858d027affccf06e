// The one database client per process: postgres-js when DATABASE_URL is set, embedded PGlite otherwise (ARCHITECTURE.md, "Database").
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DbHandle = {
  db: Db;
  driver: "postgres" | "pglite";
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

type AgoraGlobal = typeof globalThis & {
  __agoraDb?: DbHandle;
  __agoraReady?: Promise<void>;
  __agoraOpening?: Promise<DbHandle>;
  __agoraCatalogClients?: { byClient: WeakMap<Db, Db>; pinned: WeakSet<Db> };
};
const g = globalThis as AgoraGlobal;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/**
 * Drizzle sends every statement unnamed, and postgres-js then needs two round trips for each one with
 * parameters (describe, then execute) and Postgres parses and plans it again every time. Named, a statement
 * is described once per connection and then runs in one round trip. postgres-js keeps the names per
 * connection (connections are recycled after 30–60 minutes, which bounds them). Statements whose plan must
 * follow their parameters (catalog search) ask for custom plans in their transaction (withCatalogPlans).
 */
function preparingStatements(client: Sql): Sql {
  return new Proxy(client, {
    get(target, property) {
      if (property === "unsafe") {
        return (query: string, params?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, params as never, params?.length ? { ...options, prepare: true } : options);
      }
      if (property === "begin" && typeof (target as Partial<Sql>).reserve === "function") {
        return (...args: unknown[]) => transactionOnReservedConnection(target, args.pop() as (inner: Sql) => unknown, args[0]);
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const work = args.pop() as (inner: Sql) => unknown;
          const method = Reflect.get(target, property, target) as (...a: unknown[]) => unknown;
          return method.call(target, ...args, (inner: Sql) => work(preparingStatements(inner)));
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * `sql.begin` of postgres-js 3.4.9 can write BEGIN onto a busy connection without reserving it when BEGIN is the
 * statement that fills that connection's pipeline (porsager/postgres#1189): the transaction then fails with
 * UNSAFE_TRANSACTION, and other requests' statements run inside it. Under load that is a 500 (seen by
 * scripts/load). Here a transaction first takes a connection of its own (`reserve()` waits for an idle one), then
 * sends BEGIN, its statements and COMMIT (or ROLLBACK) on it, and gives it back.
 */
async function transactionOnReservedConnection(client: Sql, work: (inner: Sql) => unknown, options: unknown): Promise<unknown> {
  const connection = await client.reserve();
  let savepoints = 0;
  const scoped = preparingStatements(connection);
  // Drizzle's nested transactions call `savepoint(fn)` on the transaction's client.
  const inner = new Proxy(scoped, {
    get(target, property) {
      if (property !== "savepoint") return Reflect.get(target, property, target);
      return async (...args: unknown[]) => {
        const fn = args.pop() as (nested: Sql) => unknown;
        const name = `s${++savepoints}`;
        await connection.unsafe(`savepoint ${name}`);
        try {
          const result = await fn(inner);
          await connection.unsafe(`release savepoint ${name}`);
          return result;
        } catch (error) {
          await connection.unsafe(`rollback to savepoint ${name}`);
          throw error;
        }
      };
    },
  });
  try {
    await connection.unsafe(`begin ${typeof options === "string" ? options.replace(/[^a-z ]/gi, "") : ""}`);
    try {
      const result = await work(inner);
      await connection.unsafe("commit");
      return result;
    } catch (error) {
      await connection.unsafe("rollback").catch(() => {});
      throw error;
    }
  } finally {
    connection.release();
  }
}

/**
 * Catalog reads (search pages, facets) want plans the planner would not pick alone: no sequential scans of
 * listing_search (it does not price reading the out-of-line `body`), no JIT, a custom plan per parameter set.
 * With a direct Postgres connection they get their own small pool whose sessions start with those settings, so
 * each catalog statement is one round trip with no transaction around it. Behind a transaction-mode pooler (which
 * cannot keep session settings) and on PGlite there is none; catalog code sets the same settings per transaction.
 */
export const CATALOG_SESSION_SETTINGS = { enable_seqscan: "off", jit: "off", plan_cache_mode: "force_custom_plan" } as const;
/**
 * Kept on globalThis like the client itself: a production build bundles this module into several chunks (route
 * handlers, pages, the proxy), each with its own module state, and they all share the one client the first of them
 * opened. A module-level map would only know the catalog pool in that first chunk, and every other chunk's catalog
 * reads would fall back to a transaction per statement group (BEGIN, settings, COMMIT: three more round trips).
 */
const { byClient: catalogClients, pinned: pinnedCatalogClients } = (g.__agoraCatalogClients ??= { byClient: new WeakMap(), pinned: new WeakSet() });

/** The catalog pool of this client (see CATALOG_SESSION_SETTINGS), or null when it has none. */
export function catalogClientFor(db: Db): Db | null {
  return pinnedCatalogClients.has(db) ? db : (catalogClients.get(db) ?? null);
}

/** Whether statements on this client already run under CATALOG_SESSION_SETTINGS. */
export function hasCatalogSettings(db: Db): boolean {
  return pinnedCatalogClients.has(db);
}

/** Transaction-mode poolers (Vercel, Supabase, Neon) keep neither prepared statements nor session settings. */
function behindTransactionPooler(url: string): boolean {
  return /pgbouncer=true|-pooler\./.test(url);
}

/** The catalog pool's size for a main pool of `poolMax` connections. */
function catalogPoolMax(poolMax: number): number {
  return Math.max(2, Math.ceil(poolMax / 2));
}

/**
 * How many connections one server process may open: the main pool, plus the catalog pool on a direct connection, plus
 * the cache handler's one for shared revalidated tags (lib/cache/handler.mjs: `next start` with a database URL, not
 * on Vercel).
 */
export function connectionsPerProcess(url: string | undefined, poolMax: number, sharedCacheTags = !process.env.VERCEL): number {
  const pools = url && !behindTransactionPooler(url) ? poolMax + catalogPoolMax(poolMax) : poolMax;
  return pools + (url && sharedCacheTags ? 1 : 0);
}

/** Opens a client for the given target without touching the process singleton. */
export async function openDatabase(target: { url?: string; pgliteDir?: string; poolMax?: number }): Promise<DbHandle> {
  if (target.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const prepare = !behindTransactionPooler(target.url);
    const client = postgres(target.url, { max: target.poolMax ?? 10, onnotice: () => {}, prepare });
    const db = drizzle(prepare ? preparingStatements(client) : client, { schema, casing: "snake_case" }) as unknown as Db;
    const catalog = prepare
      ? postgres(target.url, { max: catalogPoolMax(target.poolMax ?? 10), onnotice: () => {}, prepare, connection: CATALOG_SESSION_SETTINGS })
      : null;
    if (catalog) {
      const catalogDb = drizzle(preparingStatements(catalog), { schema, casing: "snake_case" }) as unknown as Db;
      catalogClients.set(db, catalogDb);
      pinnedCatalogClients.add(catalogDb);
    }
    return {
      db,
      driver: "postgres",
      migrate: async () => {
        await migrate(drizzle(client, { schema, casing: "snake_case" }), { migrationsFolder: MIGRATIONS_FOLDER });
      },
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), catalog?.end({ timeout: 5 })]);
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = target.pgliteDir ?? "memory://";
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir.startsWith("memory://") ? undefined : dir, { extensions: { pg_trgm } });
  const pgliteDb = drizzle(client, { schema, casing: "snake_case" });
  return {
    db: pgliteDb as unknown as Db,
    driver: "pglite",
    migrate: async () => {
      await migrate(pgliteDb, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    close: () => client.close(),
  };
}

function defaultTarget() {
  const e = env();
  return {
    url: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "pglite"),
    poolMax: e.DATABASE_POOL_MAX,
  };
}

/**
 * The process-wide client, opened lazily on first use (never at import: `next build` imports this module). The
 * opening promise is global too, so chunks that ask at the same moment share one pool instead of each opening one.
 */
export async function getDatabase(): Promise<DbHandle> {
  if (g.__agoraDb) return g.__agoraDb;
  g.__agoraOpening ??= openDatabase(defaultTarget()).then((handle) => {
    g.__agoraDb = handle;
    return handle;
  });
  return g.__agoraOpening;
}

/** Replaces the process-wide client (tests give each file its own fresh database). */
export function useDatabase(handle: DbHandle) {
  g.__agoraDb = handle;
  g.__agoraReady = Promise.resolve();
}

/**
 * Embedded mode applies migrations on first use. With DATABASE_URL, migrations are an explicit deploy step
 * (`npm run db:migrate`). Seeding an empty embedded database is lib's job (lib/demo-data/embedded-start.ts).
 */
export function ensureDatabase(): Promise<void> {
  g.__agoraReady ??= (async () => {
    const handle = await getDatabase();
    if (handle.driver === "pglite") await handle.migrate();
  })().catch((error: unknown) => {
    g.__agoraReady = undefined;
    throw error;
  });
  return g.__agoraReady;
}

/** The ready database for app and lib code (migrated when embedded). */
export async function getDb(): Promise<Db> {
  await ensureDatabase();
  return (await getDatabase()).db;
}

/** Runs a raw SQL statement and returns its rows on either driver. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

export async function closeDatabase() {
  const handle = g.__agoraDb;
  g.__agoraDb = undefined;
  g.__agoraReady = undefined;
  g.__agoraOpening = undefined;
  await handle?.close();
}
