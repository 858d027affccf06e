// Fuzzing the route handlers outside /api: data and CSV exports, payout onboarding, the dev mail viewer and the
// sitemaps, with generated filters, path segments and callers. No request may be answered 5xx or throw anything but
// Next's redirect, and a refused one changes no row (lib/testing/fuzz.ts).
import fc from "fast-check";
import { NextRequest } from "next/server";
import { vi } from "vitest";
import { hostileContentType, hostileField, hostileForm, hostileId, hostileText, type FormEntry } from "@/lib/testing/fuzz";
import { describeFuzz, fuzzCase, type ActorName } from "@/lib/testing/fuzz-suite";
import { GET as accountExport } from "@/app/account/data/export/route";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { GET as auditExport } from "@/app/admin/audit/export/route";
import { GET as payoutsExport } from "@/app/dashboard/payouts/export/route";
import { GET as onboardingReturn } from "@/app/dashboard/payouts/onboarding/return/route";
import { GET as onboarding } from "@/app/dashboard/payouts/onboarding/route";
import { GET as devMailHtml } from "@/app/dev/mail/[id]/html/route";
import { GET as sitemapIndex } from "@/app/sitemap.xml/route";
import { GET as sitemapFile } from "@/app/sitemaps/[file]/route";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/fuzz-session")).fuzzSessionModule());
vi.mock("next/headers", async () => (await import("@/lib/testing/fuzz-session")).fuzzHeadersModule());
vi.mock("next/cache", async () => (await import("@/lib/testing/fuzz-session")).fuzzCacheModule());
vi.mock("@/lib/errors/domain-error", async (original) => (await import("@/lib/testing/internal-errors")).recordingInternalErrors(await original()));

const EVERYONE: ActorName[] = ["anonymous", "buyer", "creator", "admin", "stranger"];
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const date = fc.oneof(hostileField, fc.constantFrom("2026-01-01", "2026-13-45", "0000-00-00", "275760-09-13", "-1", "1e309", "2026-02-30T25:61", "now"));

/** A caller varies, nothing else: the handler reads nothing from its request. */
const callerCase = (name: string, handler: (request: Request) => Promise<Response>, actors: ActorName[] = EVERYONE) =>
  fuzzCase<null>({
    name,
    runs: 15,
    actors,
    kind: "route",
    input: () => fc.constant(null),
    call: () => handler(new Request(`http://localhost${name.slice(4)}`)),
  });

/** Auth.js's endpoints, real and made up, as the catch-all route receives them. */
const authPath = fc.oneof(
  fc.constantFrom(
    "session",
    "csrf",
    "providers",
    "signin",
    "signin/github",
    "signin/credentials",
    "signout",
    "callback/credentials",
    "callback/github",
    "error",
    "verify-request",
  ),
  // A URL path carries UTF-8: a lone surrogate arrives as U+FFFD.
  hostileText.map((t) => encodeURIComponent(Buffer.from(t).toString())),
  fc.constantFrom("callback/%00", "../../etc/passwd", "signin/%E0%A4%A", "", "session/extra"),
);
const authQuery = fc.array(fc.tuple(fc.constantFrom("callbackUrl", "error", "code", "state", "csrf", "provider"), hostileField), { maxLength: 4 });

function authUrl(path: string, pairs: [string, string][]) {
  const query = new URLSearchParams();
  for (const [k, v] of pairs) query.append(k, v);
  return `http://localhost:3000/api/auth/${path}?${query}`;
}

describeFuzz("page routes", [
  fuzzCase<[string, [string, string][]]>({
    name: "GET /api/auth/[...nextauth]",
    runs: 200,
    actors: ["anonymous"],
    kind: "route",
    input: () => fc.tuple(authPath, authQuery),
    call: ([path, pairs]) => authGet(new NextRequest(authUrl(path, pairs))),
  }),
  fuzzCase<[string, [string, string][], FormEntry[], string]>({
    name: "POST /api/auth/[...nextauth]",
    runs: 200,
    actors: ["anonymous"],
    kind: "route",
    input: () => fc.tuple(authPath, authQuery, hostileForm({ csrfToken: "abc|def", ticket: "x.y", callbackUrl: "/library" }), hostileContentType),
    call: ([path, pairs, entries, type]) => {
      const body = new URLSearchParams();
      for (const [k, v] of entries) body.append(k, typeof v === "string" ? v : "[file]");
      const headers = new Headers();
      try {
        headers.set("content-type", type);
      } catch {
        // fetch refuses the value itself (NUL): such a request never reaches a handler.
      }
      return authPost(new NextRequest(authUrl(path, pairs), { method: "POST", body: body.toString(), headers }));
    },
  }),
  callerCase("GET /account/data/export", accountExport),
  fuzzCase<[string, string][]>({
    name: "GET /admin/audit/export",
    runs: 300,
    actors: ["admin", "admin", "admin", "creator", "anonymous"],
    kind: "route",
    input: () =>
      fc.array(
        fc.oneof(
          fc.tuple(fc.constantFrom("actor", "action", "targetType", "targetId"), fc.oneof(hostileField, hostileId)),
          fc.tuple(fc.constantFrom("from", "to"), date),
        ),
        { maxLength: 6 },
      ),
    call: (pairs) => {
      const query = new URLSearchParams();
      for (const [k, v] of pairs) query.append(k, v);
      return auditExport(new Request(`http://localhost/admin/audit/export?${query}`));
    },
  }),
  callerCase("GET /dashboard/payouts/export", payoutsExport),
  callerCase("GET /dashboard/payouts/onboarding", onboarding),
  callerCase("GET /dashboard/payouts/onboarding/return", onboardingReturn),
  fuzzCase<string>({
    name: "GET /dev/mail/[id]/html",
    runs: 150,
    actors: ["anonymous"],
    kind: "route",
    input: () => fc.oneof(hostileId, hostileText),
    call: (id) => devMailHtml(new Request("http://localhost/dev/mail/x/html"), params({ id })),
  }),
  callerCase("GET /sitemap.xml", sitemapIndex, ["anonymous"]),
  fuzzCase<string>({
    name: "GET /sitemaps/[file]",
    runs: 200,
    actors: ["anonymous"],
    kind: "route",
    input: () =>
      fc.oneof(
        hostileText,
        fc.constantFrom("pages.xml", "listings-0.xml", "listings-9999.xml", "listings--1.xml", "listings-00000.xml", "listings-0.xml\u0000", "LISTINGS-0.XML"),
        fc.integer().map((n) => `listings-${n}.xml`),
      ),
    call: (file) => sitemapFile(new Request("http://localhost/sitemaps/x"), params({ file })),
  }),
]);
