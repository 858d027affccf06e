// Who may reach what: the expected outcome of every route handler, server action and private page for each kind of
// caller, with each object owned by someone else (C's listing touched by D, A's order by B…). The suites in
// app/authorization-*.test.ts run every cell against a real database and fail on any unexpected allow, and
// app/authorization-matrix.test.ts fails when a route, action or page has no row here (ARCHITECTURE.md,
// "Authorization matrix"). Nothing at runtime imports this file.

/** The people of the matrix world: two buyers, two creators, a suspended and a banned person, two admins. */
export const MATRIX_ACTORS = ["anonymous", "buyerA", "buyerB", "creatorC", "creatorD", "suspended", "banned", "adminNo2fa", "admin"] as const;
export type MatrixActor = (typeof MATRIX_ACTORS)[number];

/**
 * Callers that are not a session: a machine credential (cron's Bearer CRON_SECRET, the metrics token, a Stripe
 * signature) sent wrong or right, and any caller when the server runs in production (development-only routes).
 */
export const CREDENTIAL_CALLERS = ["wrongCredential", "rightCredential", "production"] as const;
export type CredentialCaller = (typeof CREDENTIAL_CALLERS)[number];

/** API keys of buyer A (who owns C's listings) calling with the scopes named, revoked, or belonging to B or a banned person. */
export const KEY_CALLERS = ["keyLibraryRead", "keyDownloads", "keyOfB", "keyRevoked", "keyOfBanned", "keyMalformed"] as const;
export type KeyCaller = (typeof KEY_CALLERS)[number];

export type MatrixCaller = MatrixActor | CredentialCaller | KeyCaller;

/**
 * allow — answered (2xx/3xx, a rendered page, an action that did its work);
 * signin — 401, a redirect to /signin, or "Please sign in to continue.";
 * forbidden — 403 or a 404 that hides the object (including "Become a creator", "account suspended");
 * 2fa — an admin without two-factor sign-in sent to turn it on;
 * become-creator — a dashboard page sending a non-creator to /become-creator;
 * bad-request — 400 (a webhook without a valid signature);
 * conflict — 409: the caller may act, but a rule refuses this for them (an admin can't delete their account).
 */
export type Outcome = "allow" | "signin" | "forbidden" | "2fa" | "become-creator" | "bad-request" | "conflict";

/** Outcome per caller; `others` covers every session actor not named. Credential and key callers are only run when named. */
export type Expectation = Partial<Record<MatrixCaller | "others", Outcome>>;

export type MatrixRow = {
  /** The object each caller tries, and whose it is. */
  target: string;
  expect: Expectation;
};

// The usual shapes --------------------------------------------------------------------------------------------

/** Anyone, signed in or not. */
const everyone: Expectation = { others: "allow" };
/** Any signed-in person acting on their own things (a banned person is signed out). */
const signedIn: Expectation = { anonymous: "signin", banned: "signin", others: "allow" };
/** Signed in and not suspended. */
const activeUsers: Expectation = { ...signedIn, suspended: "forbidden" };
/** Only `who` (and, with `admins`, an admin with two-factor sign-in). */
const only = (who: MatrixActor, admins = false): Expectation => ({
  anonymous: "signin",
  banned: "signin",
  others: "forbidden",
  [who]: "allow",
  ...(admins ? { admin: "allow" as const } : {}),
});
/** Admin tools: an admin without two-factor sign-in is told to turn it on. */
const admins: Expectation = { anonymous: "signin", banned: "signin", others: "forbidden", adminNo2fa: "2fa", admin: "allow" };
/** Admin pages: 404 for everyone but admins (requireAdminPage), enrolment first for an admin without two-factor. */
const adminPage: Expectation = { others: "forbidden", adminNo2fa: "2fa", admin: "allow" };
/** Dashboard pages: sign in, then become a creator; both creators see their own dashboard. */
const creatorPage: Expectation = { anonymous: "signin", banned: "signin", others: "become-creator", creatorC: "allow", creatorD: "allow" };
/** Active creators acting on their own things. */
const activeCreators: Expectation = { anonymous: "signin", banned: "signin", others: "forbidden", creatorC: "allow", creatorD: "allow" };
/** Machine endpoints: no session counts, a wrong credential is refused, the right one is let in. */
const bearer = (refused: Outcome): Expectation => ({ others: refused, wrongCredential: refused, rightCredential: "allow" });
/** Development-only: open to anyone here, 404 in production. */
const devOnly: Expectation = { others: "allow", production: "forbidden" };

// Route handlers: "path METHOD" -------------------------------------------------------------------------------

export const ROUTE_MATRIX: Record<string, MatrixRow> = {
  "app/account/data/export/route.ts GET": { target: "the caller's own data export", expect: signedIn },
  "app/admin/audit/export/route.ts GET": { target: "the audit log CSV", expect: admins },
  "app/api/auth/[...nextauth]/route.ts GET": { target: "Auth.js endpoints (signing in is for everyone)", expect: everyone },
  "app/api/auth/[...nextauth]/route.ts POST": { target: "Auth.js endpoints (signing in is for everyone)", expect: everyone },
  "app/api/cron/email/route.ts GET": { target: "the outbox sweep", expect: bearer("signin") },
  "app/api/cron/settle/route.ts GET": { target: "the settlement run", expect: bearer("signin") },
  "app/api/cron/storage/route.ts GET": { target: "abandoned upload clean-up", expect: bearer("signin") },
  "app/api/downloads/[token]/route.ts GET": { target: "a download link issued to A for C's model file", expect: { others: "forbidden", buyerA: "allow" } },
  "app/api/email/unsubscribe/route.ts GET": { target: "A's signed unsubscribe link (sends to the page that asks)", expect: everyone },
  "app/api/email/unsubscribe/route.ts POST": {
    target: "A's one-click unsubscribe; the signed token is the credential",
    expect: { others: "allow", wrongCredential: "bad-request", rightCredential: "allow" },
  },
  "app/api/files/[id]/route.ts GET": { target: "C's attached file", expect: only("creatorC", true) },
  "app/api/health/route.ts GET": { target: "health check", expect: everyone },
  "app/api/images/[id]/route.ts GET": {
    target: "the cover of C's removed listing (withheld)",
    expect: { others: "forbidden", creatorC: "allow", admin: "allow" },
  },
  "app/api/library/[listingId]/download/route.ts GET": {
    target: "C's model listing that A bought",
    expect: { others: "forbidden", buyerA: "allow", creatorC: "allow", admin: "allow" },
  },
  "app/api/library/[listingId]/json/route.ts GET": {
    target: "C's preset listing that A bought",
    expect: { others: "forbidden", buyerA: "allow", creatorC: "allow", admin: "allow" },
  },
  "app/api/metrics/route.ts GET": { target: "Prometheus metrics", expect: bearer("signin") },
  "app/api/uploads/direct/[id]/complete/route.ts POST": { target: "C's open direct upload", expect: { ...only("creatorC"), suspended: "forbidden" } },
  "app/api/uploads/direct/[id]/parts/route.ts POST": { target: "C's open direct upload", expect: only("creatorC") },
  "app/api/uploads/direct/[id]/route.ts DELETE": { target: "C's open direct upload", expect: only("creatorC") },
  "app/api/uploads/direct/route.ts POST": { target: "starting a model file upload", expect: activeCreators },
  "app/api/uploads/files/route.ts POST": { target: "uploading a model file", expect: activeCreators },
  "app/api/uploads/images/route.ts POST": { target: "uploading an avatar", expect: activeUsers },
  "app/api/v1/listings/[slug]/route.ts GET": { target: "C's published listing", expect: everyone },
  "app/api/v1/listings/[slug]/route.ts OPTIONS": { target: "CORS preflight of the public API", expect: everyone },
  "app/api/v1/listings/route.ts GET": { target: "catalog search", expect: everyone },
  "app/api/v1/listings/route.ts OPTIONS": { target: "CORS preflight of the public API", expect: everyone },
  "app/api/v1/me/library/route.ts GET": {
    target: "the key owner's library (keys only; a session is not enough)",
    expect: {
      others: "signin",
      keyLibraryRead: "allow",
      keyDownloads: "forbidden",
      keyOfB: "allow",
      keyRevoked: "signin",
      keyOfBanned: "forbidden",
      keyMalformed: "signin",
    },
  },
  "app/api/v1/suggest/route.ts GET": { target: "search suggestions", expect: everyone },
  "app/api/v1/suggest/route.ts OPTIONS": { target: "CORS preflight of the public API", expect: everyone },
  "app/api/webhooks/stripe/route.ts POST": { target: "a Stripe event", expect: bearer("bad-request") },
  "app/dashboard/payouts/export/route.ts GET": {
    target: "the caller's own payout history",
    expect: { ...signedIn, others: "forbidden", creatorC: "allow", creatorD: "allow" },
  },
  "app/dashboard/payouts/onboarding/return/route.ts GET": { target: "back from the caller's own onboarding", expect: activeCreators },
  "app/dashboard/payouts/onboarding/route.ts GET": { target: "the caller's own payout onboarding", expect: creatorPage },
  "app/dev/mail/[id]/html/route.ts GET": { target: "a kept mail to A (development mailbox)", expect: devOnly },
  "app/sitemap.xml/route.ts GET": { target: "sitemap index", expect: everyone },
  "app/sitemaps/[file]/route.ts GET": { target: "sitemap pages file", expect: everyone },
};

/** The library routes called with API keys instead of a session (KEY_CALLERS; key scopes from lib/api-keys/scopes). */
export const KEY_MATRIX: Record<string, MatrixRow> = {
  "app/api/v1/me/library/route.ts GET": ROUTE_MATRIX["app/api/v1/me/library/route.ts GET"],
  "app/api/library/[listingId]/download/route.ts GET": {
    target: "C's model listing that A bought",
    expect: { keyLibraryRead: "forbidden", keyDownloads: "allow", keyOfB: "forbidden", keyRevoked: "signin", keyOfBanned: "forbidden", keyMalformed: "signin" },
  },
  "app/api/library/[listingId]/json/route.ts GET": {
    target: "C's preset listing that A bought",
    expect: { keyLibraryRead: "forbidden", keyDownloads: "allow", keyOfB: "forbidden", keyRevoked: "signin", keyOfBanned: "forbidden", keyMalformed: "signin" },
  },
  "app/api/downloads/[token]/route.ts GET": {
    target: "a download link issued to A for C's model file",
    expect: { keyLibraryRead: "forbidden", keyDownloads: "allow", keyOfB: "forbidden", keyRevoked: "signin", keyOfBanned: "forbidden", keyMalformed: "signin" },
  },
};

// Server actions: "file#export" -------------------------------------------------------------------------------

export const ACTION_MATRIX: Record<string, MatrixRow> = {
  "app/(auth)/actions.ts#signInAction": { target: "signing in (a wrong password for A)", expect: everyone },
  "app/(auth)/actions.ts#signUpAction": { target: "a new account", expect: everyone },
  "app/(auth)/actions.ts#signOutAction": { target: "ending the caller's own session", expect: everyone },
  "app/(auth)/actions.ts#requestPasswordResetAction": { target: "a reset mail for A's address", expect: everyone },
  "app/(auth)/actions.ts#resetPasswordAction": { target: "A's password, with A's emailed token", expect: everyone },
  "app/(auth)/actions.ts#confirmEmailAction": { target: "A's address, with A's emailed token", expect: everyone },
  "app/(auth)/actions.ts#confirmEmailChangeAction": { target: "A's new address, with A's emailed token", expect: everyone },
  "app/account/actions.ts#resendVerificationAction": { target: "the caller's own confirmation mail", expect: signedIn },
  "app/account/actions.ts#changeEmailAction": { target: "the caller's own address", expect: signedIn },
  "app/account/actions.ts#changePasswordAction": { target: "the caller's own password", expect: signedIn },
  "app/account/actions.ts#signOutEverywhereAction": { target: "the caller's own sessions", expect: signedIn },
  "app/account/actions.ts#startTwoFactorAction": { target: "the caller's own two-factor enrolment", expect: { ...signedIn, admin: "conflict" } },
  "app/account/actions.ts#confirmTwoFactorAction": {
    target: "the caller's own two-factor enrolment (already on for the admin)",
    expect: { ...signedIn, admin: "conflict" },
  },
  "app/account/actions.ts#regenerateRecoveryCodesAction": { target: "the caller's own recovery codes", expect: signedIn },
  "app/account/actions.ts#disableTwoFactorAction": { target: "the caller's own two-factor sign-in", expect: signedIn },
  "app/account/actions.ts#linkGithubAction": { target: "linking the caller's own GitHub", expect: signedIn },
  "app/account/actions.ts#unlinkGithubAction": { target: "unlinking the caller's own GitHub", expect: signedIn },
  "app/account/api-keys/actions.ts#createApiKeyAction": { target: "a key for the caller", expect: signedIn },
  "app/account/api-keys/actions.ts#revokeApiKeyAction": { target: "A's API key", expect: only("buyerA") },
  "app/account/data/actions.ts#deleteAccountAction": {
    target: "the caller's own account (admins are demoted first)",
    expect: { ...signedIn, adminNo2fa: "conflict", admin: "conflict" },
  },
  "app/account/notifications/actions.ts#saveEmailPreferencesAction": { target: "the caller's own email preferences", expect: signedIn },
  "app/admin/email/actions.ts#retryMailAction": { target: "a failed mail to A", expect: admins },
  "app/admin/moderation/actions.ts#approveAction": { target: "C's version waiting for approval", expect: admins },
  "app/admin/moderation/actions.ts#rejectAction": { target: "C's version waiting for approval", expect: admins },
  "app/admin/moderation/actions.ts#approveRevisionAction": { target: "C's listing changes waiting for approval", expect: admins },
  "app/admin/moderation/actions.ts#rejectRevisionAction": { target: "C's listing changes waiting for approval", expect: admins },
  "app/admin/moderation/actions.ts#removeListingAction": { target: "C's published listing", expect: admins },
  "app/admin/moderation/actions.ts#restoreListingAction": { target: "C's removed listing", expect: admins },
  "app/admin/orders/actions.ts#refundAction": { target: "A's paid order", expect: admins },
  "app/admin/reports/actions.ts#resolveReportAction": { target: "A's report on D's listing", expect: admins },
  "app/admin/settlements/actions.ts#runSettlementAction": { target: "last month's settlement", expect: admins },
  "app/admin/settlements/actions.ts#retryPayoutAction": { target: "C's held payout", expect: admins },
  "app/admin/users/actions.ts#changeUserStatusAction": { target: "suspending B", expect: admins },
  "app/admin/users/actions.ts#changeUserRoleAction": { target: "promoting B", expect: admins },
  "app/become-creator/actions.ts#becomeCreatorAction": {
    target: "a creator profile for the caller",
    expect: { ...activeUsers, creatorC: "conflict", creatorD: "conflict" },
  },
  "app/checkout/actions.ts#buyAction": { target: "D's published listing (D can't buy their own)", expect: { ...activeUsers, creatorD: "conflict" } },
  "app/checkout/actions.ts#payLocalAction": { target: "A's open checkout for D's listing", expect: only("buyerA") },
  "app/checkout/actions.ts#failLocalAction": { target: "A's open checkout for D's listing", expect: only("buyerA") },
  "app/checkout/actions.ts#cancelLocalAction": { target: "A's open checkout for D's listing", expect: only("buyerA") },
  "app/dashboard/listings/[id]/actions.ts#counterNoticeAction": { target: "the removal of C's listing", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#createListingAction": { target: "a new listing for the caller", expect: activeCreators },
  "app/dashboard/listings/actions.ts#saveDetailsAction": { target: "C's draft listing", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#saveContentAction": { target: "C's draft listing", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#submitForApprovalAction": { target: "C's draft listing", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#saveLicenseAction": { target: "C's draft listing", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#checkModelFileAction": { target: "C's model file", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#discardDraftAction": { target: "the draft version of C's published listing", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#setCoverAction": { target: "C's draft listing and C's image", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#unpublishAction": { target: "C's published listing", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#republishAction": { target: "C's unpublished listing", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#duplicateAction": { target: "C's published listing", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#deleteDraftAction": { target: "C's draft listing", expect: only("creatorC") },
  "app/dashboard/listings/actions.ts#renderMarkdownAction": {
    target: "a markdown preview (a plain refusal for everyone else)",
    expect: { others: "forbidden", creatorC: "allow", creatorD: "allow" },
  },
  "app/dashboard/payouts/onboarding/actions.ts#startPayoutOnboardingAction": { target: "the caller's own payout account", expect: activeCreators },
  "app/dashboard/payouts/onboarding/actions.ts#submitLocalOnboardingAction": { target: "C's local payout account", expect: only("creatorC") },
  "app/dashboard/payouts/onboarding/actions.ts#saveLocalOnboardingAction": { target: "C's local payout account", expect: only("creatorC") },
  "app/dev/mail/actions.ts#runSweepAction": { target: "the development mail sweep", expect: devOnly },
  "app/email/unsubscribe/actions.ts#unsubscribeAction": { target: "A's signed unsubscribe link (the token is the credential)", expect: everyone },
  "app/library/actions.ts#submitTestAction": {
    target: "C's test that A bought",
    expect: { others: "forbidden", buyerA: "allow", creatorC: "allow", admin: "allow" },
  },
  "app/notifications/actions.ts#markAllReadAction": { target: "the caller's own notifications", expect: signedIn },
  // Suspension stops buying, selling and reviewing (DESIGN.md), not telling moderators about a listing.
  "app/reports/actions.ts#fileReportAction": { target: "a report on C's test (C can't report their own)", expect: { ...signedIn, creatorC: "conflict" } },
  "app/reviews/actions.ts#createReviewAction": { target: "a review of C's preset that A bought", expect: only("buyerA") },
  "app/reviews/actions.ts#editReviewAction": { target: "A's review", expect: only("buyerA") },
  "app/reviews/actions.ts#replyToReviewAction": { target: "A's review of C's listing", expect: only("creatorC") },
  "app/reviews/actions.ts#hideReviewAction": { target: "A's review", expect: admins },
  "app/reviews/actions.ts#restoreReviewAction": { target: "A's hidden review", expect: admins },
  "app/reviews/actions.ts#loadReviewsAction": { target: "the reviews of C's listing", expect: everyone },
};

// Pages under /dashboard, /library, /admin, /account, /notifications ------------------------------------------

export const PAGE_MATRIX: Record<string, MatrixRow> = {
  "app/account/api-keys/page.tsx": { target: "the caller's own keys", expect: signedIn },
  "app/account/data/page.tsx": { target: "the caller's own data", expect: signedIn },
  "app/account/notifications/page.tsx": { target: "the caller's own preferences", expect: signedIn },
  "app/account/page.tsx": { target: "the caller's own profile", expect: signedIn },
  "app/account/security/page.tsx": { target: "the caller's own security settings", expect: signedIn },
  "app/admin/audit/page.tsx": { target: "the audit log", expect: adminPage },
  "app/admin/email/page.tsx": { target: "the mail queue", expect: adminPage },
  "app/admin/listings/page.tsx": { target: "every listing in any status", expect: adminPage },
  "app/admin/listings/[listingId]/page.tsx": { target: "C's published listing", expect: adminPage },
  "app/admin/moderation/[versionId]/page.tsx": { target: "C's version waiting for approval", expect: adminPage },
  "app/admin/moderation/changes/[revisionId]/page.tsx": { target: "C's listing changes waiting for approval", expect: adminPage },
  "app/admin/moderation/page.tsx": { target: "the approval queue", expect: adminPage },
  "app/admin/orders/page.tsx": { target: "all orders", expect: adminPage },
  "app/admin/page.tsx": { target: "the platform overview", expect: adminPage },
  "app/admin/reports/[reportId]/page.tsx": { target: "A's report on D's listing", expect: adminPage },
  "app/admin/reports/page.tsx": { target: "the report queue", expect: adminPage },
  "app/admin/settlements/[period]/page.tsx": { target: "last month's settlement", expect: adminPage },
  "app/admin/settlements/page.tsx": { target: "settlement runs", expect: adminPage },
  "app/admin/users/[id]/page.tsx": { target: "B's account", expect: adminPage },
  "app/admin/users/page.tsx": { target: "all accounts", expect: adminPage },
  "app/dashboard/listings/[id]/page.tsx": { target: "C's listing editor", expect: { ...creatorPage, creatorD: "forbidden" } },
  "app/dashboard/listings/new/page.tsx": { target: "a new listing", expect: creatorPage },
  "app/dashboard/listings/page.tsx": { target: "the caller's own listings", expect: creatorPage },
  "app/dashboard/page.tsx": { target: "the caller's own dashboard", expect: creatorPage },
  "app/dashboard/payouts/onboarding/local/page.tsx": { target: "C's local payout account", expect: { ...only("creatorC"), creatorD: "forbidden" } },
  "app/dashboard/payouts/page.tsx": { target: "the caller's own payouts", expect: creatorPage },
  "app/dashboard/payouts/statements/[period]/page.tsx": { target: "the caller's own statement", expect: creatorPage },
  "app/library/[listingId]/page.tsx": { target: "C's preset that A bought", expect: { ...only("buyerA", true), creatorC: "allow" } },
  "app/library/orders/[orderId]/page.tsx": { target: "A's receipt", expect: only("buyerA") },
  "app/library/page.tsx": { target: "the caller's own library", expect: signedIn },
  "app/library/orders/page.tsx": { target: "the caller's own order history", expect: signedIn },
  "app/notifications/page.tsx": { target: "the caller's own notifications", expect: signedIn },
};

/** The expected outcome of one cell. */
export function expectedOutcome(row: MatrixRow, caller: MatrixCaller): Outcome | undefined {
  const named = row.expect[caller];
  if (named) return named;
  return (MATRIX_ACTORS as readonly string[]).includes(caller) ? row.expect.others : undefined;
}
