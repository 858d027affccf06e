// Bulk inserts for the seed: each batch of rows travels as ONE jsonb parameter, expanded by jsonb_to_recordset.
// That avoids Postgres' 65,535 bind-parameter ceiling and per-value SQL building, and works the same on postgres-js and PGlite.
import "server-only";
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";

/**
 * `insert into <table> (…) select … from jsonb_to_recordset($1)`, for rows that all set the same columns.
 * Every column the first row sets must be set (possibly to null) by every row: a missing key would insert NULL,
 * not the column default. Binary (bytea) columns can't travel in JSON; insert those rows with Drizzle directly.
 */
export function insertRowsSql<T extends PgTable>(table: T, rows: readonly T["$inferInsert"][]): SQL {
  if (rows.length === 0) throw new Error(`no rows to insert into ${getTableConfig(table).name}`);
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0] as Record<string, unknown>);
  const targets: string[] = [];
  const fields: string[] = [];
  const record: string[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (!column) throw new Error(`${getTableConfig(table).name} has no column ${key}`);
    const name = column.keyAsName ? toSnakeCase(key) : column.name;
    targets.push(`"${name}"`);
    fields.push(`r."${key}"`);
    record.push(`"${key}" ${column.getSQLType()}`);
  }
  const payload = JSON.stringify(rows);
  return sql`insert into ${sql.identifier(getTableConfig(table).name)} (${sql.raw(targets.join(", "))}) select ${sql.raw(fields.join(", "))} from jsonb_to_recordset(${payload}::jsonb) as r(${sql.raw(record.join(", "))})`;
}

/** Several inserts as one statement (data-modifying CTEs): one round trip, and foreign keys are checked at its end. */
export function insertAllSql(statements: readonly SQL[]): SQL {
  if (statements.length === 1) return statements[0];
  const ctes = statements.slice(0, -1).map((statement, i) => sql`${sql.raw(`w${i}`)} as (${statement})`);
  return sql`with ${sql.join(ctes, sql`, `)} ${statements[statements.length - 1]}`;
}
