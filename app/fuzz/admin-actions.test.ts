// Fuzzing the admin server actions: generated forms (hostile text, money, ids, duplicate, missing and unknown
// fields) from admins and everyone else. No input may end in a thrown non-domain error or an internal-error answer,
// and a refused one changes no row (lib/testing/fuzz.ts).
import fc from "fast-check";
import { vi } from "vitest";
import { hostileMoney, hostileText, type FormEntry } from "@/lib/testing/fuzz";
import { describeFuzz, formCase as sharedFormCase, fuzzWorld, type ActorName, type FormAction } from "@/lib/testing/fuzz-suite";
import { retryMailAction } from "@/app/admin/email/actions";
import {
  approveAction,
  approveRevisionAction,
  rejectAction,
  rejectRevisionAction,
  removeListingAction,
  restoreListingAction,
} from "@/app/admin/moderation/actions";
import { refundAction } from "@/app/admin/orders/actions";
import { resolveReportAction } from "@/app/admin/reports/actions";
import { retryPayoutAction, runSettlementAction } from "@/app/admin/settlements/actions";
import { changeUserRoleAction, changeUserStatusAction } from "@/app/admin/users/actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/fuzz-session")).fuzzSessionModule());
vi.mock("next/headers", async () => (await import("@/lib/testing/fuzz-session")).fuzzHeadersModule());
vi.mock("next/cache", async () => (await import("@/lib/testing/fuzz-session")).fuzzCacheModule());
vi.mock("@/lib/errors/domain-error", async (original) => (await import("@/lib/testing/internal-errors")).recordingInternalErrors(await original()));

/** Mostly an admin, sometimes someone who is not: the refusal paths are fuzzed too. */
const ACTORS: ActorName[] = ["admin", "admin", "admin", "creator", "buyer", "anonymous"];

const formCase = (name: string, action: FormAction, runs: number, baseline: () => Record<string, string>, tuned: Record<string, fc.Arbitrary<string>> = {}) =>
  sharedFormCase(name, action, runs, ACTORS, baseline, tuned);

const reason = fc.oneof(hostileText, fc.constant("Repeated spam across listings"));
const w = fuzzWorld;

describeFuzz("admin actions", [
  formCase("changeUserStatusAction", changeUserStatusAction, 150, () => ({ userId: w().stranger.id, status: "suspended", reason: "Spam reports" }), {
    status: fc.constantFrom("active", "suspended", "banned", "deleted", "ADMIN"),
    reason,
  }),
  formCase("changeUserRoleAction", changeUserRoleAction, 120, () => ({ userId: w().buyer.id, role: "admin", reason: "Joins the team" }), {
    role: fc.constantFrom("user", "admin", "creator", "root"),
    reason,
  }),
  formCase("approveAction", approveAction, 120, () => ({ versionId: w().pending.versionId, note: "Looks good" })),
  formCase("rejectAction", rejectAction, 120, () => ({ versionId: w().pending.versionId, reason: "Please describe the variables better." }), { reason }),
  formCase("approveRevisionAction", approveRevisionAction, 80, () => ({ revisionId: w().live.id, note: "" })),
  formCase("rejectRevisionAction", rejectRevisionAction, 80, () => ({ revisionId: w().live.id, reason: "The new title is misleading." })),
  formCase("removeListingAction", removeListingAction, 100, () => ({ listingId: w().test.id, reason: "Copies another creator's test word for word." }), {
    reason,
  }),
  formCase("restoreListingAction", restoreListingAction, 100, () => ({ listingId: w().removed.id, note: "The removal was a mistake, restored." }), {
    note: reason,
  }),
  {
    ...formCase("refundAction", refundAction, 200, () => ({ orderId: w().paidOrderId, amount: "1.00", reason: "Buyer asked" }), { amount: hostileMoney }),
    // Money a refund went through with: empty (the rest), or dollars and at most two decimals, more than zero.
    accepted: (entries) => {
      const amount = Object.fromEntries(entries as FormEntry[]).amount;
      if (amount === undefined || amount === "") return null;
      const text = typeof amount === "string" ? amount.trim() : "";
      return /^\d{1,5}(\.\d{1,2})?$/.test(text) && Math.round(Number(text) * 100) > 0 ? null : `refunded amount ${JSON.stringify(amount).slice(0, 40)}`;
    },
  },
  formCase("resolveReportAction", resolveReportAction, 120, () => ({ reportId: w().reportId, outcome: "dismissed", note: "Not spam: an ordinary listing." }), {
    outcome: fc.constantFrom("review_hidden", "listing_removed", "listing_restored", "creator_warned", "creator_suspended", "dismissed", "x"),
  }),
  formCase("runSettlementAction", runSettlementAction, 120, () => ({ period: "2026-01" }), {
    period: fc.constantFrom("2026-13", "0000-00", "9999-12", "2026-1", "2026-00", "1969-12", "2100-01", "2026-10-01", "-2026-01", "２０２６-１０"),
  }),
  formCase("retryPayoutAction", retryPayoutAction, 100, () => ({ payoutId: w().orderId })),
  formCase("retryMailAction", retryMailAction, 100, () => ({ mailId: w().orderId })),
]);
