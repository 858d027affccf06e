// Auth.js (next-auth v5): signed JWT sessions carrying the user id and their session version; everything else is
// re-read per request. Password sign-in is checked by lib/accounts/sign-in.ts (limits, two-factor); GitHub by
// lib/accounts/github.ts (verified primary email only, never linked to an existing account by itself).
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig, type Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { cookies, headers } from "next/headers";
import { getDb } from "@/db/client";
import { DEVICE_COOKIE, recordSignIn, type SignInOrigin } from "@/lib/accounts/devices";
import { githubSignIn, githubVerifiedPrimaryEmail, linkGithub } from "@/lib/accounts/github";
import { verifyReissueProof } from "@/lib/accounts/sessions";
import { readSignedValue } from "@/lib/accounts/signed-tokens";
import { redeemSignInTicket, signInWithPassword, type SignedInUser } from "@/lib/accounts/sign-in";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { clientKey } from "@/lib/security/rate-limit";
import { mayCarrySession } from "@/lib/security/session-presence";
import { loadActor } from "./actor";
import { safeReturnPath } from "./return-path";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
export class AccountBanned extends CredentialsSignin {
  code = "banned";
}
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}
export class CodeRequired extends CredentialsSignin {
  code = "code_required";
}
export class CodeIncorrect extends CredentialsSignin {
  code = "code_incorrect";
}

/** The cookie, set while a signed-in person is sent to GitHub from Account → Security, that turns the sign-in into a link. */
export const GITHUB_LINK_COOKIE = "agora_github_link";

/** Where a sign-in request comes from (client address, device cookie, user agent). */
export function signInOrigin(headers: Headers): SignInOrigin {
  const cookie = headers.get("cookie") ?? "";
  const device = new RegExp(`(?:^|;\\s*)${DEVICE_COOKIE}=([A-Za-z0-9_-]{20,100})`).exec(cookie)?.[1] ?? null;
  return { client: clientKey(headers), device, userAgent: headers.get("user-agent") };
}

const FAILURES: Record<string, () => CredentialsSignin> = {
  "auth.banned": () => new AccountBanned(),
  "auth.rate_limited": () => new TooManyAttempts(),
  "auth.code_incorrect": () => new CodeIncorrect(),
};

async function authorizeCredentials(raw: Partial<Record<string, unknown>>, request: Request): Promise<SignedInUser> {
  const db = await getDb();
  // A ticket is minted by the sign-in form's action after every check passed.
  if (typeof raw.ticket === "string") {
    const user = await redeemSignInTicket(db, raw.ticket);
    if (!user) throw new InvalidCredentials();
    return user;
  }
  try {
    const outcome = await signInWithPassword(
      db,
      { email: String(raw.email ?? ""), password: String(raw.password ?? ""), code: typeof raw.code === "string" && raw.code ? raw.code : undefined },
      signInOrigin(request.headers),
    );
    if (outcome.status === "code_required") throw new CodeRequired();
    return outcome.user;
  } catch (error) {
    if (error instanceof CredentialsSignin) throw error;
    if (isDomainError(error)) throw (FAILURES[error.code] ?? (() => new InvalidCredentials()))();
    throw error;
  }
}

async function githubSignInCallback(accessToken: string | undefined, githubId: string, name: string, user: { id?: string; sessionVersion?: number }) {
  const db = await getDb();
  const jar = await cookies();
  const linkFor = readSignedValue("github_link", jar.get(GITHUB_LINK_COOKIE)?.value);
  if (linkFor) {
    jar.delete(GITHUB_LINK_COOKIE);
    const [userId, version] = linkFor.split(":");
    const actor = await loadActor(db, userId, Number(version));
    if (!actor) return "/signin?error=github_link";
    try {
      await linkGithub(db, actor, githubId);
    } catch (error) {
      if (isDomainError(error) && error.code === "account.github_taken") return "/account/security?github=taken";
      if (isDomainError(error) && error.code === "account.github_linked") return "/account/security?github=already";
      throw error;
    }
    user.id = actor.id;
    user.sessionVersion = Number(version);
    return true;
  }
  const verifiedEmail = accessToken ? await githubVerifiedPrimaryEmail(accessToken) : null;
  const result = await githubSignIn(db, { githubId, verifiedEmail, name });
  if ("refused" in result) return `/signin?error=${result.refused}`;
  user.id = result.user.id;
  user.sessionVersion = result.user.sessionVersion;
  return true;
}

function buildConfig(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Two-factor code", type: "text" },
        ticket: {},
      },
      authorize: (raw, request) => authorizeCredentials(raw, request),
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET, authorization: { params: { scope: "read:user user:email" } } }));
  }
  return {
    secret: e.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    // A refused password is an expected outcome, not a server error worth a stack trace in the logs.
    logger: {
      error(error) {
        if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
        logger.error({ event: "auth.error", err: error }, "Auth.js error");
      },
    },
    callbacks: {
      async signIn({ account, profile, user }) {
        if (account?.provider !== "github") return true;
        const name = String(profile?.name ?? profile?.login ?? "");
        return githubSignInCallback(account.access_token, String(account.providerAccountId), name, user);
      },
      // Only paths on this site, through the one parser (callbackUrl may be absolute on our own origin).
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeReturnPath(path)}`;
      },
      jwt({ token, user, trigger, session }) {
        if (user?.id) {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 1;
        }
        // A browser may post session updates too: only a server-made proof moves the token's version.
        if (trigger === "update" && typeof token.uid === "string") {
          const version = verifyReissueProof(token.uid, (session as { reissue?: unknown } | undefined)?.reissue);
          if (version !== null) token.sv = version;
        }
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.user.id = token.uid;
        session.sessionVersion = token.sv ?? 1;
        return session;
      },
    },
    events: {
      // Password sign-ins are recorded by lib/accounts/sign-in.ts; GitHub ones here.
      async signIn({ user, account }) {
        if (account?.provider !== "github" || !user.id) return;
        const db = await getDb();
        const actor = await loadActor(db, user.id);
        if (actor) await recordSignIn(db, actor, signInOrigin(await headers()));
      },
    },
  };
}

const nextAuth = NextAuth(() => buildConfig());
export const { handlers, signIn, signOut, unstable_update: updateSession } = nextAuth;

/**
 * The session of the request being served (Auth.js's `auth()`). A request without a session cookie has none, and is
 * answered so at once: Auth.js would build and run a whole session request to find that out, 0.2–1 ms of server CPU
 * on every signed-out page (the layout's header asks), measured 5 Dec 2026.
 */
export async function auth(): Promise<Session | null> {
  if (!mayCarrySession((await headers()).get("cookie"))) return null;
  return nextAuth.auth();
}

export function githubEnabled(): boolean {
  const e = env();
  return Boolean(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET);
}
