import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { openDatabase, queryRows, catalogClientFor, type Db } from "@/db/client";
import { catalogSearch } from "@/lib/catalog/catalog";
import { parseCatalogQuery } from "@/lib/catalog/params";
import { generateMix, loadMixInputs } from "./_search-mix";
const h = await openDatabase({ url: `postgres://postgres@127.0.0.1:5432/${process.argv[2] || "bench100k"}`, poolMax: 4 });
const cat = catalogClientFor(h.db)!;
const mix = generateMix(await loadMixInputs(h.db), +(process.argv[3] || 400), 4242);
const dialect = new PgDialect();
const agg = new Map<string, { n: number; plan: number; exec: number }>();
let reqs = 0;
for (const r of mix) {
  const log: SQL[] = [];
  const rec = (db: Db): Db => new Proxy(db, { get(t, p, recv) { if (p === "execute") return (s: SQL) => { log.push(s); return t.execute(s); }; if (p === "transaction") return (w: (tx: Db) => Promise<unknown>) => t.transaction((tx) => w(rec(tx as unknown as Db))); return Reflect.get(t, p, recv); } });
  const parsed = parseCatalogQuery(new URLSearchParams(r.params));
  if (!parsed.ok) continue;
  await catalogSearch(rec(h.db), r.storefront ? { ...parsed.query, creatorHandle: r.storefront } as never : parsed.query);
  reqs++;
  for (const st of log) {
    const { sql: text } = dialect.sqlToQuery(st);
    if (/^\s*(select set_config|explain)|agora_add_search_token/i.test(text)) continue;
    const rows = await queryRows<{ "QUERY PLAN": unknown }>(cat, sql`explain (analyze, summary, timing off, format json) ${st}`);
    const j = (rows[0]["QUERY PLAN"] as { "Planning Time": number; "Execution Time": number }[])[0];
    const key = text.replace(/\s+/g, " ").trim().slice(0, 45);
    const a = agg.get(key) ?? { n: 0, plan: 0, exec: 0 };
    a.n++; a.plan += j["Planning Time"]; a.exec += j["Execution Time"]; agg.set(key, a);
  }
}
let tp = 0, te = 0;
for (const [k, a] of [...agg].sort((x, y) => (y[1].plan + y[1].exec) - (x[1].plan + x[1].exec))) { tp += a.plan; te += a.exec; console.log(`${String(a.n).padStart(5)} plan/req ${(a.plan / reqs).toFixed(3)} exec/req ${(a.exec / reqs).toFixed(3)} plan/each ${(a.plan / a.n).toFixed(3)} exec/each ${(a.exec / a.n).toFixed(3)}  ${k}`); }
console.log(`requests ${reqs} planning ms/req ${(tp / reqs).toFixed(2)} execution ms/req ${(te / reqs).toFixed(2)}`);
process.exit(0);
