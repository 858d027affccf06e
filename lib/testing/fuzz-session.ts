// Stand-ins for the request-bound Next and Auth.js modules, for suites that call server actions and route handlers
// outside a request (the fuzz suites): the signed-in person is whoever `fuzzActor.current` names, cookies live in a
// map, and Auth.js's signIn / signOut end in the redirect they would send. Each suite wires them with vi.mock.
import { notFound, redirect } from "next/navigation";
import { adminNeedsTwoFactor, assertActive, assertAdmin, assertCreator, assertSignedIn, isAdmin, isCreator, type Actor } from "@/lib/auth/actor";

/** The person the mocked session answers with (null: signed out). */
export const fuzzActor: { current: Actor | null } = { current: null };

/** A replacement for `@/lib/auth/session` reading `fuzzActor`. */
export function fuzzSessionModule() {
  const getCurrentUser = async () => fuzzActor.current;
  return {
    getCurrentUser,
    requireUser: async () => assertSignedIn(await getCurrentUser()),
    requireActiveUser: async () => assertActive(await getCurrentUser()),
    requireCreator: async () => assertCreator(await getCurrentUser()),
    requireAdmin: async () => assertAdmin(await getCurrentUser()),
    userOrSignIn: async (returnTo: string) => (await getCurrentUser()) ?? redirect(`/signin?returnTo=${encodeURIComponent(returnTo)}`),
    ADMIN_TWO_FACTOR_ENROLMENT: "/account/security?required=admin",
    requireAdminPage: async () => {
      const user = await getCurrentUser();
      if (adminNeedsTwoFactor(user)) redirect("/account/security?required=admin");
      if (!isAdmin(user)) notFound();
      return user;
    },
    requireCreatorPage: async (returnTo: string) => {
      const user = await getCurrentUser();
      if (!user) redirect(`/signin?returnTo=${encodeURIComponent(returnTo)}`);
      if (!isCreator(user)) redirect("/become-creator");
      return user;
    },
  };
}

const jar = new Map<string, string>();

/** A replacement for `next/headers`: one cookie jar and the headers of a browser behind the trusted proxy. */
export function fuzzHeadersModule() {
  return {
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
      has: (name: string) => jar.has(name),
      getAll: () => [...jar.entries()].map(([name, value]) => ({ name, value })),
    }),
    headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9", "user-agent": "fuzz", host: "localhost:3000" }),
  };
}

/**
 * A replacement for `@/lib/auth/config` (Auth.js itself does not load under Vitest): sign-in and sign-out end in the
 * redirect they would send, a session update does nothing, and the request's origin is a fixed client.
 */
export function fuzzAuthConfigModule() {
  return {
    auth: async () => null,
    handlers: {},
    GITHUB_LINK_COOKIE: "agora_github_link",
    githubEnabled: () => false,
    signInOrigin: (headers: Headers) => ({ client: headers.get("x-forwarded-for") ?? "fuzz", device: null, userAgent: headers.get("user-agent") }),
    signIn: async (_provider: string, options?: { redirectTo?: string }) => redirect(options?.redirectTo ?? "/"),
    signOut: async (options?: { redirectTo?: string }) => redirect(options?.redirectTo ?? "/"),
    updateSession: async () => null,
  };
}

/** A replacement for `next/cache` outside a request: nothing to revalidate, and the data cache passes through. */
export function fuzzCacheModule() {
  return {
    revalidatePath: () => undefined,
    revalidateTag: () => undefined,
    refresh: () => undefined,
    unstable_cache: <T>(fn: T) => fn,
  };
}
