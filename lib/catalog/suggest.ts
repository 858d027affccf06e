// Autocomplete for the header search box: completed search phrases and matching listing titles.
import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { PUBLISHED, tsQuery } from "./filters";
import { buildTsQuery, completeTerm, resolveTokens, tokenize } from "./terms";

export type Suggestions = {
  queries: string[];
  listings: { slug: string; title: string; kind: string }[];
};

export const SUGGEST_LIMIT = 5;

/** Up to five phrases (the last word completed from the vocabulary) and five listings whose title matches. */
export async function suggest(db: Db, q: string): Promise<Suggestions> {
  const tokens = tokenize(q);
  if (tokens.length === 0 || q.trim().length < 2) return { queries: [], listings: [] };
  const last = tokens[tokens.length - 1];
  const head = tokens.slice(0, -1).join(" ");
  const [completions, resolved] = await Promise.all([completeTerm(db, last, SUGGEST_LIMIT), resolveTokens(db, tokens)]);
  // Title matches (weight A of the inline head vector), most bought first; joined back for published rows only.
  const listings = await queryRows<{ slug: string; title: string; kind: string }>(
    db,
    sql`with hits as (
          select s.listing_id, s.sales_count from listing_search s
          where s.head @@ ${tsQuery(buildTsQuery(resolved, "A", { prefixWords: true }))}
          order by s.sales_count desc nulls last, s.listing_id desc nulls last limit ${SUGGEST_LIMIT}
        )
        select l.slug, l.title, l.kind::text as kind from hits join listings l on l.id = hits.listing_id
        where ${PUBLISHED} order by hits.sales_count desc, hits.listing_id desc`,
  );
  const queries = completions
    .map((term) => (head ? `${head} ${term}` : term))
    .filter((phrase) => phrase !== q.trim().toLowerCase() || completions.length === 1);
  return { queries, listings };
}
