// Accounts the journeys rely on, written into the e2e database before the server starts.
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";

export const E2E_PASSWORD = "e2e-password-123";

export const E2E_ACCOUNTS = {
  banned: { email: "banned@e2e.test", name: "Banned Buyer" },
  suspended: { email: "suspended@e2e.test", name: "Suspended Buyer" },
} as const;

export async function seedE2eFixtures(db: Db) {
  const passwordHash = await hashPassword(E2E_PASSWORD);
  await db
    .insert(users)
    .values([
      { ...E2E_ACCOUNTS.banned, passwordHash, status: "banned" },
      { ...E2E_ACCOUNTS.suspended, passwordHash, status: "suspended" },
    ])
    .onConflictDoNothing();
}
