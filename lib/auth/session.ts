// The signed-in person for this request, read once per request (React cache) and guarded in lib.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { adminNeedsTwoFactor, assertActive, assertAdmin, assertCreator, assertSignedIn, isAdmin, isCreator, loadActor, type Actor } from "./actor";
import { auth } from "./config";

export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  // A token from before the last "sign out everywhere" (or password change) no longer counts.
  return loadActor(await getDb(), id, session.sessionVersion ?? 1);
});

export async function requireUser(): Promise<Actor> {
  return assertSignedIn(await getCurrentUser());
}

export async function requireActiveUser(): Promise<Actor> {
  return assertActive(await getCurrentUser());
}

export async function requireCreator(): Promise<Actor & { creatorHandle: string }> {
  return assertCreator(await getCurrentUser());
}

export async function requireAdmin(): Promise<Actor> {
  return assertAdmin(await getCurrentUser());
}

/** For pages: the signed-in actor, or a redirect to sign-in that comes back to `returnTo`. */
export async function userOrSignIn(returnTo: string): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?returnTo=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Where an admin without two-factor sign-in is sent before any admin page opens. */
export const ADMIN_TWO_FACTOR_ENROLMENT = "/account/security?required=admin";

/**
 * For admin pages: the active admin with two-factor sign-in on. An admin without it is sent to turn it on first;
 * anyone else gets a 404 and learns nothing, not even that the page exists.
 */
export async function requireAdminPage(): Promise<Actor> {
  const user = await getCurrentUser();
  if (adminNeedsTwoFactor(user)) redirect(ADMIN_TWO_FACTOR_ENROLMENT);
  if (!isAdmin(user)) notFound();
  return user;
}

/** For dashboard pages and routes: the signed-in creator; others sign in first (back to `returnTo`) or are sent to become one. */
export async function requireCreatorPage(returnTo: string): Promise<Actor & { creatorHandle: string }> {
  const user = await userOrSignIn(returnTo);
  if (!isCreator(user)) redirect("/become-creator");
  return user;
}
