// The authorization matrix's machinery (app/authorization-matrix.ts): the world every row runs in (two buyers, two
// creators, a suspended and a banned person, an admin with and one without two-factor sign-in, and objects each of
// them owns), what an answer means (allow, sign in, forbidden…), a fingerprint of every table to prove a refusal
// changed nothing, and discovery of the routes, actions and pages on disk.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { queryRows, type Db } from "@/db/client";
import { emailOutbox, listingRevisions, notifications, twoFactorCredentials, users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/keys";
import { ERROR_CATALOGUE } from "@/lib/errors/catalogue";
import { isDomainError } from "@/lib/errors";
import { saveListingDetails } from "@/lib/listings/editing";
import { DETAILS } from "@/lib/listings/testing/fixtures";
import { fileReport } from "@/lib/reports/file";
import { createReview } from "@/lib/reviews/write";
import { contentFor, makeCreator, makeFile, makeListing, makeOrder, makeUser, testContent, type Creator } from "./fixtures";
import type { Actor } from "@/lib/auth/actor";

// Must match app/authorization-matrix.ts (lib never imports app): the coverage test checks they agree.
export type MatrixActor = "anonymous" | "buyerA" | "buyerB" | "creatorC" | "creatorD" | "suspended" | "banned" | "adminNo2fa" | "admin";
export type Outcome = "allow" | "signin" | "forbidden" | "2fa" | "become-creator" | "bad-request" | "conflict";
/** What a cell did: one of the matrix outcomes, or something else described in words (always a failure). */
export type Observed = { outcome: Outcome | "other"; detail: string };

const ROOT = path.resolve(import.meta.dirname, "../..");

// Discovery ---------------------------------------------------------------------------------------------------

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    return entry.isDirectory() ? walk(rel) : [rel];
  });
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** Every route handler as "path METHOD" (one per exported method). */
export function discoverRoutes(): string[] {
  return walk("app")
    .filter((f) => f.endsWith("/route.ts"))
    .flatMap((f) => {
      const text = readFileSync(path.join(ROOT, f), "utf8");
      return HTTP_METHODS.filter((m) => new RegExp(`^export (const|async function|function) ${m}\\b`, "m").test(text)).map((m) => `${f} ${m}`);
    })
    .sort();
}

/** Every export of every "use server" module under app/ as "path#name". */
export function discoverActions(): string[] {
  return walk("app")
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
    .flatMap((f) => {
      const text = readFileSync(path.join(ROOT, f), "utf8");
      if (!/^["']use server["'];?/m.test(text.split("\n").find((line) => line.trim() && !line.startsWith("//")) ?? "")) return [];
      return [...text.matchAll(/^export (?:const|async function|function) (\w+)/gm)].map((m) => `${f}#${m[1]}`);
    })
    .sort();
}

/** Inline "use server" functions inside pages (closures bound to a page): listed so a new one is noticed. */
export function discoverInlineServerFunctions(): string[] {
  return walk("app")
    .filter((f) => f.endsWith(".tsx"))
    .filter((f) => /^\s+["']use server["'];?/m.test(readFileSync(path.join(ROOT, f), "utf8")))
    .sort();
}

export const PROTECTED_AREAS = ["dashboard", "library", "admin", "account", "notifications"];

/** Every page under the signed-in areas. */
export function discoverProtectedPages(): string[] {
  return PROTECTED_AREAS.flatMap((area) => walk(`app/${area}`).filter((f) => f.endsWith("/page.tsx"))).sort();
}

// What an answer means ----------------------------------------------------------------------------------------

const MESSAGE_CODES = new Map<string, string>(
  Object.entries(ERROR_CATALOGUE).flatMap(([code, entry]) => (typeof entry.message === "string" ? [[entry.message, code]] : [])),
);

function outcomeOfCode(code: string, status: number): Observed {
  if (code === "auth.unauthenticated" || code === "apikey.missing" || code === "apikey.invalid") return { outcome: "signin", detail: code };
  if (code === "auth.two_factor_required") return { outcome: "2fa", detail: code };
  if (status === 401) return { outcome: "signin", detail: code };
  if (status === 403 || status === 404) return { outcome: "forbidden", detail: code };
  if (status === 400) return { outcome: "bad-request", detail: code };
  if (status === 409) return { outcome: "conflict", detail: code };
  return { outcome: "other", detail: `${code} (${status})` };
}

/** A redirect's target as an outcome: sign-in, enrolment, become a creator, or somewhere the caller was let through to. */
export function outcomeOfLocation(location: string): Observed {
  // The sign-in page with a notice is where a finished reset or confirmation lands, not a demand to sign in.
  if (location.startsWith("/signin") && !location.includes("notice=")) return { outcome: "signin", detail: location };
  if (location.startsWith("/account/security?required=admin")) return { outcome: "2fa", detail: location };
  if (location.startsWith("/become-creator")) return { outcome: "become-creator", detail: location };
  // A refusal told on the page it sends back to (`?…&reason=auth.not_creator`).
  const reason = /[?&]reason=([\w.]+)/.exec(location)?.[1];
  if (reason && reason in ERROR_CATALOGUE) return outcomeOfCode(reason, ERROR_CATALOGUE[reason as keyof typeof ERROR_CATALOGUE].status);
  return { outcome: "allow", detail: `redirect ${location}` };
}

export async function outcomeOfResponse(res: Response): Promise<Observed> {
  if (res.status < 300) return { outcome: "allow", detail: String(res.status) };
  if (res.status < 400) {
    const location = res.headers.get("location") ?? "";
    return outcomeOfLocation(location.replace(/^https?:\/\/[^/]+/, ""));
  }
  const text = await res.text();
  let code = "";
  try {
    code = String((JSON.parse(text) as { error?: unknown }).error ?? "");
  } catch {
    code = text.slice(0, 60);
  }
  return outcomeOfCode(code || `status ${res.status}`, res.status);
}

/** A thrown redirect()/notFound() (Next's digests) or a DomainError; anything else is a failure to report. */
export function outcomeOfThrown(error: unknown): Observed {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return outcomeOfLocation(digest.split(";")[2] ?? "");
  if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { outcome: "forbidden", detail: "notFound()" };
  if (isDomainError(error)) return outcomeOfCode(error.code, error.status);
  return { outcome: "other", detail: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
}

/** A form action's answer: `{ error }` mapped back to its catalogue code, anything else means it did its work. */
export function outcomeOfState(state: unknown): Observed {
  const error = (state as { error?: unknown } | null | undefined)?.error;
  const failed = (state as { ok?: unknown } | null | undefined)?.ok === false || typeof error === "string";
  if (!failed) return { outcome: "allow", detail: "answered" };
  const message = typeof error === "string" ? error : "";
  const code = MESSAGE_CODES.get(message);
  if (!code) return { outcome: "other", detail: `error "${message}"` };
  return outcomeOfCode(code, ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE].status);
}

/** Runs a call and says what its answer means (a Response, an action state, a rendered page, or a throw). */
export async function observe(call: () => Promise<unknown>): Promise<Observed> {
  try {
    const answer = await call();
    if (answer instanceof Response) return await outcomeOfResponse(answer);
    if (answer && typeof answer === "object" && ("error" in answer || "ok" in answer)) return outcomeOfState(answer);
    return { outcome: "allow", detail: answer === undefined ? "done" : "answered" };
  } catch (error) {
    return outcomeOfThrown(error);
  }
}

// Nothing changed ---------------------------------------------------------------------------------------------

// Counters a refused request may still bump (rate limits count attempts, key use is stamped) are not the object.
const VOLATILE_TABLES = new Set(["rate_limits", "__drizzle_migrations"]);
let tableNames: string[] | undefined;

/** One hash per table of every row's text: equal before and after means no row was added, changed or removed. */
export async function fingerprint(db: Db): Promise<Map<string, string>> {
  if (!tableNames) {
    const found = await queryRows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    tableNames = found.map((r) => r.name).filter((n) => !VOLATILE_TABLES.has(n));
  }
  const parts = tableNames.map((n) => `select '${n}' as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from "${n}" t`);
  const rows = await queryRows<{ name: string; hash: string }>(db, sql.raw(parts.join(" union all ")));
  return new Map(rows.map((r) => [r.name, r.hash]));
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([name, hash]) => after.get(name) !== hash).map(([name]) => name);
}

// The world ---------------------------------------------------------------------------------------------------

export type MatrixWorld = {
  db: Db;
  /** The user id each actor signs in as (anonymous: none; banned: signed out by lib). */
  ids: Record<MatrixActor, string | null>;
  actors: Record<Exclude<MatrixActor, "anonymous">, Actor>;
  creatorC: Creator;
  creatorD: Creator;
  /** C's published preset, bought by A, with A's review. */
  presetC: Awaited<ReturnType<typeof makeListing>>;
  /** C's published model with C's file, bought by A. */
  modelC: Awaited<ReturnType<typeof makeListing>>;
  fileC: Awaited<ReturnType<typeof makeFile>>;
  /** C's published test, bought by A. */
  testC: Awaited<ReturnType<typeof makeListing>>;
  /** C's draft listing. */
  draftC: Awaited<ReturnType<typeof makeListing>>;
  /** D's published listing, reported by A. */
  listingD: Awaited<ReturnType<typeof makeListing>>;
  orderA: { id: string };
  reviewA: string;
  reportA: string;
  notificationA: string;
};

/** Two buyers, two creators, a suspended and a banned person, two admins (one without two-factor), and their things. */
export async function matrixWorld(db: Db): Promise<MatrixWorld> {
  const buyerA = await makeUser(db, { name: "Buyer A" });
  const buyerB = await makeUser(db, { name: "Buyer B" });
  const creatorC = await makeCreator(db, { name: "Creator C" });
  const creatorD = await makeCreator(db, { name: "Creator D" });
  const suspended = await makeUser(db, { name: "Suspended", status: "suspended" });
  const banned = await makeUser(db, { name: "Banned", status: "banned" });
  const adminNo2fa = await makeUser(db, { name: "Admin without 2FA", role: "admin" });
  await db.delete(twoFactorCredentials).where(eq(twoFactorCredentials.userId, adminNo2fa.id));
  const admin = await makeUser(db, { name: "Admin", role: "admin" });
  const noTwoFactor = { ...adminNo2fa, twoFactorEnabled: false };

  const presetC = await makeListing(db, creatorC, { kind: "preset" });
  const fileC = await makeFile(db, creatorC.id, "weights.safetensors");
  const modelC = await makeListing(db, creatorC, { kind: "model", versions: [{ content: contentFor("model", fileC.id), fileId: fileC.id }] });
  const testC = await makeListing(db, creatorC, { kind: "test", content: testContent(60, 3) });
  const draftC = await makeListing(db, creatorC, { status: "draft", versions: [{ status: "draft" }] });
  const listingD = await makeListing(db, creatorD);
  const orderA = await makeOrder(db, buyerA, presetC);
  await makeOrder(db, buyerA, modelC);
  await makeOrder(db, buyerA, testC);
  const review = await createReview(db, buyerA, { listingId: presetC.id, rating: 4, body: "Does what it says on the tin." });
  const report = await fileReport(db, buyerA, { targetType: "listing", targetId: listingD.id, reason: "spam", details: "Copies of other listings." } as never);
  const [note] = await db.insert(notifications).values({ userId: buyerA.id, type: "sale", title: "Welcome" }).returning();

  return {
    db,
    ids: {
      anonymous: null,
      buyerA: buyerA.id,
      buyerB: buyerB.id,
      creatorC: creatorC.id,
      creatorD: creatorD.id,
      suspended: suspended.id,
      banned: banned.id,
      adminNo2fa: adminNo2fa.id,
      admin: admin.id,
    },
    actors: { buyerA, buyerB, creatorC, creatorD, suspended, banned, adminNo2fa: noTwoFactor, admin },
    creatorC,
    creatorD,
    presetC,
    modelC,
    fileC,
    testC,
    draftC,
    listingD,
    orderA,
    reviewA: review.review.id,
    reportA: report.reportId,
    notificationA: note.id,
  };
}

/** A failed mail to A (what the admin email page retries). */
export async function failedMailTo(db: Db, user: Actor): Promise<string> {
  const [row] = await db
    .insert(emailOutbox)
    .values({ template: "verify_email", toAddress: user.email, userId: user.id, data: { link: "/verify" }, status: "failed", attempts: 10, lastError: "550" })
    .returning({ id: emailOutbox.id });
  return row.id;
}

/** C's changed title on C's published preset, waiting for approval as a revision; its id. */
export async function revisionOfC(w: MatrixWorld): Promise<string> {
  await saveListingDetails(w.db, w.creatorC, w.presetC.id, { ...DETAILS, title: "A better title for the preset" });
  const [revision] = await w.db.select({ id: listingRevisions.id }).from(listingRevisions).where(eq(listingRevisions.listingId, w.presetC.id));
  return revision.id;
}

/** An API key for the user with the scopes given. */
export async function apiKeyFor(db: Db, user: Actor, scopes: ("library:read" | "downloads")[]): Promise<string> {
  return (await createApiKey(db, user, { name: "matrix", scopes })).key;
}

export async function setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** The line a suite prints when it is done: how many cells it checked. */
export function tallyLine(suite: string): string {
  const t = matrixTally;
  return `authorization matrix, ${suite}: ${t.rows} rows, ${t.cells} cells (${t.allowed} allowed, ${t.refused} refused), each as the table says`;
}

// Running a row -----------------------------------------------------------------------------------------------

/** Cells run so far in this test file (each suite prints it when done). */
export const matrixTally = { rows: 0, cells: 0, allowed: 0, refused: 0 };

export type CellResult = { caller: string; expected: Outcome; observed: Observed; changed: string[] };

/**
 * Runs every caller of a row (refusals first, so the allowed ones act last on an untouched world), checks each
 * outcome and, for every refusal, that no table changed. Fails with every wrong cell named "row × caller".
 */
export async function runRow(
  db: Db,
  key: string,
  cells: { caller: string; expected: Outcome }[],
  run: (caller: string) => Promise<Observed>,
  options: {
    checkUnchanged?: boolean;
    prepare?: (caller: string) => Promise<void>;
    /** Tables a refusal may touch (a key's last use). */ volatile?: string[];
  } = {},
): Promise<CellResult[]> {
  const ordered = [...cells].sort((a, b) => Number(a.expected === "allow") - Number(b.expected === "allow"));
  const results: CellResult[] = [];
  for (const cell of ordered) {
    // What the caller needs of their own (a password, an enrolment) is set up before the snapshot.
    await options.prepare?.(cell.caller);
    const before = options.checkUnchanged === false ? null : await fingerprint(db);
    const observed = await run(cell.caller);
    const changed = before && observed.outcome !== "allow" ? changedTables(before, await fingerprint(db)).filter((t) => !options.volatile?.includes(t)) : [];
    results.push({ ...cell, observed, changed });
  }
  const wrong = results.flatMap((r) => {
    const problems: string[] = [];
    if (r.observed.outcome !== r.expected) {
      const hole = r.observed.outcome === "allow" ? "UNEXPECTED ALLOW: " : "";
      problems.push(`${hole}${key} × ${r.caller}: expected ${r.expected}, got ${r.observed.outcome} (${r.observed.detail})`);
    }
    if (r.changed.length) problems.push(`${key} × ${r.caller}: refused (${r.observed.outcome}) but changed ${r.changed.join(", ")}`);
    return problems;
  });
  matrixTally.rows += 1;
  matrixTally.cells += results.length;
  matrixTally.allowed += results.filter((r) => r.expected === "allow").length;
  matrixTally.refused += results.filter((r) => r.expected !== "allow").length;
  expect(wrong, `${key}: cells that did not answer as the matrix says`).toEqual([]);
  return results;
}
