// account.updated — a creator's Connect account finished (or lost) onboarding: payouts follow it.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles } from "@/db/schema";
import { accountShape } from "./shapes";

export async function onAccountUpdated(tx: Db, object: unknown): Promise<string> {
  const account = accountShape.parse(object);
  const enabled = Boolean(account.payouts_enabled && account.details_submitted);
  const rows = await tx
    .update(creatorProfiles)
    .set({ payoutsEnabled: enabled })
    .where(eq(creatorProfiles.stripeAccountId, account.id))
    .returning({ userId: creatorProfiles.userId });
  return rows.length ? `payouts ${enabled ? "enabled" : "disabled"}` : "unknown account";
}
