// Email preferences: which optional mail a person gets (sales each/digest/off, new versions, payouts).
// Transactional mail (account security, receipts, refunds, moderation) has no switch.
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { emailPreferences, type SaleEmailMode } from "@/db/schema";
import { assertSignedIn, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/errors";
import type { MailCategory } from "./mail-types";

export type EmailPreferences = { saleEmails: SaleEmailMode; newVersionEmails: boolean; payoutEmails: boolean };

export const DEFAULT_EMAIL_PREFERENCES: EmailPreferences = { saleEmails: "each", newVersionEmails: true, payoutEmails: true };

export const SALE_EMAIL_MODES = ["each", "digest", "off"] as const satisfies readonly SaleEmailMode[];

/** A person's preferences (the defaults when they never changed them). */
export async function emailPreferencesOf(db: Db | Tx, userId: string): Promise<EmailPreferences> {
  const [row] = await db
    .select({ saleEmails: emailPreferences.saleEmails, newVersionEmails: emailPreferences.newVersionEmails, payoutEmails: emailPreferences.payoutEmails })
    .from(emailPreferences)
    .where(eq(emailPreferences.userId, userId))
    .limit(1);
  return row ?? DEFAULT_EMAIL_PREFERENCES;
}

/** Writes the given changes over the person's current preferences. */
export async function saveEmailPreferences(db: Db | Tx, userId: string, changes: Partial<EmailPreferences>): Promise<EmailPreferences> {
  const next = { ...(await emailPreferencesOf(db, userId)), ...changes };
  await db
    .insert(emailPreferences)
    .values({ userId, ...next })
    .onConflictDoUpdate({ target: emailPreferences.userId, set: { ...next, updatedAt: new Date() } });
  return next;
}

/** How a mail of this category reaches the person: now, in the daily digest, or not at all. */
export function deliveryFor(preferences: EmailPreferences, category: MailCategory): "now" | "digest" | "off" {
  switch (category) {
    case "sales":
      return preferences.saleEmails === "each" ? "now" : preferences.saleEmails;
    case "new_versions":
      return preferences.newVersionEmails ? "now" : "off";
    case "payouts":
      return preferences.payoutEmails ? "now" : "off";
  }
}

/** The next daily digest time: 08:00 UTC, today if that is still ahead, else tomorrow. */
export function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8));
  if (at.getTime() <= now.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

const checkbox = z
  .enum(["on", "true", "false"])
  .optional()
  .transform((v) => v === "on" || v === "true");

/** The notification settings form: a sale mode and two checkboxes (an unchecked box is absent from the form). */
export const emailPreferencesFormSchema = z.object({
  saleEmails: z.enum(SALE_EMAIL_MODES, { error: "Choose how you hear about sales." }),
  newVersionEmails: checkbox,
  payoutEmails: checkbox,
});

const emailPreferencesSchema = z.object({
  saleEmails: z.enum(SALE_EMAIL_MODES, { error: "Choose how you hear about sales." }),
  newVersionEmails: z.boolean(),
  payoutEmails: z.boolean(),
});

/** The signed-in person's own preferences. */
export async function myEmailPreferences(db: Db, actor: Actor | null): Promise<EmailPreferences> {
  return emailPreferencesOf(db, assertSignedIn(actor).id);
}

/** Saves the signed-in person's preferences (suspended people too: these only ever reduce mail). */
export async function updateMyEmailPreferences(db: Db, actor: Actor | null, input: EmailPreferences): Promise<EmailPreferences> {
  const user = assertSignedIn(actor);
  return saveEmailPreferences(db, user.id, parseInput(emailPreferencesSchema, input));
}
