// A database handle that records the SQL text of every statement run through it (and its transactions), in order:
// for tests that pin which statements a request runs, not only what it answers.
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";

const dialect = new PgDialect();

export function recordingStatements(db: Db, log: string[]): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "execute") return (statement: SQL) => (log.push(dialect.sqlToQuery(statement).sql), target.execute(statement));
      if (prop === "transaction")
        return (work: (tx: Db) => Promise<unknown>) => target.transaction((tx) => work(recordingStatements(tx as unknown as Db, log)));
      return Reflect.get(target, prop, receiver);
    },
  });
}
