// The browsers each person has signed in from, recognised by a random cookie (stored hashed): a sign-in from a new
// one sends a `new_sign_in` email, and a known one may still sign in while its account is under attack (sign-in.ts).
import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { knownDevices } from "@/db/schema";
import { queueEmail } from "@/lib/email/outbox";
import { digest } from "./digest";

/** Where a sign-in comes from: the client address, the device cookie (if the browser has one) and its user agent. */
export type SignInOrigin = { client: string; device: string | null; userAgent: string | null };

/** The name of the browser's device cookie (httpOnly, one year). */
export const DEVICE_COOKIE = "agora_device";

/** "Firefox on macOS"-style words for a user agent, for the new-device email. */
export function describeDevice(userAgent: string | null): string {
  const ua = userAgent ?? "";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\//.test(ua)
      ? "Opera"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Chrome\/|Chromium\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : "A browser";
  const os = /iPhone|iPad/.test(ua)
    ? "iOS"
    : /Android/.test(ua)
      ? "Android"
      : /Mac OS X|Macintosh/.test(ua)
        ? "macOS"
        : /Windows/.test(ua)
          ? "Windows"
          : /Linux/.test(ua)
            ? "Linux"
            : null;
  return os ? `${browser} on ${os}` : browser;
}

export async function isKnownDevice(db: Db, userId: string, device: string | null): Promise<boolean> {
  if (!device) return false;
  const [row] = await db
    .select({ userId: knownDevices.userId })
    .from(knownDevices)
    .where(and(eq(knownDevices.userId, userId), eq(knownDevices.deviceHash, digest(device))))
    .limit(1);
  return Boolean(row);
}

/**
 * Notes a completed sign-in. A browser seen for the first time (or one without a device cookie) on an account that has
 * signed in before gets the owner a `new_sign_in` email; the first sign-in of a new account sends nothing.
 */
export async function recordSignIn(db: Db, user: { id: string; email: string }, origin: SignInOrigin, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [seen] = await tx.select({ n: count() }).from(knownDevices).where(eq(knownDevices.userId, user.id));
    let isNew = true;
    if (origin.device) {
      const inserted = await tx
        .insert(knownDevices)
        .values({
          userId: user.id,
          deviceHash: digest(origin.device),
          label: describeDevice(origin.userAgent),
          lastIp: origin.client,
          firstSeenAt: now,
          lastSeenAt: now,
        })
        .onConflictDoUpdate({
          target: [knownDevices.userId, knownDevices.deviceHash],
          set: { lastSeenAt: now, lastIp: origin.client },
        })
        .returning({ fresh: sql<boolean>`${knownDevices.firstSeenAt} = ${now.toISOString()}::timestamptz` });
      isNew = Boolean(inserted[0]?.fresh);
    }
    if (isNew && Number(seen?.n ?? 0) > 0) {
      await queueEmail(tx, {
        template: "new_sign_in",
        to: user.email,
        userId: user.id,
        data: { when: now, device: describeDevice(origin.userAgent), ...(origin.client !== "unknown" ? { ip: origin.client } : {}) },
      });
    }
  });
}
