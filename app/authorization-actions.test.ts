// The authorization matrix for server actions (app/authorization-matrix.ts, ACTION_MATRIX): every "use server" export
// called by every actor with a valid request for an object someone else owns, so a refusal is the authorization check
// and not a form error; every refusal must leave every table as it was. Only Auth.js is replaced (the session's user
// id; its signIn/signOut end in the redirect Auth.js would answer) and the request's cookies and headers.
import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, describe, it, vi } from "vitest";
import { orders, payouts, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { issueAccountLink } from "@/lib/accounts/email-links";
import { PASSWORD } from "@/lib/accounts/testing/fixtures";
import { startTwoFactorEnrolment } from "@/lib/accounts/two-factor";
import { hashPassword } from "@/lib/auth/password";
import { startPayoutOnboarding } from "@/lib/creators/connect";
import { unsubscribeToken } from "@/lib/email/unsubscribe";
import { reloadEnv } from "@/lib/env";
import { saveDraftLicense } from "@/lib/listings/license";
import { DETAILS, validDraft } from "@/lib/listings/testing/fixtures";
import { removeListing } from "@/lib/moderation/listings";
import { startCheckout } from "@/lib/orders/checkout";
import { paymentsDriver } from "@/lib/payments/driver";
import { hideReview } from "@/lib/reviews/moderation";
import { failedMailTo, matrixWorld, observe, revisionOfC, runRow, tallyLine, type MatrixWorld, type Observed } from "@/lib/testing/authorization";
import { enrolTestTwoFactor, makeImage, makeListing, TEST_TOTP_SECRET, uniqueTag } from "@/lib/testing/fixtures";
import { ACTION_MATRIX, CREDENTIAL_CALLERS, MATRIX_ACTORS, expectedOutcome, type MatrixActor, type MatrixCaller } from "./authorization-matrix";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/config", async () => {
  const { redirect } = await import("next/navigation");
  return {
    auth: async () => (session.userId ? { user: { id: session.userId }, sessionVersion: 1 } : null),
    GITHUB_LINK_COOKIE: "agora_github_link",
    githubEnabled: () => false,
    signInOrigin: () => ({ client: "matrix", device: null, userAgent: "matrix" }),
    signIn: async (_provider: string, options?: { redirectTo?: string }) => redirect(options?.redirectTo ?? "/"),
    signOut: async (options?: { redirectTo?: string }) => redirect(options?.redirectTo ?? "/"),
    updateSession: async () => null,
  };
});
// Auth.js's error class, as the sign-in form's action checks for it (next-auth itself does not load under Vitest).
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  return {
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
      has: (name: string) => jar.has(name),
    }),
    headers: async () => new Headers({ "user-agent": "matrix", "x-forwarded-for": "203.0.113.9" }),
  };
});
vi.mock("next/cache", () => ({ refresh: () => {}, revalidateTag: () => {}, revalidatePath: () => {}, unstable_cache: <T>(fn: T) => fn }));

const PRODUCTION_ENV = {
  NODE_ENV: "production",
  AUTH_SECRET: "a-production-secret-0123456789abcdef",
  SMTP_URL: "smtp://127.0.0.1:2525",
  EMAIL_FROM: "no-reply@agora.example",
  APP_URL: "https://agora.example",
};

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) data.append(k, value);
  return data;
};
const code = (secret = TEST_TOTP_SECRET) => generate({ secret, epoch: Math.floor(Date.now() / 1000) });
const LAST_MONTH = (() => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
})();

type Module = Record<string, (...args: never[]) => Promise<unknown>>;
async function action(key: string): Promise<(...args: unknown[]) => Promise<unknown>> {
  const [file, name] = key.split("#");
  const mod = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Module;
  return mod[name] as unknown as (...args: unknown[]) => Promise<unknown>;
}

/** A probe: what the row's object needs (in the world), what each caller needs of their own, and the call itself. */
type Probe = (
  w: MatrixWorld,
) => Promise<{ prepare?: (caller: MatrixActor, userId: string | null) => Promise<void>; call: (caller: MatrixActor) => Promise<unknown> }>;

const withPassword = (w: MatrixWorld) => async (_caller: MatrixActor, userId: string | null) => {
  if (userId)
    await w.db
      .update(users)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(users.id, userId));
};
const emailOf = async (w: MatrixWorld, userId: string | null) =>
  userId ? (await w.db.select({ email: users.email }).from(users).where(eq(users.id, userId)))[0].email : "nobody@example.test";

/** C's listing removed by an admin (a case C may answer once). */
async function removedListingOfC(w: MatrixWorld) {
  const listing = await makeListing(w.db, w.creatorC);
  await removeListing(w.db, w.actors.admin, { listingId: listing.id, reason: "Copies someone else's work." });
  return listing;
}

async function pendingVersionOfC(w: MatrixWorld) {
  return makeListing(w.db, w.creatorC, { status: "pending_review", versions: [{ status: "pending_review" }] });
}

async function imageOfC(w: MatrixWorld): Promise<string> {
  return (await makeImage(w.db, w.creatorC.id, { width: 1600, height: 900 })).id;
}

async function checkoutOfA(w: MatrixWorld): Promise<string> {
  const started = await startCheckout(w.db, w.actors.buyerA, { listingId: w.listingD.id, successUrl: "http://localhost/s", cancelUrl: "http://localhost/c" });
  if (started.kind !== "checkout") throw new Error("expected a paid checkout");
  return new URL(started.url, "http://localhost").pathname.split("/").pop()!;
}

async function localAccountOfC(w: MatrixWorld): Promise<string> {
  return (await startPayoutOnboarding(w.db, await paymentsDriver(), w.creatorC, { returnUrl: "http://localhost/r", refreshUrl: "http://localhost/f" }))
    .accountId;
}

const PROBES: Record<string, Probe> = {
  // Signing in, up and out, and email links: for everyone; the password or the mailed token is the proof.
  "app/(auth)/actions.ts#signInAction": async (w) => {
    await withPassword(w)("buyerA", w.actors.buyerA.id);
    return {
      call: async () =>
        (await action("app/(auth)/actions.ts#signInAction"))({}, form({ email: w.actors.buyerA.email, password: PASSWORD, returnTo: "/library" })),
    };
  },
  "app/(auth)/actions.ts#signUpAction": async () => ({
    call: async () =>
      (await action("app/(auth)/actions.ts#signUpAction"))({}, form({ name: "New person", email: `new-${uniqueTag()}@example.test`, password: PASSWORD })),
  }),
  "app/(auth)/actions.ts#signOutAction": async () => ({ call: async () => (await action("app/(auth)/actions.ts#signOutAction"))() }),
  "app/(auth)/actions.ts#requestPasswordResetAction": async (w) => ({
    call: async () => (await action("app/(auth)/actions.ts#requestPasswordResetAction"))({}, form({ email: w.actors.buyerA.email })),
  }),
  "app/(auth)/actions.ts#resetPasswordAction": async (w) => {
    let token = "";
    return {
      prepare: async () => void (token = await issueAccountLink(w.db, { userId: w.actors.buyerA.id, purpose: "password_reset", email: w.actors.buyerA.email })),
      call: async () => (await action("app/(auth)/actions.ts#resetPasswordAction"))({}, form({ token, password: "a new long passphrase" })),
    };
  },
  "app/(auth)/actions.ts#confirmEmailAction": async (w) => {
    let token = "";
    return {
      prepare: async () => {
        await w.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, w.actors.buyerA.id));
        token = await issueAccountLink(w.db, { userId: w.actors.buyerA.id, purpose: "verify_email", email: w.actors.buyerA.email });
      },
      call: async () => (await action("app/(auth)/actions.ts#confirmEmailAction"))({}, form({ token })),
    };
  },
  "app/(auth)/actions.ts#confirmEmailChangeAction": async (w) => {
    let token = "";
    return {
      prepare: async () =>
        void (token = await issueAccountLink(w.db, { userId: w.actors.buyerA.id, purpose: "email_change", email: `a-${uniqueTag()}@example.test` })),
      call: async () => (await action("app/(auth)/actions.ts#confirmEmailChangeAction"))({}, form({ token })),
    };
  },

  // The caller's own account.
  "app/account/actions.ts#resendVerificationAction": async (w) => ({
    prepare: async (_c, id) => void (id && (await w.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, id)))),
    call: async () => (await action("app/account/actions.ts#resendVerificationAction"))({}, form({})),
  }),
  "app/account/actions.ts#changeEmailAction": async (w) => ({
    prepare: withPassword(w),
    call: async () =>
      (await action("app/account/actions.ts#changeEmailAction"))({}, form({ newEmail: `changed-${uniqueTag()}@example.test`, password: PASSWORD })),
  }),
  "app/account/actions.ts#changePasswordAction": async (w) => ({
    prepare: withPassword(w),
    call: async () =>
      (await action("app/account/actions.ts#changePasswordAction"))({}, form({ currentPassword: PASSWORD, newPassword: "a different passphrase" })),
  }),
  "app/account/actions.ts#signOutEverywhereAction": async () => ({ call: async () => (await action("app/account/actions.ts#signOutEverywhereAction"))() }),
  "app/account/actions.ts#startTwoFactorAction": async () => ({ call: async () => (await action("app/account/actions.ts#startTwoFactorAction"))() }),
  "app/account/actions.ts#confirmTwoFactorAction": async (w) => {
    let secret = TEST_TOTP_SECRET;
    return {
      prepare: async (caller) => {
        const actor = caller === "anonymous" || caller === "banned" ? null : w.actors[caller];
        if (actor && !actor.twoFactorEnabled) secret = (await startTwoFactorEnrolment(w.db, actor)).secret;
      },
      call: async () => (await action("app/account/actions.ts#confirmTwoFactorAction"))({}, form({ code: await code(secret) })),
    };
  },
  "app/account/actions.ts#regenerateRecoveryCodesAction": async (w) => ({
    prepare: async (_c, id) => void (id && (await enrolTestTwoFactor(w.db, id))),
    call: async () => (await action("app/account/actions.ts#regenerateRecoveryCodesAction"))({}, form({ code: await code() })),
  }),
  "app/account/actions.ts#disableTwoFactorAction": async (w) => ({
    prepare: async (caller, id) => {
      await withPassword(w)(caller, id);
      if (id) await enrolTestTwoFactor(w.db, id);
    },
    call: async () => (await action("app/account/actions.ts#disableTwoFactorAction"))({}, form({ password: PASSWORD, code: await code() })),
  }),
  "app/account/actions.ts#linkGithubAction": async () => ({ call: async () => (await action("app/account/actions.ts#linkGithubAction"))() }),
  "app/account/actions.ts#unlinkGithubAction": async (w) => ({
    prepare: async (caller, id) => {
      await withPassword(w)(caller, id);
      if (id)
        await w.db
          .update(users)
          .set({ githubId: `gh-${uniqueTag()}` })
          .where(eq(users.id, id));
    },
    call: async () => (await action("app/account/actions.ts#unlinkGithubAction"))({}, form({})),
  }),
  "app/account/api-keys/actions.ts#createApiKeyAction": async () => ({
    call: async () => (await action("app/account/api-keys/actions.ts#createApiKeyAction"))({}, form({ name: "my script", scopes: ["library:read"] })),
  }),
  "app/account/api-keys/actions.ts#revokeApiKeyAction": async (w) => {
    const { createApiKey } = await import("@/lib/api-keys/keys");
    const { apiKey } = await createApiKey(w.db, w.actors.buyerA, { name: "A's script", scopes: ["downloads"] });
    return { call: async () => (await action("app/account/api-keys/actions.ts#revokeApiKeyAction"))(apiKey.id) };
  },
  "app/account/data/actions.ts#deleteAccountAction": async (w) => ({
    prepare: withPassword(w),
    call: async (caller) =>
      (await action("app/account/data/actions.ts#deleteAccountAction"))({}, form({ password: PASSWORD, confirmEmail: await emailOf(w, w.ids[caller]) })),
  }),
  "app/account/notifications/actions.ts#saveEmailPreferencesAction": async () => ({
    call: async () =>
      (await action("app/account/notifications/actions.ts#saveEmailPreferencesAction"))(
        {},
        form({ saleEmails: "digest", newVersionEmails: "on", payoutEmails: "on" }),
      ),
  }),

  // Admin tools, on other people's things.
  "app/admin/email/actions.ts#retryMailAction": async (w) => {
    const mailId = await failedMailTo(w.db, w.actors.buyerA);
    return { call: async () => (await action("app/admin/email/actions.ts#retryMailAction"))({}, form({ mailId })) };
  },
  "app/admin/moderation/actions.ts#approveAction": async (w) => {
    const pending = await pendingVersionOfC(w);
    return { call: async () => (await action("app/admin/moderation/actions.ts#approveAction"))({}, form({ versionId: pending.versionId, note: "" })) };
  },
  "app/admin/moderation/actions.ts#rejectAction": async (w) => {
    const pending = await pendingVersionOfC(w);
    return {
      call: async () =>
        (await action("app/admin/moderation/actions.ts#rejectAction"))({}, form({ versionId: pending.versionId, reason: "Add worked examples, please." })),
    };
  },
  "app/admin/moderation/actions.ts#approveRevisionAction": async (w) => {
    const revisionId = await revisionOfC(w);
    return { call: async () => (await action("app/admin/moderation/actions.ts#approveRevisionAction"))({}, form({ revisionId, note: "" })) };
  },
  "app/admin/moderation/actions.ts#rejectRevisionAction": async (w) => {
    const revisionId = await revisionOfC(w);
    return {
      call: async () => (await action("app/admin/moderation/actions.ts#rejectRevisionAction"))({}, form({ revisionId, reason: "The new title overpromises." })),
    };
  },
  "app/admin/moderation/actions.ts#removeListingAction": async (w) => ({
    call: async () =>
      (await action("app/admin/moderation/actions.ts#removeListingAction"))({}, form({ listingId: w.presetC.id, reason: "Copies someone else's work." })),
  }),
  "app/admin/moderation/actions.ts#restoreListingAction": async (w) => {
    const removed = await removedListingOfC(w);
    return {
      call: async () =>
        (await action("app/admin/moderation/actions.ts#restoreListingAction"))({}, form({ listingId: removed.id, note: "The removal was a mistake." })),
    };
  },
  "app/admin/orders/actions.ts#refundAction": async (w) => {
    // A's order paid through the (local) payment provider, so there is a payment to refund.
    const { payLocalSession } = await import("@/lib/payments/local-checkout");
    const sessionId = await checkoutOfA(w);
    await payLocalSession(w.db, w.actors.buyerA, sessionId);
    const [order] = await w.db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.buyerId, w.actors.buyerA.id), eq(orders.listingId, w.listingD.id)));
    return {
      call: async () =>
        (await action("app/admin/orders/actions.ts#refundAction"))({}, form({ orderId: order.id, reason: "Asked for by the buyer", amount: "1.00" })),
    };
  },
  "app/admin/reports/actions.ts#resolveReportAction": async (w) => ({
    call: async () =>
      (await action("app/admin/reports/actions.ts#resolveReportAction"))(
        {},
        form({ reportId: w.reportA, outcome: "dismissed", note: "Nothing wrong with this listing." }),
      ),
  }),
  "app/admin/settlements/actions.ts#runSettlementAction": async () => ({
    call: async () => (await action("app/admin/settlements/actions.ts#runSettlementAction"))({}, form({ period: LAST_MONTH })),
  }),
  "app/admin/settlements/actions.ts#retryPayoutAction": async (w) => {
    const [payout] = await w.db
      .insert(payouts)
      .values({ creatorId: w.creatorC.id, period: LAST_MONTH, amountCents: 0, status: "held", holdReason: "onboarding_incomplete" })
      .returning({ id: payouts.id });
    return { call: async () => (await action("app/admin/settlements/actions.ts#retryPayoutAction"))({}, form({ payoutId: payout.id })) };
  },
  "app/admin/users/actions.ts#changeUserStatusAction": async (w) => ({
    call: async () =>
      (await action("app/admin/users/actions.ts#changeUserStatusAction"))(
        {},
        form({ userId: w.actors.buyerB.id, status: "suspended", reason: "Chargeback fraud" }),
      ),
  }),
  "app/admin/users/actions.ts#changeUserRoleAction": async (w) => ({
    call: async () =>
      (await action("app/admin/users/actions.ts#changeUserRoleAction"))({}, form({ userId: w.actors.buyerB.id, role: "admin", reason: "Joins the team" })),
  }),

  // Buying and selling.
  "app/become-creator/actions.ts#becomeCreatorAction": async () => ({
    call: async () =>
      (await action("app/become-creator/actions.ts#becomeCreatorAction"))(
        {},
        form({ handle: `maker-${uniqueTag()}`.slice(0, 30), displayName: "New Studio", bio: "" }),
      ),
  }),
  "app/checkout/actions.ts#buyAction": async (w) => ({
    call: async () => (await action("app/checkout/actions.ts#buyAction"))({}, form({ listingId: w.listingD.id, slug: w.listingD.slug })),
  }),
  "app/checkout/actions.ts#payLocalAction": async (w) => {
    const sessionId = await checkoutOfA(w);
    return { call: async () => (await action("app/checkout/actions.ts#payLocalAction"))({}, form({ sessionId })) };
  },
  "app/checkout/actions.ts#failLocalAction": async (w) => {
    const sessionId = await checkoutOfA(w);
    return { call: async () => (await action("app/checkout/actions.ts#failLocalAction"))({}, form({ sessionId })) };
  },
  "app/checkout/actions.ts#cancelLocalAction": async (w) => {
    const sessionId = await checkoutOfA(w);
    return { call: async () => (await action("app/checkout/actions.ts#cancelLocalAction"))({}, form({ sessionId })) };
  },
  "app/dashboard/listings/[id]/actions.ts#counterNoticeAction": async (w) => {
    const removed = await removedListingOfC(w);
    return {
      call: async () =>
        (await action("app/dashboard/listings/[id]/actions.ts#counterNoticeAction"))(
          {},
          form({ listingId: removed.id, text: "This is my own original work; please restore it." }),
        ),
    };
  },
  "app/dashboard/listings/actions.ts#createListingAction": async () => ({
    call: async () =>
      (await action("app/dashboard/listings/actions.ts#createListingAction"))(
        {},
        form({ kind: "prompt", title: "A fresh prompt listing", category: "writing" }),
      ),
  }),
  "app/dashboard/listings/actions.ts#saveDetailsAction": async (w) => ({
    call: async () =>
      (await action("app/dashboard/listings/actions.ts#saveDetailsAction"))(w.draftC.id, {
        title: "Crisp product descriptions",
        summary: DETAILS.summary,
        description: DETAILS.description,
        category: "writing",
        tags: "copywriting, ecommerce",
        price: "9.00",
      }),
  }),
  "app/dashboard/listings/actions.ts#saveContentAction": async (w) => ({
    call: async () =>
      (await action("app/dashboard/listings/actions.ts#saveContentAction"))(w.draftC.id, { draft: validDraft("prompt"), changelog: "First version" }),
  }),
  "app/dashboard/listings/actions.ts#submitForApprovalAction": async (w) => {
    await saveDraftLicense(w.db, w.creatorC, w.draftC.id, { id: "agora-standard-personal" });
    return { call: async () => (await action("app/dashboard/listings/actions.ts#submitForApprovalAction"))(w.draftC.id) };
  },
  "app/dashboard/listings/actions.ts#saveLicenseAction": async (w) => ({
    call: async () => (await action("app/dashboard/listings/actions.ts#saveLicenseAction"))(w.draftC.id, { id: "cc-by-4.0" }),
  }),
  "app/dashboard/listings/actions.ts#checkModelFileAction": async (w) => ({
    call: async () => (await action("app/dashboard/listings/actions.ts#checkModelFileAction"))(w.fileC.id),
  }),
  "app/dashboard/listings/actions.ts#discardDraftAction": async (w) => {
    const live = await makeListing(w.db, w.creatorC, { versions: [{ status: "approved" }, { status: "draft" }] });
    return { call: async () => (await action("app/dashboard/listings/actions.ts#discardDraftAction"))(live.id) };
  },
  "app/dashboard/listings/actions.ts#setCoverAction": async (w) => {
    const imageId = await imageOfC(w);
    return { call: async () => (await action("app/dashboard/listings/actions.ts#setCoverAction"))(w.draftC.id, imageId) };
  },
  "app/dashboard/listings/actions.ts#unpublishAction": async (w) => ({
    call: async () => (await action("app/dashboard/listings/actions.ts#unpublishAction"))(w.presetC.id),
  }),
  "app/dashboard/listings/actions.ts#republishAction": async (w) => {
    const unpublished = await makeListing(w.db, w.creatorC, { status: "unpublished" });
    return { call: async () => (await action("app/dashboard/listings/actions.ts#republishAction"))(unpublished.id) };
  },
  "app/dashboard/listings/actions.ts#duplicateAction": async (w) => ({
    call: async () => (await action("app/dashboard/listings/actions.ts#duplicateAction"))(w.presetC.id),
  }),
  "app/dashboard/listings/actions.ts#deleteDraftAction": async (w) => ({
    call: async () => (await action("app/dashboard/listings/actions.ts#deleteDraftAction"))(w.draftC.id, true),
  }),
  "app/dashboard/listings/actions.ts#renderMarkdownAction": async () => ({
    call: async () => {
      try {
        return await (
          await action("app/dashboard/listings/actions.ts#renderMarkdownAction")
        )("**bold**");
      } catch (error) {
        // The preview answers a plain "not allowed" to anyone who may not write listings.
        if (error instanceof Error && error.message === "not allowed") return { ok: false, error: "You don't have access to this." };
        throw error;
      }
    },
  }),
  "app/dashboard/payouts/onboarding/actions.ts#startPayoutOnboardingAction": async () => ({
    call: async () => (await action("app/dashboard/payouts/onboarding/actions.ts#startPayoutOnboardingAction"))({}, form({})),
  }),
  "app/dashboard/payouts/onboarding/actions.ts#submitLocalOnboardingAction": async (w) => {
    const accountId = await localAccountOfC(w);
    return {
      call: async () =>
        (await action("app/dashboard/payouts/onboarding/actions.ts#submitLocalOnboardingAction"))(
          {},
          form({ accountId, country: "US", routingNumber: "110000000", legalName: "Creator C", bankAccountNumber: "000123456789" }),
        ),
    };
  },
  "app/dashboard/payouts/onboarding/actions.ts#saveLocalOnboardingAction": async (w) => {
    const accountId = await localAccountOfC(w);
    return {
      call: async () =>
        (await action("app/dashboard/payouts/onboarding/actions.ts#saveLocalOnboardingAction"))({}, form({ accountId, country: "US", legalName: "Creator C" })),
    };
  },
  "app/dev/mail/actions.ts#runSweepAction": async () => ({ call: async () => (await action("app/dev/mail/actions.ts#runSweepAction"))(form({})) }),
  "app/email/unsubscribe/actions.ts#unsubscribeAction": async (w) => ({
    call: async () =>
      (await action("app/email/unsubscribe/actions.ts#unsubscribeAction"))(form({ token: unsubscribeToken(w.actors.buyerA.id, "new_versions" as never) })),
  }),
  "app/library/actions.ts#submitTestAction": async (w) => ({
    call: async () => (await action("app/library/actions.ts#submitTestAction"))({ listingId: w.testC.id, versionNumber: 1, answers: {} }),
  }),
  "app/notifications/actions.ts#markAllReadAction": async () => ({ call: async () => (await action("app/notifications/actions.ts#markAllReadAction"))() }),
  "app/reports/actions.ts#fileReportAction": async (w) => ({
    call: async () =>
      (await action("app/reports/actions.ts#fileReportAction"))(
        {},
        form({ targetType: "listing", targetId: w.testC.id, reason: "spam", details: "Looks like spam to me." }),
      ),
  }),
  "app/reviews/actions.ts#createReviewAction": async (w) => ({
    call: async () =>
      (await action("app/reviews/actions.ts#createReviewAction"))({}, form({ listingId: w.testC.id, rating: "5", body: "A well made test, fair questions." })),
  }),
  "app/reviews/actions.ts#editReviewAction": async (w) => ({
    call: async () =>
      (await action("app/reviews/actions.ts#editReviewAction"))({}, form({ reviewId: w.reviewA, rating: "2", body: "Changed my mind about it." })),
  }),
  "app/reviews/actions.ts#replyToReviewAction": async (w) => ({
    call: async () => (await action("app/reviews/actions.ts#replyToReviewAction"))({}, form({ reviewId: w.reviewA, reply: "Thanks for the kind words!" })),
  }),
  "app/reviews/actions.ts#hideReviewAction": async (w) => ({
    call: async () => (await action("app/reviews/actions.ts#hideReviewAction"))({}, form({ reviewId: w.reviewA, reason: "Personal details" })),
  }),
  "app/reviews/actions.ts#restoreReviewAction": async (w) => {
    await hideReview(w.db, w.actors.admin, { reviewId: w.reviewA, reason: "Personal details" });
    return { call: async () => (await action("app/reviews/actions.ts#restoreReviewAction"))({}, form({ reviewId: w.reviewA })) };
  },
  "app/reviews/actions.ts#loadReviewsAction": async (w) => ({
    call: async () => (await action("app/reviews/actions.ts#loadReviewsAction"))({ listingId: w.presetC.id, sort: "newest" }),
  }),
};

function withProduction<T>(caller: MatrixCaller, run: () => Promise<T>): Promise<T> {
  if (caller !== "production") return run();
  const saved = Object.fromEntries(Object.keys(PRODUCTION_ENV).map((k) => [k, process.env[k]]));
  Object.assign(process.env, PRODUCTION_ENV);
  reloadEnv();
  return run().finally(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    reloadEnv();
  });
}

describe("authorization matrix: server actions × actors", () => {
  for (const [key, row] of Object.entries(ACTION_MATRIX)) {
    it(`${key} — ${row.target}`, async () => {
      const { db } = testDatabase();
      const w = await matrixWorld(db);
      const probe = await PROBES[key](w);
      const callers: MatrixCaller[] = [...MATRIX_ACTORS, ...CREDENTIAL_CALLERS];
      const cells = callers.flatMap((caller) => {
        const expected = expectedOutcome(row, caller);
        return expected ? [{ caller, expected }] : [];
      });
      const actorOf = (caller: string): MatrixActor => ((MATRIX_ACTORS as readonly string[]).includes(caller) ? (caller as MatrixActor) : "anonymous");
      await runRow(
        db,
        key,
        cells,
        async (caller): Promise<Observed> => {
          const actor = actorOf(caller);
          session.userId = w.ids[actor];
          try {
            return await withProduction(caller as MatrixCaller, () => observe(() => probe.call(actor)));
          } finally {
            session.userId = null;
          }
        },
        { prepare: probe.prepare ? (caller) => probe.prepare!(actorOf(caller), w.ids[actorOf(caller)]) : undefined },
      );
    });
  }
});

afterAll(() => console.info(tallyLine("server actions")));
