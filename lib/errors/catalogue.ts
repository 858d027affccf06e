// Every domain error code (`area.reason`), declared once with its HTTP status and the message a person sees.
// A message that needs a value is a function of typed params: `new DomainError("order.refund_too_large",
// { remainingCents: 500 })`. Params are display-ready (formatted sizes, labels); the catalogue formats nothing.

/** Field name → problems, as `z.flattenError(...).fieldErrors` gives them. */
export type FieldErrors = Record<string, string[] | undefined>;

/** What parseInput attaches to `input.invalid`: the first problem in words, and every field's problems. */
export type InvalidInputParams = { issue?: string; fieldErrors?: FieldErrors };

/** Why a listing can't change at all, in the person's terms. */
const LISTING_LOCKS = {
  approval: "This listing is waiting for approval; it can't be changed until an admin has decided.",
  removal: "This listing was removed by a moderator and can't be changed.",
} as const;
export type ListingLock = keyof typeof LISTING_LOCKS;

const SOMETHING_WRONG_RECORDING = "Something went wrong recording this payment.";

type CatalogueEntry = { readonly status: number; readonly message: string | ((params: never) => string) };

export const ERROR_CATALOGUE = {
  "auth.unauthenticated": { status: 401, message: "Please sign in to continue." },
  "auth.forbidden": { status: 403, message: "You don't have access to this." },
  "auth.suspended": { status: 403, message: "Your account is suspended. Contact support if you think this is a mistake." },
  "auth.banned": { status: 403, message: "This account has been closed." },
  "auth.invalid_credentials": { status: 401, message: "Email or password is incorrect." },
  "auth.email_taken": { status: 409, message: "An account with this email already exists. Try signing in." },
  "auth.not_creator": { status: 403, message: "Become a creator to do this." },
  "auth.two_factor_required": { status: 403, message: "Turn on two-factor sign-in (Account → Security) before using admin tools." },
  "auth.email_unverified": {
    status: 403,
    message: "Confirm your email address first: open the link we emailed you, or send a new one from Account → Profile.",
  },
  "auth.rate_limited": { status: 429, message: (p: { wait: string }) => `Too many attempts. Try again in ${p.wait}.` },
  "auth.code_incorrect": { status: 401, message: "That code is not right. Enter the current code from your authenticator app, or a recovery code." },

  "account.link_invalid": { status: 400, message: "This link is not valid or has already been used. Ask for a new one." },
  "account.link_expired": { status: 410, message: "This link has expired. Ask for a new one." },
  "account.password_incorrect": { status: 403, message: "Your current password is not right." },
  "account.no_password": { status: 409, message: "Your account has no password yet: use “Forgot your password?” on the sign-in page to set one." },
  "account.email_unchanged": { status: 409, message: "That is already your email address." },
  "account.email_taken": { status: 409, message: "Another account uses that email address now, so it can't be yours." },
  "account.already_verified": { status: 409, message: "Your email address is already confirmed." },
  "account.github_taken": { status: 409, message: "That GitHub account is linked to another Agora account." },
  "account.github_linked": { status: 409, message: "A GitHub account is already linked. Unlink it first." },
  "account.github_unlinked": { status: 409, message: "No GitHub account is linked." },
  "account.last_sign_in_method": { status: 409, message: "Set a password first: without it you could no longer sign in." },

  "twofactor.already_enabled": { status: 409, message: "Two-factor sign-in is already on." },
  "twofactor.not_enabled": { status: 409, message: "Two-factor sign-in is not on." },
  "twofactor.no_enrolment": { status: 409, message: "Start again: scan a new QR code with your authenticator app." },
  "twofactor.code_incorrect": { status: 400, message: "That code is not right. Check that your phone's clock is correct and enter the current code." },

  "user.not_found": { status: 404, message: "We couldn't find that account." },

  "email.unsubscribe_invalid": {
    status: 400,
    message: "This unsubscribe link is not valid. Open it again from the email, or change your email settings after signing in.",
  },

  "admin.own_account": { status: 409, message: "You can't suspend, ban or demote your own account. Ask another admin." },
  "admin.last_admin": { status: 409, message: "Agora must keep at least one active admin. Promote someone else first." },
  "admin.status_unchanged": { status: 409, message: "Nothing to change: the account already has that status." },
  "admin.role_unchanged": { status: 409, message: "Nothing to change: the account already has that role." },
  "admin.not_active": { status: 409, message: "Only an active account can be made an admin. Reactivate it first." },

  "apikey.missing": { status: 401, message: "Send your API key in the Authorization header: Authorization: Bearer agora_…" },
  "apikey.invalid": { status: 401, message: "This API key is not valid. Check that you copied all of it, or create a new one under Account → API keys." },
  "apikey.revoked": { status: 401, message: "This API key has been revoked. Create a new one under Account → API keys." },
  "apikey.scope_missing": {
    status: 403,
    message: (p: { scope: string; allows: string }) => `This API key may not ${p.allows}. Create a key with the "${p.scope}" scope.`,
  },
  "apikey.rate_limited": { status: 429, message: "Too many requests with this API key. Wait until Retry-After says, then try again." },
  "apikey.limit_reached": {
    status: 409,
    message: (p: { max: number }) => `You already have ${p.max} active API keys, the most one account may hold. Revoke one you no longer use first.`,
  },
  "apikey.already_revoked": { status: 409, message: "This API key was already revoked." },

  "deletion.password_incorrect": { status: 403, message: "That password is not right. Your account was not deleted." },
  "deletion.email_mismatch": { status: 400, message: "Type your account's email address exactly to confirm. Your account was not deleted." },
  "deletion.code_required": { status: 400, message: "Enter the code from your authenticator app (or a recovery code) to confirm." },
  "deletion.code_incorrect": { status: 403, message: "That code is not right. Your account was not deleted." },
  "deletion.admin": { status: 409, message: "Admins can't delete their own account. Ask another admin to remove your admin role first." },
  "deletion.already_deleted": { status: 409, message: "This account has already been deleted." },
  "deletion.rate_limited": {
    status: 429,
    message: (p: { wait: string }) => `Too many attempts to confirm. Your account was not deleted; try again in ${p.wait}.`,
  },

  "request.too_large": { status: 413, message: (p: { limit: string }) => `This request is too large; the limit is ${p.limit}.` },
  "request.stalled": { status: 408, message: "The upload stopped arriving before it was complete. Check your connection and send it again." },
  "request.incomplete": { status: 400, message: "The upload was cut off before it was complete. Send it again." },
  "request.cross_site": {
    status: 403,
    message: "This request came from another site, so it was refused. Reload the page on Agora and try again.",
  },
  /** Over a rate limit: `wait` is how long until the window resets, in words ("2 minutes"); Retry-After carries it too. */
  "rate.limited": { status: 429, message: (p: { wait: string }) => `Too many requests. Try again in ${p.wait}.` },
  "checkout.rate_limited": {
    status: 429,
    message: (p: { wait: string }) => `You've started a lot of checkouts in a short time. Try again in ${p.wait}.`,
  },
  "review.rate_limited": {
    status: 429,
    message: (p: { wait: string }) => `You've posted a lot of reviews and replies in a short time. Try again in ${p.wait}.`,
  },
  "upload.rate_limited": { status: 429, message: (p: { wait: string }) => `You've uploaded a lot of files in a short time. Try again in ${p.wait}.` },

  "input.invalid": { status: 400, message: (params?: InvalidInputParams) => params?.issue ?? "Some of the details you entered are not valid." },
  "input.invalid_cursor": { status: 400, message: "cursor is not valid for this query" },
  /** Deliberately area-less: "doesn't exist" and "not yours" answer alike, so nothing reveals what exists. */
  not_found: { status: 404, message: "We couldn't find that." },

  "creator.already_creator": { status: 409, message: "You already have a creator profile." },
  "creator.handle_taken": { status: 409, message: "That handle is taken. Pick another one." },

  "listing.not_found": { status: 404, message: "We couldn't find that listing." },
  "listing.not_draft": { status: 409, message: "Only drafts that were never published can be deleted. Unpublish it instead." },
  "listing.no_live_version": { status: 409, message: "This listing has no approved version to publish." },
  "listing.not_removed": { status: 409, message: "Only a removed listing can be restored." },
  "listing.counter_notice_pending": {
    status: 409,
    message: "The creator has answered this removal: decide it in the case, where their counter-notice is.",
  },
  "listing.details_invalid": { status: 400, message: (p: { issue: string }) => `Fix the listing details first: ${p.issue}` },
  "listing.locked": { status: 409, message: (p: { lock: ListingLock }) => LISTING_LOCKS[p.lock] },
  "listing.bad_transition": {
    status: 409,
    /** `from`/`to` are status labels in lower case; a locked listing says why it is locked instead. */
    message: (p: { from: string; to: string; lock?: ListingLock }) => (p.lock ? LISTING_LOCKS[p.lock] : `A ${p.from} listing can't become ${p.to}.`),
  },

  "version.pending": {
    status: 409,
    message: (p: { number: number }) => `Version ${p.number} is waiting for approval. You can edit the content again once an admin has decided.`,
  },
  "version.no_draft": { status: 409, message: "There are no unsubmitted changes to discard." },
  "version.first_draft": { status: 409, message: "The first version can't be discarded; delete the draft listing instead." },
  "version.nothing_to_submit": {
    status: 409,
    message: (p?: { changesRequested: boolean }) =>
      p?.changesRequested ? "Make the requested changes first, then submit again." : "There are no changes to submit. Edit the content first.",
  },
  "version.invalid": { status: 400, message: (p: { issues: readonly string[] }) => `The content isn't ready: ${p.issues.join(" ")}` },
  "version.changelog_required": {
    status: 400,
    message: (p: { number: number }) => `Describe what changed in version ${p.number}; owners see it with the update.`,
  },

  "license.required": {
    status: 400,
    message: "Choose a license before submitting: pick one of the listed licenses or write your own terms, so buyers know what they may do.",
  },

  "approval.not_found": { status: 404, message: "We couldn't find that version." },
  "approval.already_decided": { status: 409, message: "This version was already approved or rejected." },
  "approval.listing_removed": { status: 409, message: "This listing was removed; its versions can't be approved." },
  "approval.revision_not_found": { status: 404, message: "We couldn't find those listing changes." },
  "approval.revision_decided": { status: 409, message: "These listing changes were already approved or rejected." },

  "report.not_found": { status: 404, message: "We couldn't find that report." },
  "report.target_not_found": { status: 404, message: "We couldn't find what you are reporting." },
  "report.own_target": { status: 409, message: "You can't report your own listing, review or storefront." },
  "report.already_open": { status: 409, message: "You've already reported this. We'll tell you when a moderator has looked at it." },
  "report.rate_limited": { status: 429, message: (p: { wait: string }) => `You've sent a lot of reports in a short time. Try again in ${p.wait}.` },
  "report.already_closed": { status: 409, message: "This report was already resolved or dismissed." },
  "report.not_open": { status: 409, message: "This report is not open." },
  "report.resolution_mismatch": { status: 400, message: "That outcome doesn't apply to what was reported." },
  "report.counter_notice_unavailable": { status: 409, message: "A counter-notice can only answer a removal of your own listing." },
  "report.counter_notice_sent": { status: 409, message: "You've already answered this removal. A moderator will look at your counter-notice." },

  "review.not_owner": { status: 403, message: "Only people who bought this listing can review it." },
  "review.order_disputed": { status: 409, message: "You can review this once the payment dispute on your order is resolved." },
  "review.exists": { status: 409, message: "You've already reviewed this. You can edit your review instead." },
  "review.already_replied": { status: 409, message: "You've already replied to this review." },
  "review.order_refunded": { status: 409, message: "This review's order was refunded, so the review can't be shown again." },

  "image.not_found": { status: 404, message: "We couldn't find that image. Upload it again." },
  "image.empty": { status: 400, message: "The file is empty. Choose an image to upload." },
  "image.too_large": {
    status: 413,
    message: (p: { size: string | null; limit: string }) => `${p.size ? `This image is ${p.size}; ` : "This image is too large; "}the limit is ${p.limit}.`,
  },
  "image.wrong_type": { status: 415, message: "Upload a JPEG, PNG or WebP image; this file's contents are not one, whatever its name says." },
  "image.corrupt": {
    status: 422,
    message: (p?: { problem: "no_dimensions" | "truncated" }) =>
      p?.problem === "no_dimensions"
        ? "This image has no readable dimensions. Export it again and retry."
        : p?.problem === "truncated"
          ? "This image is damaged or incomplete (was the upload cut short?). Export it again and retry."
          : "This image is damaged and can't be read. Export it again as JPEG, PNG or WebP and retry.",
  },
  "image.too_many_pixels": {
    status: 413,
    message: (p: { width: number; height: number; limitMegapixels: number }) =>
      `This image claims to be ${p.width.toLocaleString("en-US")}×${p.height.toLocaleString("en-US")} pixels; the limit is ${p.limitMegapixels} megapixels.`,
  },
  "image.too_small": {
    status: 422,
    message: (p: { width: number; height: number; purpose: string; minWidth: number; minHeight: number }) =>
      `This image is ${p.width}×${p.height}; ${p.purpose} need at least ${p.minWidth}×${p.minHeight} pixels.`,
  },

  "file.not_found": { status: 404, message: "We couldn't find that file. Upload it again." },
  "file.empty": { status: 400, message: "The file is empty. Choose the file to upload." },
  "file.too_large": {
    status: 413,
    message: (p: { size: string | null; limit: string }) => `${p.size ? `This file is ${p.size}; ` : "This file is too large; "}the limit is ${p.limit}.`,
  },
  "file.content_refused": { status: 422, message: (p: { reason: string }) => p.reason },
  "file.form_body": {
    status: 415,
    message: "Send the file's own bytes as the request body, not a form: a form's wrapping would be stored as the file.",
  },

  "storage.bucket_missing": {
    status: 503,
    message: "This file is kept in bucket storage, which this server is not configured for (S3_BUCKET). Try again later.",
  },
  "database.unavailable": { status: 503, message: "Agora can't reach its database right now. Nothing was changed; try again in a minute." },
  "storage.unavailable": { status: 503, message: "File storage is not answering right now. Try again in a minute." },
  "storage.quota_exceeded": {
    status: 413,
    message: (p: { size: string; used: string; quota: string }) =>
      `This file (${p.size}) doesn't fit in your storage: ${p.used} of ${p.quota} used. Files no listing version uses are removed a day after upload; deleting a draft listing frees its file.`,
  },

  "upload.not_found": { status: 404, message: "This upload doesn't exist or has ended. Start the upload again." },
  "upload.finished": { status: 409, message: "This upload was already completed or cancelled. Start a new one to send the file again." },
  "upload.incomplete": { status: 422, message: "Some parts of the file never reached storage. Resume or retry the upload." },
  "upload.too_many_open": {
    status: 429,
    message: (p: { limit: number }) => `You already have ${p.limit} uploads in progress. Finish or cancel one before starting another.`,
  },
  "upload.size_mismatch": {
    status: 422,
    message: (p: { declared: string; received: string }) =>
      `The file that arrived (${p.received}) is not the size that was announced (${p.declared}). Upload it again.`,
  },

  "checkout.not_found": { status: 404, message: "This checkout doesn't exist or has ended." },
  "checkout.failed": { status: 502, message: "The payment could not be recorded. Please try again." },

  "order.not_found": { status: 404, message: "We couldn't find that order." },
  "order.not_for_sale": { status: 404, message: "This listing is not for sale right now." },
  "order.own_listing": { status: 409, message: "You can't buy your own listing." },
  "order.creator_unavailable": {
    status: 409,
    message: "This creator's account is suspended, so their listings can't be bought right now. If you already own it, it stays in your library.",
  },
  "order.already_owned": { status: 409, message: "You already own this. Find it in your library." },
  "order.checkout_unavailable": { status: 502, message: "We couldn't start the payment. Please try again in a moment." },
  "order.not_refundable": { status: 409, message: (p: { status: string }) => `A ${p.status} order can't be refunded.` },
  "order.refund_too_large": {
    status: 400,
    message: (p: { remainingCents: number }) => `At most ${p.remainingCents} cents can still be refunded on this order.`,
  },
  "order.no_payment": { status: 409, message: "This order has no recorded payment to refund." },

  "library.withdrawn": { status: 410, message: "This listing was removed by Agora's moderators, so its content is no longer available." },
  "library.link_expired": { status: 410, message: "This download link has expired. Go back to your library to download again." },
  "library.content_invalid": { status: 500, message: "This version's content could not be read. The creator has been asked to fix it." },

  "ledger.unbalanced": { status: 500, message: SOMETHING_WRONG_RECORDING },
  "ledger.not_integer_cents": { status: 500, message: SOMETHING_WRONG_RECORDING },

  "settlement.bad_period": { status: 400, message: "Choose a month like 2026-10." },
  "settlement.period_open": { status: 400, message: "That month has not closed yet. A month is settled from the 1st of the next month." },
  "settlement.not_retryable": { status: 409, message: "Only a failed or held payout of an open period can be retried; this one has moved on." },
  "settlement.superseded": {
    status: 409,
    message: (p: { newer: string; period: string }) => `${p.newer} is already settled; ${p.period} can only be continued, not started.`,
  },
  "settlement.busy": { status: 409, message: "This payout is being worked on right now. Try again in a few minutes." },

  "payouts.no_account": { status: 409, message: "Set up payouts first: connect a Stripe account from your payouts page." },
  "payouts.provider_unavailable": { status: 502, message: "We couldn't reach Stripe just now. Nothing was changed; please try again in a minute." },

  "webhook.missing_signature": { status: 400, message: "Missing Stripe-Signature header" },
  "webhook.bad_signature": { status: 400, message: "Invalid signature" },
  "webhook.malformed_event": { status: 400, message: "Malformed event" },
  /** A handled event type whose object we can't read: it won't improve on retry, so it is refused with a 400. */
  "webhook.unexpected_shape": { status: 400, message: "Unexpected event shape" },
} as const satisfies Record<string, CatalogueEntry>;

type Catalogue = typeof ERROR_CATALOGUE;

/** A declared code; anything else fails typecheck. */
export type DomainErrorCode = keyof Catalogue;

/** The params a code's message takes (`undefined` among them when they are optional), or never for a fixed message. */
export type ErrorParams<C extends DomainErrorCode> = Catalogue[C]["message"] extends (params: infer P) => string ? P : never;

/** What follows the code when throwing it: nothing, optional params, or required params. */
export type ErrorArgs<C extends DomainErrorCode> = Catalogue[C]["message"] extends string
  ? []
  : undefined extends ErrorParams<C>
    ? [params?: ErrorParams<C>]
    : [params: ErrorParams<C>];

export function isDomainErrorCode(value: string): value is DomainErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, value);
}

export function errorStatus(code: DomainErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

/** The message a person sees for a code and its params. */
export function errorMessage<C extends DomainErrorCode>(code: C, ...args: ErrorArgs<C>): string {
  const entry: CatalogueEntry = ERROR_CATALOGUE[code];
  if (typeof entry.message === "string") return entry.message;
  // ErrorArgs<C> typed the params against this very entry at the call site.
  return (entry.message as (params: unknown) => string)(args[0]);
}
