// The search_terms vocabulary (distinct words of published listings) and typo-tolerant query expansion over it.
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { OUTGROWN_PAGES } from "./filters";

/**
 * Words of a listing that enter the vocabulary: title, tags and summary, lowercased, split on non-alphanumerics (English
 * stop words left out), as a set-returning expression with column `word`. (One regexp_replace and a plain split: the
 * same pieces as regexp_split_to_table on the same pattern, at a fraction of its cost over a million listings.)
 */
const listingWords = (alias: string) =>
  sql.raw(
    `unnest(string_to_array(regexp_replace(lower(${alias}.title || ' ' || agora_tags_text(${alias}.tags) || ' ' || ${alias}.summary), '[^[:alnum:]]+', ' ', 'g'), ' '))`,
  );
const keepWord = (column: string) => sql.raw(`length(${column}) between 2 and 40 and ${column} !~ '^[0-9]+$'`);

/**
 * A vocabulary word in at least this many listings is a frequent query: its facet cells are kept
 * (search_token_facets), since counting them at query time would take tens of milliseconds.
 */
export const FREQUENT_TOKEN_MATCHES = 1000;

/**
 * Set-based rebuild from every published listing (seed, migrations, nightly repair); frequent words get kept facets.
 * The vocabulary is rebuilt in one transaction, the frequent words' cells are kept in a second one, and their title cells
 * in a third at the same time unless `titleCells` is false (a search for a word
 * without kept cells counts it at query time meanwhile). `catalogReady`, when given, is awaited between the two: a bulk
 * load counts the words of `listings` while it is still filling listing_search, which the cells are counted from.
 */
export async function refreshSearchTerms(db: Db, opts: { frequentFrom?: number; catalogReady?: Promise<unknown>; titleCells?: boolean } = {}): Promise<number> {
  const frequentFrom = opts.frequentFrom ?? FREQUENT_TOKEN_MATCHES;
  const terms = await db.transaction(async (tx) => {
    await tx.execute(sql`lock table search_terms in exclusive mode`);
    await tx.execute(sql`delete from search_terms`);
    // Each listing's distinct words are found on its own row (a small hash), so the whole catalog only needs one
    // aggregate over a few hundred words — not a sort of every (listing, word) pair, which spilled to disk at 1M.
    const rows = await queryRows<{ n: number }>(
      tx,
      sql`with words as (
            select w.word, count(*)::int as listings
            from listings l cross join lateral (select distinct x.word from ${listingWords("l")} as x(word) where ${keepWord("x.word")}) w
            where l.status = 'published'
            group by w.word
          ), inserted as (
            insert into search_terms (term, listing_count)
            select word, listings from words
            where to_tsvector('english'::regconfig, word) <> ''::tsvector
            returning 1
          )
          select count(*)::int as n from inserted`,
    );
    return rows[0]?.n ?? 0;
  });
  await opts.catalogReady;
  // Without title cells (a bulk seed: at 1M listings their pass, beside the projection's index builds, took the seed from
  // about 8 to 11 minutes), each word's are kept after its first search (catalogSearch, keepTitleFacets).
  const parts = opts.titleCells === false ? (["document"] as const) : (["document", "title"] as const);
  await Promise.all(parts.map((part) => db.transaction((tx) => keepFrequentTokenFacets(tx, frequentFrom, part))));
  return terms;
}

/**
 * Keeps facet cells (search_token_facets) for every vocabulary word in at least `frequentFrom` listings that has none
 * yet, as agora_add_search_token would one word at a time. A word whose query is one lexeme — all of them, in practice —
 * is counted in a single pass over listing_search: a listing matches `'lexeme'` exactly when its body holds that
 * lexeme, so each body's lexemes are joined to the new keys once, instead of one index search and heap visit per word
 * (683 words at 1M listings: 100 s one by one). Anything else goes through the function. The cells are grouped in
 * memory: half a million of them at 1M listings, which spilled to disk under the default work_mem (55 s against 37 s).
 * They are written in key order, so one word's cells lie together (a search sums them): written as the grouping
 * emitted them, one word's 1,939 cells at 100k listings lay on 1,005 of the table's 1,500 pages.
 *
 * `part` "title" keeps the same words' title tier cells instead (facets.ts titleTerm: `'lexeme':AB`, the lexeme at the
 * title's or the tags' weight in body), counted from `head`'s lexemes: head is the title and the tags alone, with the
 * same lexemes. refreshSearchTerms runs the two parts at the same time, in two transactions (at 1M listings 48 s and
 * 42 s; as one statement 89 s, and from every body lexeme's weights 159 s).
 */
async function keepFrequentTokenFacets(tx: Db, frequentFrom: number, part: "document" | "title"): Promise<void> {
  await tx.execute(sql`lock table listing_search in share mode`);
  await tx.execute(sql`select set_config('work_mem', '128MB', true)`);
  const title = part === "title";
  await tx.execute(sql`
    with frequent as (
      select distinct to_tsquery('english'::regconfig, term) as query, to_tsquery('english'::regconfig, term || ':AB') as titled
      from search_terms where listing_count >= ${frequentFrom}
    ), fresh as (
      insert into search_token_keys (key, query)
      select k.query::text, k.query from frequent f cross join lateral (select ${title ? sql`f.titled` : sql`f.query`} as query) k
      where f.query::text ~ '^''[^'']+''$'
      on conflict (key) do nothing
      returning key
    ), lexemes as (
      select key, substring(key from '^''([^'']+)''') as lexeme from fresh
    )
    insert into search_token_facets (key, kind, category, price_cents, rating_avg, n)
    select k.key, s.kind, s.category, s.price_cents, s.rating_avg, count(*)::int
    from listing_search s cross join lateral unnest(tsvector_to_array(${title ? sql`s.head` : sql`s.body`})) as t(lexeme)
    join lexemes k on k.lexeme = t.lexeme
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5`);
  if (title) return;
  await tx.execute(
    sql`select agora_add_search_token(term) from search_terms
        where listing_count >= ${frequentFrom} and to_tsquery('english'::regconfig, term)::text !~ '^''[^'']+''$'
        order by term`,
  );
}

function oneListingWords(listingId: string): SQL {
  return sql`select distinct w.word from listings l cross join lateral ${listingWords("l")} as w(word)
             where l.id = ${listingId} and ${keepWord("w.word")} order by w.word`;
}

/**
 * Incremental upkeep for one listing. Call with "publish" right after a listing becomes published and
 * with "unpublish" right before it leaves `published` (unpublished, removed) or before its text changes.
 */
export async function updateSearchTermsForListing(db: Db, listingId: string, change: "publish" | "unpublish"): Promise<void> {
  if (change === "publish") {
    // Terms in sorted order so concurrent publishes lock rows in the same order.
    await db.execute(sql`insert into search_terms (term, listing_count)
                         select word, 1 from (${oneListingWords(listingId)}) w
                         where to_tsvector('english'::regconfig, word) <> ''::tsvector
                         on conflict (term) do update set listing_count = search_terms.listing_count + 1`);
    return;
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`update search_terms set listing_count = listing_count - 1
                         where term in (${oneListingWords(listingId)})`);
    await tx.execute(sql`delete from search_terms where listing_count <= 0`);
  });
}

/**
 * `known`: some vocabulary word starts with the token; `word`: the token is itself a vocabulary word.
 * `matches`: listings whose title, tags or summary hold a word this token matches (prefix or correction).
 * `unmatched`: a misspelling that no listing holds even as a prefix (checked against the index, not only the
 * vocabulary: a stem can start with it), so only its corrections can match.
 */
export type ResolvedToken = { token: string; known: boolean; word: boolean; corrections: string[]; matches: number; unmatched?: boolean };

export const MAX_QUERY_TOKENS = 8;

/** Lowercase word tokens of a query (letters and digits only, so they are safe inside a tsquery). */
export function tokenize(text: string): string[] {
  const tokens = text
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0 && t.length <= 40);
  return [...new Set(tokens)].slice(0, MAX_QUERY_TOKENS);
}

/** Minimum trigram similarity for a vocabulary word to count as the intended spelling of an unknown token. */
export const CORRECTION_SIMILARITY = 0.4;

/**
 * For each token: is it a word (or the start of a word) in the vocabulary, and if not, the closest
 * vocabulary words by trigram similarity. One round trip over the small search_terms table.
 */
export async function resolveTokens(db: Db, tokens: string[]): Promise<ResolvedToken[]> {
  return (await resolveTokensInCatalog(db, tokens)).resolved;
}

/**
 * resolveTokens, and the number of published listings in the same round trip (the planner's row count: enough to
 * weigh strategies, and free to read), with the pages of listing_search when it is larger than Postgres's shared
 * buffers (0 when it fits): the page statements weigh each page a search reads as a read from the operating system then.
 *
 * Planned once per connection: the tokens come through a sub-select, so no plan can see how many there are, and the
 * `word` test is a scalar lookup (an EXISTS would be hashed over the whole vocabulary for the 100 tokens a generic plan
 * assumes). Every plan costs the same, so Postgres keeps the generic one after its five custom plans. With the array
 * in sight, a custom plan for 1–3 tokens was always cheaper than the generic one's 100, and every search planned this
 * statement again: 0.37 ms of Postgres CPU, more than running it (0.25 ms; 100k listings, the search bench's mix).
 */
export async function resolveTokensInCatalog(db: Db, tokens: string[]): Promise<{ resolved: ResolvedToken[]; catalogSize: number; outgrownPages: number }> {
  if (tokens.length === 0) return { resolved: [], catalogSize: 1, outgrownPages: 0 };
  const rows = await queryRows<ResolvedTokenRow>(db, resolveTokensStatement(tokens));
  const resolved = rows.map((r) => ({
    token: r.token,
    known: Number(r.prefixed) > 0,
    word: Boolean(r.word),
    corrections: r.corrections ?? [],
    matches: Number(r.prefixed) + Number(r.corrected),
  }));
  return { resolved, catalogSize: Math.max(1, Number(rows[0]?.catalog ?? 1)), outgrownPages: Math.max(0, Number(rows[0]?.outgrown ?? 0)) };
}

type ResolvedTokenRow = { token: string; prefixed: number; word: boolean; corrections: string[] | null; corrected: number; catalog: number; outgrown: number };

/** resolveTokensInCatalog's one statement (exported for the test that it is planned once per connection). */
export function resolveTokensStatement(tokens: string[]) {
  return sql`select t.token, k.prefixed, coalesce((select true from search_terms s where s.term = t.token), false) as word, c.corrections,
               coalesce((select sum(s.listing_count) from search_terms s where s.term = any(c.corrections)), 0)::int as corrected,
               (select greatest(reltuples, 1000)::int from pg_class where oid = 'listing_search'::regclass) as catalog,
               ${OUTGROWN_PAGES} as outgrown
        from unnest((select ${toTextArray(tokens)}::text[])) with ordinality as t(token, n)
        cross join lateral (select coalesce(sum(s.listing_count), 0)::int as prefixed from search_terms s where s.term like t.token || '%') k
        cross join lateral (select case when k.prefixed > 0 or length(t.token) < 3 then '{}'::text[] else array(
                 select s.term from search_terms s
                 where s.term % t.token and similarity(s.term, t.token) >= ${CORRECTION_SIMILARITY}
                 order by similarity(s.term, t.token) desc, s.listing_count desc, s.term
                 limit 3
               ) end as corrections) c
        order by t.n`;
}

/** A Postgres text[] literal for tokens that contain only letters and digits. */
export function toTextArray(tokens: string[]): string {
  return `{${tokens.map((t) => `"${t}"`).join(",")}}`;
}

/**
 * The `to_tsquery` source for resolved tokens, ANDed. A whole vocabulary word matches as a word (with its
 * English stem, so "polished" finds "polish" and "polishing"); any other token matches as a prefix (partial
 * words), and an unknown one also matches its corrections (typos) — only them when no listing holds it (`unmatched`,
 * so `structurd` is `structured`: the same listings, and a single word). `prefixWords` makes whole words prefixes
 * too (autocomplete: the last word may still be growing). Whole words are also much cheaper to look up.
 */
export function buildTsQuery(resolved: ResolvedToken[], weight = "", opts: { prefixWords?: boolean } = {}): string {
  return resolved
    .map(({ token, word, corrections, unmatched }) => {
      const asWord = word && !opts.prefixWords;
      const first = asWord ? `${token}${weight ? `:${weight}` : ""}` : `${token}:*${weight}`;
      const fixes = corrections.map((c) => `${c}${weight ? `:${weight}` : ""}`);
      const alternatives = unmatched && fixes.length ? fixes : [first, ...fixes];
      return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" | ")})`;
    })
    .join(" & ");
}

/** One alternative of a token in the tsquery (buildTsQuery): a word, or the start of words. */
type Alternative = { text: string; prefix: boolean };

/** What a token likely matches: a misspelling its corrections (its own spelling is in no title, tag or summary). */
function likelyAlternatives({ token, word, corrections }: ResolvedToken): Alternative[] {
  return corrections.length ? corrections.map((text) => ({ text, prefix: false })) : [{ text: token, prefix: !word }];
}

/** Whether every listing matching `b` matches `a` too, as spelled: the start of words is implied by any longer spelling. */
function impliesAlternative(b: Alternative, a: Alternative): boolean {
  return a.prefix ? b.text.startsWith(a.text) : !b.prefix && b.text === a.text;
}

/**
 * The tokens left when a token is dropped whose every likely alternative is spelled out by one of another token's:
 * `produc produce` is `produce` (every word starting with "produce" starts with "produc"), `desginers designe` is
 * `designers`. For the planner's estimate only (resolveTextQuery): it multiplies the words' shares as if independent,
 * and these are not (`produc:* & produce:*` at 1M listings: 20,752 expected, 129,617 found, all collected in 358 ms
 * where a short walk finds a page). Fewer words of an AND can only match more listings, so the estimate may come out
 * higher than the query's count (stemming can undo the implication: `university` is the lexeme `univers`, which
 * `universi:*` does not match), never lower. The query itself keeps every token.
 */
export function withoutImpliedTokens(resolved: ResolvedToken[]): ResolvedToken[] {
  const alternatives = resolved.map(likelyAlternatives);
  const dropped = new Set<number>();
  resolved.forEach((_, i) => {
    const implied = alternatives.some((other, j) => j !== i && !dropped.has(j) && other.every((b) => alternatives[i].some((a) => impliesAlternative(b, a))));
    if (implied) dropped.add(i);
  });
  return resolved.filter((_, i) => !dropped.has(i));
}

/** Vocabulary words starting with `prefix`, most used first (autocomplete). */
export async function completeTerm(db: Db, prefix: string, limit = 5): Promise<string[]> {
  if (prefix.length < 2) return [];
  const rows = await queryRows<{ term: string }>(
    db,
    sql`select term from search_terms where term like ${prefix + "%"} order by listing_count desc, term limit ${limit}`,
  );
  return rows.map((r) => r.term);
}
