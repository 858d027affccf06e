// Auth.js (next-auth v5): signed JWT sessions carrying only the user id; everything else is re-read per request.
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { verifyReissueProof } from "@/lib/accounts/sessions";
import { authenticateWithPassword, signInSchema, upsertGithubUser } from "./accounts";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
export class AccountBanned extends CredentialsSignin {
  code = "banned";
}

function buildConfig(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          const user = await authenticateWithPassword(await getDb(), parsed.data.email, parsed.data.password);
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        } catch (error) {
          if (isDomainError(error) && error.code === "auth.banned") throw new AccountBanned();
          if (isDomainError(error)) throw new InvalidCredentials();
          throw error;
        }
      },
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
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
        console.error("[auth]", error);
      },
    },
    callbacks: {
      async signIn({ account, profile, user }) {
        if (account?.provider !== "github") return true;
        if (!profile?.email) return "/signin?error=github_email";
        const row = await upsertGithubUser(await getDb(), {
          githubId: String(account.providerAccountId),
          email: profile.email,
          name: String(profile.name ?? profile.login ?? profile.email),
        });
        if (row.status === "banned") return "/signin?error=banned";
        user.id = row.id;
        user.sessionVersion = row.sessionVersion;
        return true;
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
  };
}

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth(() => buildConfig());

export function githubEnabled(): boolean {
  const e = env();
  return Boolean(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET);
}
