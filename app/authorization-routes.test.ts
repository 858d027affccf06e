// The authorization matrix for route handlers (app/authorization-matrix.ts, ROUTE_MATRIX and KEY_MATRIX): every
// handler called by every actor, credential and API key against objects someone else owns, on the real database.
// Only Auth.js's session lookup is replaced (the actor's user id); loadActor, the guards and the routes are real.
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { testDatabase } from "@/db/testing/setup";
import { apiKeys, emailOutbox, listings, users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { hashApiKey, revokeApiKey } from "@/lib/api-keys/keys";
import { queueEmail } from "@/lib/email/outbox";
import { unsubscribeToken } from "@/lib/email/unsubscribe";
import { startPayoutOnboarding } from "@/lib/creators/connect";
import { reloadEnv } from "@/lib/env";
import { paymentsDriver } from "@/lib/payments/driver";
import { safetensorsFile } from "@/lib/files/testing/model-files";
import { jpeg } from "@/lib/images/testing/fixtures";
import { removeListing } from "@/lib/moderation/listings";
import { signWebhookPayload } from "@/lib/payments/testing/webhook-delivery";
import { startTestS3Server, type TestS3Server } from "@/lib/storage/testing/s3-server";
import { apiKeyFor, matrixWorld, observe, runRow, tallyLine, type MatrixWorld, type Observed } from "@/lib/testing/authorization";
import { makeImage, makeUser, uniqueTag } from "@/lib/testing/fixtures";
import {
  CREDENTIAL_CALLERS,
  KEY_CALLERS,
  KEY_MATRIX,
  MATRIX_ACTORS,
  ROUTE_MATRIX,
  expectedOutcome,
  type MatrixActor,
  type MatrixCaller,
} from "./authorization-matrix";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, sessionVersion: 1 } : null),
  // Auth.js's own endpoints: the route must hand every caller to them (Auth.js does its own CSRF and credential checks).
  handlers: { GET: async () => new Response("auth.js", { status: 200 }), POST: async () => new Response("auth.js", { status: 200 }) },
}));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidateTag: () => {}, revalidatePath: () => {}, unstable_cache: <T>(fn: T) => fn }));

const CRON_SECRET = "matrix-cron-secret-0123456789abcdef";
const METRICS_TOKEN = "matrix-metrics-token-0123456789abcdef";
const PRODUCTION_ENV = {
  NODE_ENV: "production",
  AUTH_SECRET: "a-production-secret-0123456789abcdef",
  SMTP_URL: "smtp://127.0.0.1:2525",
  EMAIL_FROM: "no-reply@agora.example",
  APP_URL: "https://agora.example",
};

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startTestS3Server();
  process.env.CRON_SECRET = CRON_SECRET;
  process.env.METRICS_TOKEN = METRICS_TOKEN;
  reloadEnv();
});
afterAll(async () => {
  delete process.env.CRON_SECRET;
  delete process.env.METRICS_TOKEN;
  reloadEnv();
  await s3?.stop();
});

const URL_BASE = "http://localhost:3000";
const get = (path: string, headers: Record<string, string> = {}) => new Request(`${URL_BASE}${path}`, { headers });
const post = (path: string, body: BodyInit | null, headers: Record<string, string> = {}, method = "POST") =>
  new Request(`${URL_BASE}${path}`, { method, body, headers, duplex: "half" } as RequestInit);
const json = (path: string, body: unknown, method = "POST") => post(path, JSON.stringify(body), { "content-type": "application/json" }, method);
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
async function handler(key: string): Promise<Handler> {
  const [file, method] = key.split(" ");
  const mod = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<string, Handler>;
  return mod[method];
}

/** The credential header for a machine caller: none for session actors, a wrong one, or the right one. */
function bearer(caller: MatrixCaller, secret: string): Record<string, string> {
  if (caller === "wrongCredential") return { authorization: "Bearer wrong-credential-0123456789" };
  if (caller === "rightCredential") return { authorization: `Bearer ${secret}` };
  return {};
}

function withProduction<T>(caller: MatrixCaller, run: () => Promise<T>): Promise<T> {
  if (caller !== "production") return run();
  const saved = Object.fromEntries(Object.keys(PRODUCTION_ENV).map((k) => [k, process.env[k]]));
  Object.assign(process.env, PRODUCTION_ENV);
  reloadEnv();
  return run().finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    reloadEnv();
  });
}

/** A download link issued to A for C's model file (what the library's download button hands out). */
async function downloadLinkOfA(w: MatrixWorld): Promise<string> {
  session.userId = w.ids.buyerA;
  const download = await handler("app/api/library/[listingId]/download/route.ts GET");
  const res = await download(get(`/api/library/${w.modelC.id}/download?version=1`), params({ listingId: w.modelC.id }));
  session.userId = null;
  const location = res.headers.get("location");
  if (!location) throw new Error(`no download link for A (${res.status})`);
  return location;
}

const model = safetensorsFile([{ name: "layer.weight", dtype: "F32", shape: [4, 4] }]);

/** C's direct upload of a small model file, every part already in the bucket (what complete, parts and cancel act on). */
async function openUploadOfC(w: MatrixWorld): Promise<{ id: string; parts: { partNumber: number; etag: string }[] }> {
  session.userId = w.ids.creatorC;
  const start = await handler("app/api/uploads/direct/route.ts POST");
  const started = (await (
    await start(json("/api/uploads/direct", { purpose: "file", filename: "c.safetensors", byteSize: model.byteLength }), params({}))
  ).json()) as { id: string };
  const presign = await handler("app/api/uploads/direct/[id]/parts/route.ts POST");
  const { parts } = (await (await presign(json(`/api/uploads/direct/${started.id}/parts`, { partNumbers: [1] }), params({ id: started.id }))).json()) as {
    parts: { partNumber: number; url: string }[];
  };
  const put = await fetch(parts[0].url, { method: "PUT", body: Buffer.from(model) });
  session.userId = null;
  return { id: started.id, parts: [{ partNumber: 1, etag: put.headers.get("etag")! }] };
}

/** The cover of C's listing after an admin removed it: withheld from everyone but C and admins. */
async function withheldCoverOfC(w: MatrixWorld): Promise<string> {
  const image = await makeImage(w.db, w.creatorC.id, { width: 8, height: 6 });
  await w.db.update(listings).set({ coverImageId: image.id }).where(eq(listings.id, w.presetC.id));
  await removeListing(w.db, w.actors.admin, { listingId: w.presetC.id, reason: "Copies someone else's work." });
  return image.id;
}

type RouteProbe = (w: MatrixWorld) => Promise<(caller: MatrixCaller) => Promise<Response>>;

const stripeEvent = () =>
  JSON.stringify({ id: `evt_${uniqueTag()}`, object: "event", type: "customer.created", created: 1, data: { object: { id: "cus_1", object: "customer" } } });

/** For each route: prepare the object (owned by someone else than most callers), then the call a caller makes. */
const PROBES: Record<string, RouteProbe> = {
  "app/account/data/export/route.ts GET": async () => async () =>
    (await handler("app/account/data/export/route.ts GET"))(get("/account/data/export"), params({})),
  "app/admin/audit/export/route.ts GET": async () => async () => (await handler("app/admin/audit/export/route.ts GET"))(get("/admin/audit/export"), params({})),
  "app/api/auth/[...nextauth]/route.ts GET": async () => async () =>
    (await handler("app/api/auth/[...nextauth]/route.ts GET"))(get("/api/auth/session"), params({ nextauth: ["session"] })),
  "app/api/auth/[...nextauth]/route.ts POST": async () => async () =>
    (await handler("app/api/auth/[...nextauth]/route.ts POST"))(post("/api/auth/signout", ""), params({ nextauth: ["signout"] })),
  "app/api/cron/email/route.ts GET": async () => async (caller) =>
    (await handler("app/api/cron/email/route.ts GET"))(get("/api/cron/email", bearer(caller, CRON_SECRET)), params({})),
  "app/api/cron/settle/route.ts GET": async () => async (caller) =>
    (await handler("app/api/cron/settle/route.ts GET"))(get("/api/cron/settle", bearer(caller, CRON_SECRET)), params({})),
  "app/api/cron/storage/route.ts GET": async () => async (caller) =>
    (await handler("app/api/cron/storage/route.ts GET"))(get("/api/cron/storage", bearer(caller, CRON_SECRET)), params({})),
  "app/api/downloads/[token]/route.ts GET": async (w) => {
    const link = await downloadLinkOfA(w);
    return async () => (await handler("app/api/downloads/[token]/route.ts GET"))(get(link), params({ token: link.split("/").pop()! }));
  },
  "app/api/email/unsubscribe/route.ts GET": async (w) => {
    const token = unsubscribeToken(w.actors.buyerA.id, "new_versions" as never);
    return async () => (await handler("app/api/email/unsubscribe/route.ts GET"))(get(`/api/email/unsubscribe?token=${encodeURIComponent(token)}`), params({}));
  },
  "app/api/email/unsubscribe/route.ts POST": async (w) => {
    const token = unsubscribeToken(w.actors.buyerA.id, "new_versions" as never);
    return async (caller) => {
      const sent = caller === "wrongCredential" ? `${token.slice(0, -4)}AAAA` : token;
      return (await handler("app/api/email/unsubscribe/route.ts POST"))(
        post(`/api/email/unsubscribe?token=${encodeURIComponent(sent)}`, "List-Unsubscribe=One-Click", { "content-type": "application/x-www-form-urlencoded" }),
        params({}),
      );
    };
  },
  "app/api/files/[id]/route.ts GET": async (w) => async () =>
    (await handler("app/api/files/[id]/route.ts GET"))(get(`/api/files/${w.fileC.id}`), params({ id: w.fileC.id })),
  "app/api/health/route.ts GET": async () => async () => (await handler("app/api/health/route.ts GET"))(get("/api/health"), params({})),
  "app/api/images/[id]/route.ts GET": async (w) => {
    const id = await withheldCoverOfC(w);
    return async () => (await handler("app/api/images/[id]/route.ts GET"))(get(`/api/images/${id}`), params({ id }));
  },
  "app/api/library/[listingId]/download/route.ts GET": async (w) => async () =>
    (await handler("app/api/library/[listingId]/download/route.ts GET"))(
      get(`/api/library/${w.modelC.id}/download?version=1`),
      params({ listingId: w.modelC.id }),
    ),
  "app/api/library/[listingId]/json/route.ts GET": async (w) => async () =>
    (await handler("app/api/library/[listingId]/json/route.ts GET"))(get(`/api/library/${w.presetC.id}/json?version=1`), params({ listingId: w.presetC.id })),
  "app/api/metrics/route.ts GET": async () => async (caller) =>
    (await handler("app/api/metrics/route.ts GET"))(get("/api/metrics", bearer(caller, METRICS_TOKEN)), params({})),
  "app/api/uploads/direct/[id]/complete/route.ts POST": async (w) => {
    const upload = await openUploadOfC(w);
    return async () =>
      (await handler("app/api/uploads/direct/[id]/complete/route.ts POST"))(
        json(`/api/uploads/direct/${upload.id}/complete`, { parts: upload.parts }),
        params({ id: upload.id }),
      );
  },
  "app/api/uploads/direct/[id]/parts/route.ts POST": async (w) => {
    const upload = await openUploadOfC(w);
    return async () =>
      (await handler("app/api/uploads/direct/[id]/parts/route.ts POST"))(
        json(`/api/uploads/direct/${upload.id}/parts`, { partNumbers: [1] }),
        params({ id: upload.id }),
      );
  },
  "app/api/uploads/direct/[id]/route.ts DELETE": async (w) => {
    const upload = await openUploadOfC(w);
    return async () =>
      (await handler("app/api/uploads/direct/[id]/route.ts DELETE"))(json(`/api/uploads/direct/${upload.id}`, undefined, "DELETE"), params({ id: upload.id }));
  },
  "app/api/uploads/direct/route.ts POST": async () => async () =>
    (await handler("app/api/uploads/direct/route.ts POST"))(
      json("/api/uploads/direct", { purpose: "file", filename: "m.safetensors", byteSize: model.byteLength }),
      params({}),
    ),
  "app/api/uploads/files/route.ts POST": async () => async () =>
    (await handler("app/api/uploads/files/route.ts POST"))(
      post("/api/uploads/files", Buffer.from(model), { "x-file-name": "m.safetensors", "content-type": "application/octet-stream" }),
      params({}),
    ),
  "app/api/uploads/images/route.ts POST": async () => {
    const bytes = await jpeg(800, 800);
    return async () =>
      (await handler("app/api/uploads/images/route.ts POST"))(
        post("/api/uploads/images?purpose=avatar", Buffer.from(bytes), { "content-type": "image/png" }),
        params({}),
      );
  },
  "app/api/v1/listings/[slug]/route.ts GET": async (w) => async () =>
    (await handler("app/api/v1/listings/[slug]/route.ts GET"))(get(`/api/v1/listings/${w.presetC.slug}`), params({ slug: w.presetC.slug })),
  "app/api/v1/listings/[slug]/route.ts OPTIONS": async (w) => async () =>
    (await handler("app/api/v1/listings/[slug]/route.ts OPTIONS"))(
      post(`/api/v1/listings/${w.presetC.slug}`, null, {}, "OPTIONS"),
      params({ slug: w.presetC.slug }),
    ),
  "app/api/v1/listings/route.ts GET": async () => async () =>
    (await handler("app/api/v1/listings/route.ts GET"))(get("/api/v1/listings?q=listing"), params({})),
  "app/api/v1/listings/route.ts OPTIONS": async () => async () =>
    (await handler("app/api/v1/listings/route.ts OPTIONS"))(post("/api/v1/listings", null, {}, "OPTIONS"), params({})),
  "app/api/v1/me/library/route.ts GET": async () => async () => (await handler("app/api/v1/me/library/route.ts GET"))(get("/api/v1/me/library"), params({})),
  "app/api/v1/suggest/route.ts GET": async () => async () => (await handler("app/api/v1/suggest/route.ts GET"))(get("/api/v1/suggest?q=list"), params({})),
  "app/api/v1/suggest/route.ts OPTIONS": async () => async () =>
    (await handler("app/api/v1/suggest/route.ts OPTIONS"))(post("/api/v1/suggest", null, {}, "OPTIONS"), params({})),
  "app/api/webhooks/stripe/route.ts POST": async () => async (caller) => {
    const payload = stripeEvent();
    const signature: Record<string, string> =
      caller === "rightCredential"
        ? { "stripe-signature": signWebhookPayload(payload) }
        : caller === "wrongCredential"
          ? { "stripe-signature": signWebhookPayload(payload, { secret: "whsec_wrong" }) }
          : {};
    return (await handler("app/api/webhooks/stripe/route.ts POST"))(
      post("/api/webhooks/stripe", payload, { "content-type": "application/json", ...signature }),
      params({}),
    );
  },
  "app/dashboard/payouts/export/route.ts GET": async () => async () =>
    (await handler("app/dashboard/payouts/export/route.ts GET"))(get("/dashboard/payouts/export"), params({})),
  "app/dashboard/payouts/onboarding/return/route.ts GET": async (w) => {
    // Both creators have started onboarding: coming back reads their own account.
    for (const creator of [w.creatorC, w.creatorD])
      await startPayoutOnboarding(w.db, await paymentsDriver(), creator, { returnUrl: "http://localhost/r", refreshUrl: "http://localhost/f" });
    return async () => (await handler("app/dashboard/payouts/onboarding/return/route.ts GET"))(get("/dashboard/payouts/onboarding/return"), params({}));
  },
  "app/dashboard/payouts/onboarding/route.ts GET": async () => async () =>
    (await handler("app/dashboard/payouts/onboarding/route.ts GET"))(get("/dashboard/payouts/onboarding"), params({})),
  "app/dev/mail/[id]/html/route.ts GET": async (w) => {
    await queueEmail(w.db, { template: "password_reset", to: w.actors.buyerA.email, data: { url: "/reset?token=matrix" } });
    const [mail] = await w.db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.toAddress, w.actors.buyerA.email));
    return async () => (await handler("app/dev/mail/[id]/html/route.ts GET"))(get(`/dev/mail/${mail.id}/html`), params({ id: mail.id }));
  },
  "app/sitemap.xml/route.ts GET": async () => async () => (await handler("app/sitemap.xml/route.ts GET"))(get("/sitemap.xml"), params({})),
  "app/sitemaps/[file]/route.ts GET": async () => async () =>
    (await handler("app/sitemaps/[file]/route.ts GET"))(get("/sitemaps/pages.xml"), params({ file: "pages.xml" })),
};

/** The cells of a row: every session actor, plus the credential callers the row names. */
function cellsOf(expect: Parameters<typeof expectedOutcome>[0], callers: readonly MatrixCaller[]) {
  return callers.flatMap((caller) => {
    const expected = expectedOutcome(expect, caller);
    return expected ? [{ caller, expected }] : [];
  });
}

describe("authorization matrix: route handlers × actors", () => {
  for (const [key, row] of Object.entries(ROUTE_MATRIX)) {
    it(`${key} — ${row.target}`, async () => {
      const { db } = testDatabase();
      const w = await matrixWorld(db);
      const call = await PROBES[key](w);
      const callers: MatrixCaller[] = [...MATRIX_ACTORS, ...CREDENTIAL_CALLERS];
      await runRow(db, key, cellsOf(row, callers), async (caller): Promise<Observed> => {
        const actor: MatrixActor = (MATRIX_ACTORS as readonly string[]).includes(caller) ? (caller as MatrixActor) : "anonymous";
        session.userId = w.ids[actor];
        try {
          return await withProduction(caller as MatrixCaller, () => observe(() => call(caller as MatrixCaller)));
        } finally {
          session.userId = null;
        }
      });
    });
  }
});

describe("authorization matrix: API keys × library routes", () => {
  for (const [key, row] of Object.entries(KEY_MATRIX)) {
    it(`${key} — ${row.target}`, async () => {
      const { db } = testDatabase();
      const w = await matrixWorld(db);
      const link = key.includes("downloads/[token]") ? await downloadLinkOfA(w) : "";
      const keys: Record<(typeof KEY_CALLERS)[number], string> = {
        keyLibraryRead: await apiKeyFor(db, w.actors.buyerA, ["library:read"]),
        keyDownloads: await apiKeyFor(db, w.actors.buyerA, ["downloads"]),
        keyOfB: await apiKeyFor(db, w.actors.buyerB, ["library:read", "downloads"]),
        keyRevoked: "",
        keyOfBanned: "",
        keyMalformed: "agora_not-a-real-key",
      };
      const revoked = await apiKeyFor(db, w.actors.buyerA, ["library:read", "downloads"]);
      const [revokedRow] = await db
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(eq(apiKeys.keyHash, hashApiKey(revoked)));
      await revokeApiKey(db, w.actors.buyerA, revokedRow.id);
      keys.keyRevoked = revoked;
      // A key made while its owner was active stops working once they are banned.
      const later = await makeUser(db);
      keys.keyOfBanned = await apiKeyFor(db, later, ["library:read", "downloads"]);
      await db.update(users).set({ status: "banned" }).where(eq(users.id, later.id));

      const target: Record<string, string> = {
        "app/api/v1/me/library/route.ts GET": "/api/v1/me/library",
        "app/api/library/[listingId]/download/route.ts GET": `/api/library/${w.modelC.id}/download?version=1`,
        "app/api/library/[listingId]/json/route.ts GET": `/api/library/${w.presetC.id}/json?version=1`,
        "app/api/downloads/[token]/route.ts GET": link,
      };
      const context = { listingId: key.includes("download/") ? w.modelC.id : w.presetC.id, token: link.split("/").pop() ?? "" };
      const route = await handler(key);
      await runRow(
        db,
        `${key} (API key)`,
        cellsOf(row, KEY_CALLERS),
        (caller) => observe(() => Promise.resolve(route(get(target[key], { authorization: `Bearer ${keys[caller as keyof typeof keys]}` }), params(context)))),
        // A valid key is stamped as used even when the object is refused; nothing else may change.
        { volatile: ["api_keys"] },
      );
    });
  }
});

afterAll(() => console.info(tallyLine("route handlers and API keys")));
