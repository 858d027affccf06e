// Fuzzing fixtures (fast-check): hostile values, forms and JSON bodies built from a valid baseline, a checksum of
// every table to prove a rejected input changed nothing, and the verdict on one call of a server action or route.
// Every generated input goes through `countInput`, so each suite can print (and assert) how many it tried.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { INTERNAL_ERROR_MESSAGE } from "@/lib/errors";
import { takeInternalErrors } from "./internal-errors";

/** One seed for every fuzz suite: a failure names its seed and path, and the same run replays it. */
export const FUZZ_SEED = 15_2026;

// Hostile values ------------------------------------------------------------------------------------------------

const MB = 1024 * 1024;
/** Strings of at least 1 MB, built once (a fresh 1 MB string per input would only cost time). */
const HUGE_STRINGS = [
  "A".repeat(MB),
  "😀".repeat(MB / 2 + 1),
  `${"a\u0000".repeat(MB / 2)}z`,
  `${"\u202E".repeat(1000)}${"x".repeat(MB)}`,
  `${"e\u0301".repeat(MB / 2)}`,
];

/** Unicode and injection edge cases, each alone and as a piece of a longer string. */
const EDGE_PIECES = [
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "x\uD83D",
  "\uDE00y",
  "\u202Eevil\u202C",
  "\u2066rtl\u2069",
  "\u200B",
  "\u200D\uFEFF",
  "\u00AD",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "e\u0301\u0301\u0301\u0301",
  "Z̷̢̛͓a̵̡l̴g̸o̷",
  "ﷺ",
  "İ",
  "ß",
  "١٢٣",
  "１２３",
  "%00",
  "%ZZ",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  "${{7*7}}",
  "{{constructor}}",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "true",
  "[]",
  "{}",
  "-1",
  "1e309",
  "0x10",
  "\\",
  "'",
  '"',
  "`",
];

const edgePiece = fc.constantFrom(...EDGE_PIECES);

/** A string that is hostile in some way: an edge case, a mix of them, arbitrary code units, or over 1 MB. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: edgePiece },
  { weight: 3, arbitrary: fc.array(fc.oneof(edgePiece, fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
);

/** Money as a person (or a script) might type it: negative, fractional, enormous, not a number at all. */
export const hostileMoney: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "-1",
    "-0",
    "0",
    "0.001",
    "4.999",
    "0.1e1",
    "1e309",
    "-1e309",
    "NaN",
    "Infinity",
    "-Infinity",
    "9007199254740993",
    "99999.99",
    "100000",
    "1,000",
    "$5",
    "5e2",
    " 5 ",
    "0x10",
    "1e-7",
    "٥",
    "",
    "2147483648",
    "21474836.48",
  ),
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt().map(String),
);

/** Ids that are not ids: malformed, the nil UUID, unknown UUIDs, a UUID with something after it. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => `${u}'`),
  fc.uuid().map((u) => ` ${u}\u0000`),
  fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "1", "-1", "0", "x", "%", "../"),
  fc.string({ maxLength: 40 }),
);

/** Pagination cursors that were altered: base64 of garbage, of wrongly shaped JSON, truncated, not base64 at all. */
export const hostileCursor: fc.Arbitrary<string> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString("base64url")),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString("base64")),
  fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? "").toString("base64url")),
  fc
    .record({ a: fc.oneof(fc.string(), fc.double(), fc.constant(null)), b: fc.oneof(fc.string(), fc.integer()) })
    .map((v) => Buffer.from(JSON.stringify(v)).toString("base64url")),
  fc.constantFrom("====", "e30", "bnVsbA", "W10", "MQ", "eyJpZCI6MWUzMDl9", "!!", "%3D%3D", "\u0000"),
  hostileText,
);

/** Anything a JSON body might carry in place of the right value: wrong types, deep nesting, prototype keys. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [[[[[]]]]], { __proto__: { polluted: true } }),
  fc.jsonValue({ maxDepth: 3 }),
  hostileText,
  hostileMoney,
);

/** Any hostile value for a text field. */
export const hostileField: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileMoney },
  { weight: 2, arbitrary: hostileId },
  { weight: 1, arbitrary: hostileCursor },
);

// Forms and bodies built from a valid baseline --------------------------------------------------------------------

/** A valid value with one edge case slipped in (start, middle or end): it passes length checks, so it reaches the domain. */
export function nearValid(valid: string): fc.Arbitrary<string> {
  return fc.tuple(edgePiece, fc.nat({ max: valid.length })).map(([piece, at]) => `${valid.slice(0, at)}${piece}${valid.slice(at)}`);
}

type FieldArbs = Record<string, fc.Arbitrary<string>>;
/** A form field's value: text, or (rarely) a file where text was expected. */
export type FormEntry = [string, string | Blob];

const unknownFieldName = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "$ACTION_ID_0", "role", "status", "isAdmin", "priceCents", "id"),
  fc.string({ maxLength: 12 }),
);

/**
 * Form entries from a valid baseline: each field kept, dropped, replaced by a hostile value (or one tuned for that
 * field), repeated, or sent as a file; sometimes fields nobody asked for.
 */
export function hostileForm(baseline: Record<string, string>, tuned: FieldArbs = {}): fc.Arbitrary<FormEntry[]> {
  const fields = Object.keys(baseline).map((name) => {
    const hostile = fc.oneof({ weight: 1, arbitrary: hostileField }, { weight: 1, arbitrary: nearValid(baseline[name]) });
    const value = tuned[name] ? fc.oneof({ weight: 2, arbitrary: tuned[name] }, { weight: 2, arbitrary: hostile }) : hostile;
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant<FormEntry[]>([[name, baseline[name]]]) },
      { weight: 1, arbitrary: fc.constant<FormEntry[]>([]) },
      { weight: 4, arbitrary: value.map((v): FormEntry[] => [[name, v]]) },
      {
        weight: 1,
        arbitrary: value.map((v): FormEntry[] => [
          [name, baseline[name]],
          [name, v],
        ]),
      },
      {
        weight: 1,
        arbitrary: value.map((v): FormEntry[] => [
          [name, v],
          [name, baseline[name]],
        ]),
      },
      { weight: 1, arbitrary: fc.constant<FormEntry[]>([[name, new Blob(["file where text was expected"])]]) },
    );
  });
  const extras = fc.array(fc.tuple(unknownFieldName, hostileField), { maxLength: 2 });
  return fc.tuple(fc.tuple(...fields), extras).map(([chosen, extra]) => [...chosen.flat(), ...extra]);
}

export function formDataOf(entries: FormEntry[]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

/**
 * A JSON-shaped value from a valid baseline object: keys kept, dropped, or given a wrong type or hostile text;
 * unknown keys added; or the whole value replaced by something that is not the object at all.
 */
export function hostileObject(baseline: Record<string, unknown>, tuned: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<unknown> {
  const keys = Object.keys(baseline);
  const fields = keys.map((key) => {
    const valid = baseline[key];
    const hostile: fc.Arbitrary<unknown> = typeof valid === "string" ? fc.oneof(wrongType, nearValid(valid)) : wrongType;
    const value = tuned[key] ? fc.oneof({ weight: 2, arbitrary: tuned[key] }, { weight: 2, arbitrary: hostile }) : hostile;
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant({ keep: true as const, value: baseline[key] }) },
      { weight: 1, arbitrary: fc.constant({ keep: false as const, value: undefined }) },
      { weight: 4, arbitrary: value.map((v) => ({ keep: true as const, value: v })) },
    );
  });
  const shaped = fc.tuple(fc.tuple(...fields), fc.array(fc.tuple(unknownFieldName, wrongType), { maxLength: 2 })).map(([chosen, extra]) => {
    const out: Record<string, unknown> = {};
    chosen.forEach((c, i) => {
      if (c.keep) out[keys[i]] = c.value;
    });
    for (const [k, v] of extra) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    return out as unknown;
  });
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: wrongType }, { weight: 1, arbitrary: fc.constant(undefined) });
}

/** A request body text: the JSON of a hostile object, or text that is not JSON (truncated, NUL, BOM, huge). */
export function hostileJsonBody(baseline: Record<string, unknown>, tuned: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<string> {
  const good = JSON.stringify(baseline);
  return fc.oneof(
    { weight: 6, arbitrary: hostileObject(baseline, tuned).map((v) => JSON.stringify(v) ?? "") },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "",
        "{",
        good.slice(0, Math.max(1, good.length - 3)),
        `\uFEFF${good}`,
        `${good}\u0000`,
        `${good}${good}`,
        "null",
        "[]",
        '{"a":1,"a":2}',
        `{"__proto__":{"admin":true}}`,
        "1e309",
        "NaN",
        "{'single':'quotes'}",
      ),
    },
    { weight: 1, arbitrary: hostileText },
    // The same key twice: JSON.parse keeps the last, so put a hostile value first and the valid one last, or the reverse.
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...Object.keys(baseline)), hostileField, fc.boolean()).map(([key, bad, badLast]) => {
        const body = good.slice(1, -1);
        return badLast ? `{${body},${JSON.stringify(key)}:${JSON.stringify(bad)}}` : `{${JSON.stringify(key)}:${JSON.stringify(bad)},${body}}`;
      }),
    },
  );
}

/** Content types a JSON route may be sent instead of application/json. */
export const hostileContentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "application/octet-stream",
  "image/png",
  "",
  "application/json; charset=utf-16",
  "\u0000",
);

// Verdicts --------------------------------------------------------------------------------------------------------

/** What a call did: returned a value, redirected, answered not-found (Next's control flow), or threw something else. */
export type Outcome = { kind: "returned"; value: unknown } | { kind: "redirect"; to: string } | { kind: "not_found" } | { kind: "threw"; error: unknown };

function nextControlFlow(error: unknown): Outcome | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", to: digest.split(";")[2] ?? "" };
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: "not_found" };
  return null;
}

export async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { kind: "returned", value: await call() };
  } catch (error) {
    return nextControlFlow(error) ?? { kind: "threw", error };
  }
}

/** Words a server action answers with when it caught an error that was not a domain error. */
const INTERNAL_WORDS = [INTERNAL_ERROR_MESSAGE, "Something went wrong on our side"];

/** Why an action's outcome is a failure of the product (a thrown non-domain error or a 500 in form terms), or null. */
export function actionFailure(outcome: Outcome): string | null {
  if (outcome.kind === "threw") {
    const error = outcome.error as Error;
    return `threw ${error?.name}: ${error?.message}`;
  }
  if (outcome.kind === "returned" && outcome.value && typeof outcome.value === "object") {
    const error = (outcome.value as { error?: unknown }).error;
    if (typeof error === "string" && INTERNAL_WORDS.some((w) => error.includes(w))) return `answered an internal error: ${error}`;
  }
  return null;
}

/** Whether an action refused its input (a form error, `ok: false`, or not-found): then nothing may have changed. */
export function actionRejected(outcome: Outcome): boolean {
  if (outcome.kind === "not_found") return true;
  if (outcome.kind !== "returned" || !outcome.value || typeof outcome.value !== "object") return false;
  const value = outcome.value as { error?: unknown; ok?: unknown };
  return typeof value.error === "string" || value.ok === false;
}

// Row checksums ---------------------------------------------------------------------------------------------------

/**
 * Tables a rejected input may still write by design: `rate_limits` counts attempts, refused ones included (that is
 * what stops a script guessing passwords or codes).
 */
export const WRITTEN_BY_REJECTED_INPUT = new Set(["rate_limits"]);
/** Columns a rejected request may still stamp: a valid API key's last use, when the request it signed was refused. */
export const STAMPED_BY_REJECTED_INPUT: Record<string, string[]> = { api_keys: ["last_used_at"] };

const checksumQueries = new WeakMap<Db, Promise<string>>();

async function checksumQuery(db: Db): Promise<string> {
  const columns = await queryRows<{ table: string; column: string }>(
    db,
    sql`select c.table_name as table, c.column_name as column
          from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const { table, column } of columns) tables.set(table, [...(tables.get(table) ?? []), column]);
  return [...tables.entries()]
    .filter(([name]) => !WRITTEN_BY_REJECTED_INPUT.has(name))
    .map(([name, cols]) => {
      const stamped = STAMPED_BY_REJECTED_INPUT[name];
      const row = stamped
        ? `row(${cols
            .filter((c) => !stamped.includes(c))
            .map((c) => `r."${c}"`)
            .join(", ")})::text`
        : "r::text";
      return `select '${name}' as name, count(*)::int as rows, coalesce(md5(string_agg(md5(${row}), '' order by md5(${row}))), '') as hash from "${name}" r`;
    })
    .join(" union all ");
}

/** Every table's row count and a hash of its rows (rate limit counters aside). */
export async function tableChecksum(db: Db): Promise<Map<string, string>> {
  let query = checksumQueries.get(db);
  if (!query) checksumQueries.set(db, (query = checksumQuery(db)));
  const rows = await queryRows<{ name: string; rows: number; hash: string }>(db, sql.raw(await query));
  return new Map(rows.map((r) => [r.name, `${r.rows}:${r.hash}`]));
}

/** Tables whose rows differ between two checksums. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}

// Counting --------------------------------------------------------------------------------------------------------

const counts = new Map<string, number>();

/** Records one generated input for `target`. */
export function countInput(target: string): void {
  counts.set(target, (counts.get(target) ?? 0) + 1);
}

/** Inputs tried per target in this file, and the total. */
export function inputCounts(): { perTarget: Record<string, number>; total: number } {
  const perTarget = Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return { perTarget, total: [...counts.values()].reduce((sum, n) => sum + n, 0) };
}

/** A short description of a generated input for a failure message (huge strings cut). */
export function describeInput(input: unknown): string {
  const text = (() => {
    try {
      return JSON.stringify(input, (_k, v) => (v instanceof Blob ? "[Blob]" : typeof v === "bigint" ? `${v}n` : v)) ?? String(input);
    } catch {
      return String(input);
    }
  })();
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

// The driver -------------------------------------------------------------------------------------------------------

/** One call's verdict: a failure of the product (or null), and whether the input was refused. */
export type Verdict = { failure: string | null; rejected: boolean; answer?: string };
/** Something the fuzzer found: which target, the input (shortened) and what went wrong. */
export type FuzzFinding = { target: string; input: string; problem: string };

function describeError(error: unknown): string {
  const e = error as Error;
  const where = e?.stack?.split("\n").find((line) => line.includes("/lib/") || line.includes("/app/"));
  return `${e?.name}: ${e?.message}${where ? ` (${where.trim()})` : ""}`;
}

/**
 * Runs `numRuns` generated inputs against one target with the fixed seed and collects every problem instead of
 * stopping at the first: a product failure, an error that reached publicError as a non-domain error (a 500), or a
 * refused input after which some table's rows differ.
 */
export async function fuzzTarget<T>(
  db: Db,
  target: string,
  arbitrary: fc.Arbitrary<T>,
  attempt: (input: T) => Promise<Verdict>,
  numRuns: number,
): Promise<FuzzFinding[]> {
  const findings: FuzzFinding[] = [];
  let before = await tableChecksum(db);
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      countInput(target);
      takeInternalErrors();
      let verdict: Verdict;
      try {
        verdict = await attempt(input);
      } catch (error) {
        verdict = { failure: `the call threw ${describeError(error)}`, rejected: true };
      }
      const internal = takeInternalErrors();
      const after = await tableChecksum(db);
      const changed = changedTables(before, after);
      before = after;
      const problems: string[] = [];
      if (verdict.failure) problems.push(verdict.failure);
      if (internal.length) problems.push(`a non-domain error became a 500: ${describeError(internal[0])}`);
      if (verdict.rejected && changed.length) problems.push(`refused (${verdict.answer ?? "?"}), yet rows changed in ${changed.join(", ")}`);
      if (problems.length) findings.push({ target, input: describeInput(input), problem: problems.join("; ") });
    }),
    { seed: FUZZ_SEED, numRuns },
  );
  return findings;
}

/** The verdict on a server action's outcome. */
export function actionVerdict(outcome: Outcome): Verdict {
  const answer = outcome.kind === "returned" ? describeInput(outcome.value) : outcome.kind;
  return { failure: actionFailure(outcome), rejected: actionRejected(outcome), answer };
}

/** The verdict on a route handler's outcome: any 5xx or thrown error (other than Next's redirect) is a failure. */
export async function routeVerdict(outcome: Outcome): Promise<Verdict> {
  if (outcome.kind === "redirect") return { failure: null, rejected: false };
  if (outcome.kind === "not_found") return { failure: null, rejected: true };
  const failure = actionFailure(outcome);
  if (failure) return { failure, rejected: true };
  const response = (outcome as { value: unknown }).value;
  if (!(response instanceof Response)) return { failure: "the handler answered something that is not a Response", rejected: true };
  // Read the body so a stream that fails late is caught too.
  try {
    await response.arrayBuffer();
  } catch (error) {
    return { failure: `the response body failed: ${describeError(error)}`, rejected: true };
  }
  if (response.status >= 500) return { failure: `answered ${response.status}`, rejected: true };
  return { failure: null, rejected: response.status >= 400, answer: String(response.status) };
}
