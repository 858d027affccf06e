// Fuzzing every route under /api: generated query strings, path parameters, headers and bodies (malformed JSON,
// wrong content types, duplicate and unknown fields, hostile text, money and cursors), signed in or not. No request
// may be answered 5xx or throw, and a refused one (4xx) changes no row (lib/testing/fuzz.ts).
import fc from "fast-check";
import { vi } from "vitest";
import { createApiKey } from "@/lib/api-keys/keys";
import { hostileContentType, hostileCursor, hostileField, hostileId, hostileJsonBody, hostileMoney, hostileText, nearValid } from "@/lib/testing/fuzz";
import { describeFuzz, fuzzCase, fuzzWorld, type ActorName } from "@/lib/testing/fuzz-suite";
import { testDatabase } from "@/db/testing/setup";
import { GET as cronEmail, POST as cronEmailPost } from "@/app/api/cron/email/route";
import { GET as cronSettle } from "@/app/api/cron/settle/route";
import { GET as cronStorage } from "@/app/api/cron/storage/route";
import { GET as downloadByToken } from "@/app/api/downloads/[token]/route";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/email/unsubscribe/route";
import { GET as ownFile } from "@/app/api/files/[id]/route";
import { GET as health } from "@/app/api/health/route";
import { GET as image } from "@/app/api/images/[id]/route";
import { GET as libraryDownload } from "@/app/api/library/[listingId]/download/route";
import { GET as libraryJson } from "@/app/api/library/[listingId]/json/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { POST as completeDirect } from "@/app/api/uploads/direct/[id]/complete/route";
import { POST as presignParts } from "@/app/api/uploads/direct/[id]/parts/route";
import { DELETE as abortDirect } from "@/app/api/uploads/direct/[id]/route";
import { POST as startDirect } from "@/app/api/uploads/direct/route";
import { POST as uploadFile } from "@/app/api/uploads/files/route";
import { POST as uploadImage } from "@/app/api/uploads/images/route";
import { GET as listing, OPTIONS as listingOptions } from "@/app/api/v1/listings/[slug]/route";
import { GET as listings } from "@/app/api/v1/listings/route";
import { GET as myLibrary } from "@/app/api/v1/me/library/route";
import { GET as suggest } from "@/app/api/v1/suggest/route";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/fuzz-session")).fuzzSessionModule());
vi.mock("next/headers", async () => (await import("@/lib/testing/fuzz-session")).fuzzHeadersModule());
vi.mock("next/cache", async () => (await import("@/lib/testing/fuzz-session")).fuzzCacheModule());
vi.mock("@/lib/errors/domain-error", async (original) => (await import("@/lib/testing/internal-errors")).recordingInternalErrors(await original()));

const ANYONE: ActorName[] = ["anonymous", "anonymous", "buyer", "creator", "admin"];
const CREATORS: ActorName[] = ["creator", "creator", "creator", "buyer", "anonymous"];
const w = fuzzWorld;
const keys: { library: string } = { library: "" };

type Params<T> = { params: Promise<T> };
const params = <T>(value: T): Params<T> => ({ params: Promise.resolve(value) });

/** A query string from generated name/value pairs: hostile values, repeated names, names nobody reads. */
function hostileQuery(names: string[], tuned: Record<string, fc.Arbitrary<string>> = {}): fc.Arbitrary<string> {
  const pair = fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), tuned[name] ? fc.oneof(tuned[name], hostileField) : hostileField));
  return fc.tuple(fc.array(pair, { maxLength: 6 }), fc.array(fc.tuple(hostileText, hostileText), { maxLength: 1 })).map(([known, unknown]) => {
    const query = new URLSearchParams();
    for (const [name, value] of [...known, ...unknown]) query.append(name, value);
    return query.toString();
  });
}

/** A path segment as a router hands it over: anything, already decoded. */
const segment = fc.oneof(hostileId, hostileText, fc.constantFrom("", ".", "..", "%2e%2e", "a/b"));
const authorization = fc.oneof(
  fc.constant(""),
  hostileText.map((t) => `Bearer ${t}`),
  fc.constantFrom("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "bearer agora_", "Bearer agora_" + "a".repeat(5000), "Bearer agora_\u0000"),
  fc.constant(null).chain(() => fc.constantFrom(`Bearer ${keys.library}`, `Bearer ${keys.library}x`, `Bearer ${keys.library.slice(0, -2)}`)),
);

const get = (path: string) => new Request(`http://localhost${path}`, { headers: { "x-forwarded-for": "203.0.113.7" } });

function headersOf(pairs: [string, string][]): Headers {
  const headers = new Headers({ "x-forwarded-for": "203.0.113.7" });
  for (const [name, value] of pairs) {
    try {
      headers.append(name, value);
    } catch {
      // A value fetch itself refuses (a newline, NUL) never reaches a handler.
    }
  }
  return headers;
}

/** A JSON-ish POST: the generated body text under a generated content type. */
const jsonPost = (path: string, body: string, contentType: string, method = "POST") =>
  new Request(`http://localhost${path}`, { method, body, headers: headersOf([["content-type", contentType]]) });

const bodyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.constantFrom(new Uint8Array(0), new TextEncoder().encode("<svg onload=alert(1)>"), new TextEncoder().encode("\u0000\u0000PNG")),
);

const catalogNames = ["q", "kind", "category", "minPrice", "maxPrice", "free", "commercial", "minRating", "sort", "cursor", "limit"];
const catalogTuned = {
  minPrice: hostileMoney,
  maxPrice: hostileMoney,
  minRating: hostileMoney,
  limit: hostileMoney,
  cursor: hostileCursor,
  kind: fc.constantFrom("prompt", "model", "x"),
  sort: fc.constantFrom("newest", "price_asc", "price_desc", "rating", "relevance", "x"),
  free: fc.constantFrom("1", "true", "0", "yes"),
};

describeFuzz(
  "API routes",
  [
    fuzzCase<string>({
      name: "GET /api/v1/listings",
      runs: 250,
      actors: ["anonymous"],
      kind: "route",
      input: () => hostileQuery(catalogNames, catalogTuned),
      call: (q) => listings(get(`/api/v1/listings?${q}`)),
    }),
    fuzzCase<string>({
      name: "GET /api/v1/listings/[slug]",
      runs: 250,
      actors: ["anonymous"],
      kind: "route",
      input: () => fc.oneof(segment, nearValid(w().live.slug)),
      call: (slug) => listing(get(`/api/v1/listings/x`), params({ slug })),
    }),
    fuzzCase<null>({
      name: "OPTIONS /api/v1/listings/[slug]",
      runs: 5,
      actors: ["anonymous"],
      kind: "route",
      // The preflight reads no request: only its answer is checked.
      input: () => fc.constant(null),
      call: async () => listingOptions(),
    }),
    fuzzCase<string>({
      name: "GET /api/v1/suggest",
      runs: 150,
      actors: ["anonymous"],
      kind: "route",
      input: () => hostileQuery(["q"], { q: hostileText }),
      call: (q) => suggest(get(`/api/v1/suggest?${q}`)),
    }),
    fuzzCase<[string, string]>({
      name: "GET /api/v1/me/library",
      runs: 200,
      actors: ["anonymous"],
      kind: "route",
      input: () => fc.tuple(authorization, hostileQuery(["cursor", "limit", "q", "updated"], { cursor: hostileCursor, limit: hostileMoney, q: hostileText })),
      call: ([auth, q]) => myLibrary(new Request(`http://localhost/api/v1/me/library?${q}`, { headers: headersOf([["authorization", auth]]) })),
    }),
    fuzzCase<[string, string]>({
      name: "POST /api/uploads/direct",
      runs: 300,
      actors: CREATORS,
      kind: "route",
      input: () =>
        fc.tuple(
          hostileJsonBody(
            { purpose: "file", filename: "weights.safetensors", contentType: "application/octet-stream", byteSize: 1000 },
            { byteSize: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -1, 2 ** 53, 1e309)), purpose: fc.constantFrom("file", "cover", "avatar", "x") },
          ),
          hostileContentType,
        ),
      call: ([body, type]) => startDirect(jsonPost("/api/uploads/direct", body, type)),
    }),
    fuzzCase<[string, string, string]>({
      name: "POST /api/uploads/direct/[id]/parts",
      runs: 200,
      actors: CREATORS,
      kind: "route",
      input: () =>
        fc.tuple(
          segment,
          hostileJsonBody({ partNumbers: [1, 2] }, { partNumbers: fc.array(fc.oneof(fc.integer(), fc.double()), { maxLength: 200 }) }),
          hostileContentType,
        ),
      call: ([id, body, type]) => presignParts(jsonPost(`/api/uploads/direct/x/parts`, body, type), params({ id })),
    }),
    fuzzCase<[string, string, string]>({
      name: "POST /api/uploads/direct/[id]/complete",
      runs: 200,
      actors: CREATORS,
      kind: "route",
      input: () =>
        fc.tuple(
          segment,
          hostileJsonBody(
            { parts: [{ partNumber: 1, etag: '"abc"' }], focus: "center" },
            { parts: fc.array(fc.record({ partNumber: fc.oneof(fc.integer(), fc.double()), etag: hostileText }), { maxLength: 5 }) },
          ),
          hostileContentType,
        ),
      call: ([id, body, type]) => completeDirect(jsonPost(`/api/uploads/direct/x/complete`, body, type), params({ id })),
    }),
    fuzzCase<string>({
      name: "DELETE /api/uploads/direct/[id]",
      runs: 150,
      actors: CREATORS,
      kind: "route",
      input: () => segment,
      call: (id) => abortDirect(new Request("http://localhost/api/uploads/direct/x", { method: "DELETE" }), params({ id })),
    }),
    fuzzCase<[Uint8Array, string, string]>({
      name: "POST /api/uploads/files",
      runs: 200,
      actors: CREATORS,
      kind: "route",
      input: () =>
        fc.tuple(bodyBytes, fc.oneof(hostileText, fc.constantFrom("model.safetensors", "%E0%A4%A", "..%2F..%2Fetc%2Fpasswd", "a%00b")), hostileContentType),
      call: ([bytes, name, type]) =>
        uploadFile(
          new Request("http://localhost/api/uploads/files", {
            method: "POST",
            body: Buffer.from(bytes),
            headers: headersOf([
              ["x-file-name", name],
              ["content-type", type],
            ]),
          }),
        ),
    }),
    fuzzCase<[Uint8Array, string]>({
      name: "POST /api/uploads/images",
      runs: 200,
      actors: CREATORS,
      kind: "route",
      input: () =>
        fc.tuple(
          bodyBytes,
          hostileQuery(["purpose", "focus"], {
            purpose: fc.constantFrom("cover", "example", "avatar", "banner"),
            focus: fc.constantFrom("center", "top", "x"),
          }),
        ),
      call: ([bytes, q]) => uploadImage(new Request(`http://localhost/api/uploads/images?${q}`, { method: "POST", body: Buffer.from(bytes) })),
    }),
    fuzzCase<[string, string]>({
      name: "POST /api/webhooks/stripe",
      runs: 400,
      actors: ["anonymous"],
      kind: "route",
      input: () =>
        fc.tuple(
          hostileJsonBody(
            { id: "evt_1", type: "checkout.session.completed", data: { object: { id: "cs_1", client_reference_id: "x", payment_status: "paid" } } },
            { type: fc.constantFrom("checkout.session.completed", "charge.refunded", "account.updated", "transfer.reversed", "x") },
          ),
          fc.oneof(hostileText, fc.constantFrom("t=1,v1=abc", "t=,v1=", "v1=" + "a".repeat(64), `t=${Math.floor(Date.now() / 1000)},v1=00`)),
        ),
      call: ([body, signature]) =>
        stripeWebhook(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body, headers: headersOf([["stripe-signature", signature]]) })),
    }),
    fuzzCase<string>({
      name: "GET /api/cron/email",
      runs: 80,
      actors: ["anonymous"],
      kind: "route",
      input: () => authorization,
      call: (auth) => cronEmail(new Request("http://localhost/api/cron/email", { headers: headersOf([["authorization", auth]]) })),
    }),
    fuzzCase<string>({
      name: "POST /api/cron/email",
      runs: 20,
      actors: ["anonymous"],
      kind: "route",
      input: () => authorization,
      call: () => Promise.resolve(cronEmailPost()),
    }),
    fuzzCase<string>({
      name: "GET /api/cron/settle",
      runs: 80,
      actors: ["anonymous"],
      kind: "route",
      input: () => authorization,
      call: (auth) => cronSettle(new Request("http://localhost/api/cron/settle", { headers: headersOf([["authorization", auth]]) })),
    }),
    fuzzCase<string>({
      name: "GET /api/cron/storage",
      runs: 80,
      actors: ["anonymous"],
      kind: "route",
      input: () => authorization,
      call: (auth) => cronStorage(new Request("http://localhost/api/cron/storage", { headers: headersOf([["authorization", auth]]) })),
    }),
    fuzzCase<null>({
      name: "GET /api/health",
      runs: 10,
      actors: ["anonymous"],
      kind: "route",
      input: () => fc.constant(null),
      call: () => health(get("/api/health")),
    }),
    fuzzCase<string>({
      name: "GET /api/metrics",
      runs: 80,
      actors: ["anonymous"],
      kind: "route",
      input: () => authorization,
      call: (auth) => metrics(new Request("http://localhost/api/metrics", { headers: headersOf([["authorization", auth]]) })),
    }),
    fuzzCase<string>({
      name: "POST /api/email/unsubscribe",
      runs: 200,
      actors: ["anonymous"],
      kind: "route",
      input: () => hostileQuery(["token"]),
      call: (q) => unsubscribePost(new Request(`http://localhost/api/email/unsubscribe?${q}`, { method: "POST", body: "List-Unsubscribe=One-Click" })),
    }),
    fuzzCase<string>({
      name: "GET /api/email/unsubscribe",
      runs: 60,
      actors: ["anonymous"],
      kind: "route",
      input: () => hostileQuery(["token"]),
      call: async (q) => unsubscribeGet(get(`/api/email/unsubscribe?${q}`)),
    }),
    fuzzCase<[string, string]>({
      name: "GET /api/images/[id]",
      runs: 200,
      actors: ANYONE,
      kind: "route",
      input: () => fc.tuple(segment, hostileQuery(["size"], { size: fc.constantFrom("thumb", "cover", "full", "") })),
      call: ([id, q]) => image(get(`/api/images/x?${q}`), params({ id })),
    }),
    fuzzCase<string>({
      name: "GET /api/files/[id]",
      runs: 150,
      actors: ANYONE,
      kind: "route",
      input: () => segment,
      call: (id) => ownFile(get("/api/files/x"), params({ id })),
    }),
    fuzzCase<[string, string]>({
      name: "GET /api/downloads/[token]",
      runs: 200,
      actors: ANYONE,
      kind: "route",
      input: () => fc.tuple(fc.oneof(segment, hostileCursor), authorization),
      call: ([token, auth]) =>
        downloadByToken(new Request("http://localhost/api/downloads/x", { headers: headersOf([["authorization", auth]]) }), params({ token })),
    }),
    fuzzCase<[string, string, string]>({
      name: "GET /api/library/[listingId]/download",
      runs: 150,
      actors: ANYONE,
      kind: "route",
      input: () =>
        fc.tuple(
          fc.oneof(
            segment,
            fc.constant(null).chain(() => fc.constant(w().live.id)),
          ),
          hostileQuery(["version"], { version: hostileMoney }),
          authorization,
        ),
      call: ([listingId, q, auth]) =>
        libraryDownload(new Request(`http://localhost/api/library/x/download?${q}`, { headers: headersOf([["authorization", auth]]) }), params({ listingId })),
    }),
    fuzzCase<[string, string, string]>({
      name: "GET /api/library/[listingId]/json",
      runs: 150,
      actors: ANYONE,
      kind: "route",
      input: () =>
        fc.tuple(
          fc.oneof(
            segment,
            fc.constant(null).chain(() => fc.constant(w().live.id)),
          ),
          hostileQuery(["version"], { version: hostileMoney }),
          authorization,
        ),
      call: ([listingId, q, auth]) =>
        libraryJson(new Request(`http://localhost/api/library/x/json?${q}`, { headers: headersOf([["authorization", auth]]) }), params({ listingId })),
    }),
  ],
  {
    setup: async (world) => {
      keys.library = (await createApiKey(testDatabase().db, world.buyer, { name: "fuzz", scopes: ["library:read", "downloads"] })).key;
    },
  },
);
