// Benchmark: catalog search at 100k listings on Postgres — per-shape p50/p95 with EXPLAIN-checked plans, then
// HTTP req/s of /api/v1/listings?q=… against /api/health at 32 connections. One JSON object per line.
// Usage: tsx --conditions=react-server scripts/bench/search.ts [--listings N] [--iterations N] [--database NAME (reuse, keep)] [--no-http]
import http from "node:http";
import { sql, type SQL } from "drizzle-orm";
import { openDatabase, queryRows, type Db } from "@/db/client";
import { catalogSearch, withCatalogPlans } from "@/lib/catalog/catalog";
import { encodeCursor } from "@/lib/catalog/cursor";
import { facetSql, singleWord, tokenFacetSql } from "@/lib/catalog/facets";
import { parseCatalogQuery, type CatalogQuery } from "@/lib/catalog/params";
import { planNext, resolveTextQuery, runPageStatement, searchPageStatements } from "@/lib/catalog/search";
import { refreshSearchTerms } from "@/lib/catalog/terms";
import { seedDatabase } from "@/lib/demo-data/seed";
import { createScratchDatabase, DEFAULT_ADMIN_URL, loadLoop, percentile } from "../support/database";
import { ensureBuild, startNextServer } from "../support/server";

const emit = (line: Record<string, unknown>) => console.log(JSON.stringify({ bench: "search", ...line }));
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const round = (ms: number) => Math.round(ms * 100) / 100;

type Shape = { name: string; params: Record<string, string> };

/** The fixed mix, with words taken from the seeded vocabulary so it means the same at any size. */
async function shapes(db: Db): Promise<Shape[]> {
  const pick = async (condition: SQL) =>
    (await queryRows<{ term: string }>(db, sql`select term from search_terms where ${condition} order by listing_count desc, term limit 1`))[0]?.term ?? "prompt";
  const common = await pick(sql`length(term) >= 5`);
  const total = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from listing_search`))[0]?.n ?? 0;
  // A word in about one listing in twenty: the everyday "common" search (the most common word is the worst case).
  const everyday = await pick(sql`length(term) >= 5 and listing_count <= ${Math.ceil(total * 0.06)}`);
  const rare = await pick(sql`listing_count between 20 and 80 and length(term) >= 5`);
  const long = await pick(sql`length(term) >= 8 and listing_count >= 500`);
  const second = await pick(sql`length(term) >= 6 and listing_count between 1000 and 10000 and term <> ${long}`);
  // A typo (one letter dropped from a long word) followed by a partial word.
  const typo = `${long.slice(0, 3)}${long.slice(4)} ${second.slice(0, Math.max(4, second.length - 2))}`;
  const [deep] = await queryRows<{ key: string; id: string }>(
    db,
    sql`select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key, listing_id as id
        from listing_search order by published_at desc nulls last, listing_id desc nulls last offset 5000 limit 1`,
  );
  return [
    { name: "common_word", params: { q: common } },
    { name: "everyday_word", params: { q: everyday } },
    { name: "rare_word", params: { q: rare } },
    { name: "two_words", params: { q: `${long} ${second}` } },
    { name: "typo", params: { q: typo } },
    { name: "filter_only", params: { kind: "prompt", category: "image-generation", maxPrice: "2000", minRating: "3" } },
    { name: "facet_heavy", params: { q: common, kind: "preset", minPrice: "100", maxPrice: "4999", minRating: "3.5" } },
    { name: "deep_page", params: { sort: "newest", cursor: deep ? encodeCursor({ sort: "newest", key: deep.key, id: deep.id }) : "" } },
  ];
}

function parse(params: Record<string, string>): CatalogQuery {
  const parsed = parseCatalogQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(`bench shape invalid: ${parsed.message}`);
  return parsed.query;
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function planSummary(node: PlanNode, out: string[] = []): string[] {
  const target = node["Index Name"] ?? node["Relation Name"];
  if (/Scan/.test(node["Node Type"])) out.push(target ? `${node["Node Type"]} ${target}` : node["Node Type"]);
  for (const child of node.Plans ?? []) planSummary(child, out);
  return out;
}

/** EXPLAINs what one request runs (first relevance tier, facets) under the same plan settings as the app. */
async function explain(db: Db, query: CatalogQuery) {
  return withCatalogPlans(db, async (tx) => {
    const text = await resolveTextQuery(tx, query.q);
    const page = searchPageStatements(query, text)[0];
    const plans: Record<string, string[]> = {};
    const explainOne = async (statement: SQL) => {
      const [row] = await queryRows<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(tx, sql`explain (format json) ${statement}`);
      return planSummary(row["QUERY PLAN"][0].Plan);
    };
    plans[`items (${page.strategy})`] = (await runPageStatement<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(tx, { ...page, statement: sql`explain (format json) ${page.statement}` }, text)).flatMap((r) => planSummary(r["QUERY PLAN"][0].Plan));
    // Kept words read their cells (search_token_facets); everything else counts the matches.
    const word = singleWord(text);
    const [kept] = word ? await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from search_token_facets where key = to_tsquery('english', ${word})::text`) : [];
    await planNext(tx, { seqscan: !text, bitmapscan: true });
    plans.facets = await explainOne(word && kept?.n ? tokenFacetSql(query, word) : facetSql(query, text));
    return plans;
  });
}

async function measureQueries(db: Db, iterations: number) {
  for (const shape of await shapes(db)) {
    const query = parse(shape.params);
    const plans = await explain(db, query);
    const seqScans = Object.values(plans).flat().filter((s) => /^Seq Scan (listings|listing_search)$/.test(s));
    for (let i = 0; i < 5; i++) await catalogSearch(db, query);
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      const result = await catalogSearch(db, query);
      times.push(performance.now() - t0);
      items = result.items.length;
    }
    emit({
      driver: "postgres",
      shape: shape.name,
      params: shape.params.cursor ? { ...shape.params, cursor: "(after 5000 rows)" } : shape.params,
      items,
      p50_ms: round(percentile(times, 50)),
      p95_ms: round(percentile(times, 95)),
      max_ms: round(Math.max(...times)),
      target_p95_ms: 25,
      plan_ok: seqScans.length === 0,
      plans,
    });
  }
}

/** Requests per second against one URL set, `concurrency` keep-alive connections, bounded by count and time. */
async function measureHttp(base: string, name: string, paths: string[], concurrency: number, total: number, maxSeconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let errors = 0;
  const deadline = Date.now() + maxSeconds * 1000;
  const get = (path: string) =>
    new Promise<void>((resolve) => {
      const req = http.get(`${base}${path}`, { agent }, (res) => {
        if ((res.statusCode ?? 500) >= 400) errors++;
        res.resume();
        res.on("end", () => resolve());
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  const started = performance.now();
  let sent = 0;
  const latencies = await loadLoop(total, concurrency, async (i) => {
    if (Date.now() > deadline) return;
    sent++;
    await get(paths[i % paths.length]);
  });
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const real = latencies.filter((ms) => ms > 0.01);
  const rps = Math.round(sent / seconds);
  emit({ http: name, concurrency, requests: sent, seconds: round(seconds), rps, p50_ms: round(percentile(real, 50)), p95_ms: round(percentile(real, 95)), errors });
  return rps;
}

async function main() {
  const listings = Number(arg("--listings") ?? 100_000);
  const iterations = Number(arg("--iterations") ?? 100);
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  const reuse = arg("--database");
  const scratch = reuse
    ? { url: Object.assign(new URL(adminUrl), { pathname: `/${reuse}` }).toString(), drop: async () => {} }
    : await createScratchDatabase("agora_bench_search", adminUrl);
  const url = scratch.url as string;
  try {
    const handle = await openDatabase({ url, poolMax: 4 });
    if (!reuse) {
      const t0 = performance.now();
      await handle.migrate();
      await seedDatabase(handle.db, { listings, log: () => {} });
      const terms = await refreshSearchTerms(handle.db);
      await handle.db.execute(sql`vacuum analyze`);
      emit({ event: "seeded", listings, search_terms: terms, seconds: round((performance.now() - t0) / 1000) });
    }
    await measureQueries(handle.db, iterations);
    const sample = await shapes(handle.db);
    await handle.close();

    if (process.argv.includes("--no-http")) return;
    ensureBuild({ reuse: true });
    const server = await startNextServer({ DATABASE_URL: url, API_RATE_LIMIT_PER_MINUTE: "100000000" }, { quiet: true });
    try {
      const searches = sample.filter((s) => s.params.q).map((s) => `/api/v1/listings?${new URLSearchParams(s.params)}`);
      for (const path of searches) await fetch(`${server.url}${path}`);
      await measureHttp(server.url, "warmup", ["/api/health", ...searches], 8, 400, 10);
      const health = await measureHttp(server.url, "/api/health", ["/api/health"], 32, 20_000, 10);
      const search = await measureHttp(server.url, "/api/v1/listings?q=…", searches, 32, 20_000, 10);
      emit({ http: "ratio", search_over_health: round(search / Math.max(1, health)), target: 0.5 });
    } finally {
      await server.stop();
    }
  } finally {
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
