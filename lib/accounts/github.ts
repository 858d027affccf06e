// GitHub sign-in rules: only the verified primary email counts, a GitHub login never attaches itself to an existing
// password account (the owner links GitHub from Account → Security while signed in), and a link never overwrites
// another GitHub id.
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { findUserByEmail } from "@/lib/auth/accounts";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";

type GithubEmail = { email: string; primary: boolean; verified: boolean };

/** The verified primary address of a GitHub account (GitHub's /user/emails, scope user:email), or null. */
export async function githubVerifiedPrimaryEmail(accessToken: string, fetcher: typeof fetch = fetch): Promise<string | null> {
  const res = await fetcher("https://api.github.com/user/emails", {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/vnd.github+json", "User-Agent": "Agora" },
  });
  if (!res.ok) return null;
  const emails = (await res.json()) as GithubEmail[];
  const primary = Array.isArray(emails) ? emails.find((e) => e.primary && e.verified && typeof e.email === "string") : undefined;
  return primary ? primary.email.trim().toLowerCase() : null;
}

/** Why a GitHub sign-in was refused; the sign-in page explains each. */
export type GithubRefusal = "github_email" | "github_exists" | "banned";

/**
 * The account a GitHub sign-in opens: the one already linked to this GitHub id, or a new account for its verified
 * primary email (verified, since GitHub verified it). An existing Agora account with that email is never taken over.
 */
export async function githubSignIn(
  db: Db,
  profile: { githubId: string; verifiedEmail: string | null; name: string },
): Promise<{ user: User } | { refused: GithubRefusal }> {
  const [linked] = await db.select().from(users).where(eq(users.githubId, profile.githubId)).limit(1);
  if (linked) return linked.status === "banned" ? { refused: "banned" } : { user: linked };
  if (!profile.verifiedEmail) return { refused: "github_email" };
  if (await findUserByEmail(db, profile.verifiedEmail)) return { refused: "github_exists" };
  const [created] = await db
    .insert(users)
    .values({ email: profile.verifiedEmail, name: profile.name || profile.verifiedEmail, githubId: profile.githubId, emailVerifiedAt: new Date() })
    .onConflictDoNothing()
    .returning();
  // Lost a race with a sign-up for the same address: that account is not ours to take.
  return created ? { user: created } : { refused: "github_exists" };
}

/** Links a GitHub id to the signed-in person's account; refuses one linked elsewhere and never replaces a linked one. */
export async function linkGithub(db: Db, actor: Actor | null, githubId: string): Promise<void> {
  const user = assertSignedIn(actor);
  const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.githubId, githubId)).limit(1);
  if (owner && owner.id !== user.id) throw new DomainError("account.github_taken");
  if (owner) return;
  const [updated] = await db
    .update(users)
    .set({ githubId })
    .where(and(eq(users.id, user.id), isNull(users.githubId)))
    .returning({ id: users.id });
  if (!updated) throw new DomainError("account.github_linked");
}

/** Unlinks GitHub; refused while it is the only way to sign in (no password yet). */
export async function unlinkGithub(db: Db, actor: Actor | null): Promise<void> {
  const user = assertSignedIn(actor);
  const [row] = await db.select({ githubId: users.githubId, passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row?.githubId) throw new DomainError("account.github_unlinked");
  if (!row.passwordHash) throw new DomainError("account.last_sign_in_method");
  await db.update(users).set({ githubId: null }).where(eq(users.id, user.id));
}

export async function linkedGithubId(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ githubId: users.githubId }).from(users).where(eq(users.id, userId));
  return row?.githubId ?? null;
}
