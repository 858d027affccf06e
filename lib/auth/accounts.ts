// Account creation and password sign-in checks.
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { DomainError, parseInput } from "@/lib/errors";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./password";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254, "Email is too long."));

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80, "Name is too long (80 characters at most)."),
  email: emailSchema,
  password: z.string().min(8, "Use at least 8 characters for your password.").max(200, "Password is too long (200 characters at most)."),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

/** A Postgres unique violation (23505), however deep the driver wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return user;
}

/**
 * Creates an account with an unconfirmed email; an email that exists already (in any letter case) is refused. The
 * sign-up flow (lib/accounts/sign-up.ts) wraps this with the confirmation mail and a generic answer.
 */
export async function registerUser(db: Db, input: SignUpInput): Promise<Pick<User, "id" | "email" | "name">> {
  const data = parseInput(signUpSchema, input);
  if (await findUserByEmail(db, data.email)) throw new DomainError("auth.email_taken");
  const passwordHash = await hashPassword(data.password);
  try {
    const [user] = await db
      .insert(users)
      .values({ name: data.name, email: data.email, passwordHash, emailVerifiedAt: null })
      .returning({ id: users.id, email: users.email, name: users.name });
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("auth.email_taken");
    throw error;
  }
}

/**
 * Checks an email and password. Every failure is the same generic error, except that a banned
 * account with the right password learns it is closed.
 */
export async function authenticateWithPassword(db: Db, email: string, password: string): Promise<Pick<User, "id" | "email" | "name" | "sessionVersion">> {
  const user = await findUserByEmail(db, email);
  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    throw new DomainError("auth.invalid_credentials");
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw new DomainError("auth.invalid_credentials");
  if (user.status === "banned") throw new DomainError("auth.banned");
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
