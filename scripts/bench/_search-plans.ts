// The plans of one catalog request, for the bench's slowest requests: runs catalogSearch on a recording database
// handle, then replays each transaction's statements (plan settings included, in order) under EXPLAIN ANALYZE.
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { queryRows, type Db } from "@/db/client";
import { catalogSearch } from "@/lib/catalog/catalog";
import type { CatalogQuery } from "@/lib/catalog/params";

type Recorded = { transaction: number; statement: SQL };

/** A Db whose execute() calls (and those of its transactions) are recorded in order. */
function recording(db: Db, log: Recorded[], transaction = 0, counter = { next: 1 }): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "execute") {
        return (statement: SQL) => {
          log.push({ transaction, statement });
          return target.execute(statement);
        };
      }
      if (prop === "transaction") {
        return (work: (tx: Db) => Promise<unknown>) => {
          const id = counter.next++;
          return target.transaction((tx) => work(recording(tx as unknown as Db, log, id, counter)));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

const dialect = new PgDialect();
const compact = (text: string) => text.replace(/\s+/g, " ").trim();

export type StatementPlan = { transaction: number; sql: string; params: unknown[]; plan: string[] };

/** Every statement the request ran, with its EXPLAIN (ANALYZE, BUFFERS) under the settings it ran with. */
export async function explainRequest(db: Db, query: CatalogQuery): Promise<StatementPlan[]> {
  const log: Recorded[] = [];
  await catalogSearch(recording(db, log), query);
  const out: StatementPlan[] = [];
  const transactions = [...new Set(log.map((r) => r.transaction))];
  for (const id of transactions) {
    const statements = log.filter((r) => r.transaction === id).map((r) => r.statement);
    const replay = async (tx: Db) => {
      for (const statement of statements) {
        const { sql: text, params } = dialect.sqlToQuery(statement);
        // Settings and the planner's own estimate are replayed as they were; keeping a word's cells (a function, or a
        // table lock and inserts: keepTitleFacets) is not repeated: it wrote once, and EXPLAIN ANALYZE would run it.
        const keeping = /agora_add_search_token|^\s*lock table|insert into search_token/i.test(text);
        if (keeping || /^\s*select set_config|^\s*explain/i.test(text)) {
          if (!keeping) await tx.execute(statement);
          continue;
        }
        const rows = await queryRows<{ "QUERY PLAN": string }>(tx, sql`explain (analyze, buffers, costs off, timing on) ${statement}`);
        out.push({ transaction: id, sql: compact(text).slice(0, 600), params, plan: rows.map((r) => r["QUERY PLAN"]) });
      }
    };
    if (id === 0) await replay(db);
    else await db.transaction(async (tx) => replay(tx as unknown as Db));
  }
  return out;
}
