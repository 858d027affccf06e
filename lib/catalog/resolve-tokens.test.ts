// What a query's tokens resolve to in the vocabulary, and that the statement doing it is planned once per connection.
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { queryRows, type Db } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { makeCreator, makeListingRow } from "@/lib/testing/fixtures";
import { refreshSearchTerms, resolveTokensInCatalog, resolveTokensStatement } from "./terms";

let db: Db;

beforeAll(async () => {
  db = testDatabase().db;
  const creator = await makeCreator(db);
  for (const [title, tags] of [
    ["Cinematic portrait lighting", ["portrait", "film"]],
    ["Portrait retouch preset", ["portrait"]],
    ["Cyberpunk city prompt", ["cyberpunk", "city"]],
  ] as const) {
    await makeListingRow(db, { creatorId: creator.id, title, tags: [...tags] });
  }
  await refreshSearchTerms(db);
});

describe("resolveTokensInCatalog", () => {
  it("tells words, the start of words and misspellings apart, in the query's order", async () => {
    const { resolved } = await resolveTokensInCatalog(db, ["portrait", "cinem", "cybrepunk", "zzqx"]);
    expect(resolved.map(({ token, known, word, corrections }) => ({ token, known, word, corrections }))).toEqual([
      { token: "portrait", known: true, word: true, corrections: [] },
      { token: "cinem", known: true, word: false, corrections: [] },
      { token: "cybrepunk", known: false, word: false, corrections: ["cyberpunk"] },
      { token: "zzqx", known: false, word: false, corrections: [] },
    ]);
    expect(resolved[0].matches).toBe(2);
    expect(resolved[2].matches).toBe(1);
  });

  it("keeps one generic plan per connection whatever the number of tokens, with the same answers", async () => {
    const statement = new PgDialect().sqlToQuery(resolveTokensStatement(["portrait"]));
    const literal = (value: unknown) => (typeof value === "number" ? String(value) : `'${String(value).replaceAll("'", "''")}'`);
    const queries = [["portrait"], ["cinem", "city"], ["cybrepunk"], ["film", "portrait", "zzqx"], ["lighting"], ["cyber"], ["retouch", "cinematic"], ["zzqx"]];
    await db.transaction(async (tx) => {
      // One connection for the whole test: a prepared statement and its plans belong to the session that prepared it.
      await tx.execute(sql.raw(`prepare resolve_tokens_plan as ${statement.sql}`));
      for (const tokens of queries) {
        const params = new PgDialect().sqlToQuery(resolveTokensStatement(tokens)).params;
        const rows = await queryRows<{ token: string; word: boolean; corrections: string[] | null }>(
          tx,
          sql.raw(`execute resolve_tokens_plan(${params.map(literal).join(", ")})`),
        );
        const direct = await resolveTokensInCatalog(tx, tokens);
        expect(rows.map((r) => [r.token, r.word, r.corrections ?? []])).toEqual(direct.resolved.map((r) => [r.token, r.word, r.corrections]));
      }
      const [plans] = await queryRows<{ generic: number; custom: number }>(
        tx,
        sql`select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where name = 'resolve_tokens_plan'`,
      );
      await tx.execute(sql`deallocate resolve_tokens_plan`);
      // Postgres tries five custom plans, then keeps the generic one when it costs no more than they did.
      expect(plans).toEqual({ custom: 5, generic: queries.length - 5 });
    });
  });
});
