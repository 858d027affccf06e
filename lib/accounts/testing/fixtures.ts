// Account-flow fixtures: people with a password, the mails the outbox holds for an address, and the token in a link.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { actorFor, makeUser, type UserSpec } from "@/lib/testing/fixtures";
import type { SignInOrigin } from "../devices";

export const PASSWORD = "correct horse battery";

/** A person who signs in with PASSWORD (verified unless `verified: false`). */
export async function makePasswordUser(db: Db, spec: UserSpec & { verified?: boolean } = {}) {
  const user = await makeUser(db, spec);
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD), ...(spec.verified === false ? { emailVerifiedAt: null } : {}) })
    .where(eq(users.id, user.id));
  return actorFor(db, user.id);
}

/** The mails queued for an address, newest first (optionally one template). */
export async function mailsTo(db: Db, address: string, template?: string) {
  return db
    .select({ template: emailOutbox.template, data: emailOutbox.data, userId: emailOutbox.userId })
    .from(emailOutbox)
    .where(template ? and(eq(emailOutbox.toAddress, address), eq(emailOutbox.template, template)) : eq(emailOutbox.toAddress, address))
    .orderBy(desc(emailOutbox.createdAt));
}

/** The token in the newest mail of `template` to `address`. */
export async function tokenMailedTo(db: Db, address: string, template: string): Promise<string> {
  const [mail] = await mailsTo(db, address, template);
  if (!mail) throw new Error(`no ${template} mail to ${address}`);
  return new URL(String(mail.data.url), "http://agora.test").searchParams.get("token") ?? "";
}

let clients = 0;
/** A sign-in origin of its own (a fresh client address), so limits in one test don't reach another. */
export function origin(spec: Partial<SignInOrigin> = {}): SignInOrigin {
  clients += 1;
  return { client: `203.0.113.${clients}`, device: null, userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Firefox/130.0", ...spec };
}
