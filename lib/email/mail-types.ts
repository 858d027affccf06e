// What each email template needs: the typed contract between code that queues mail and the renderers.
// Data is stored as JSON in the outbox, so it holds strings and numbers only (timestamps as ISO strings).
// Links may be absolute or app paths ("/library"); paths are resolved against APP_URL when the mail is rendered.

/** An ISO-8601 timestamp, or a Date that queueEmail turns into one. */
export type MailTime = string | Date;

/** A license as a version stores it (License in lib/licenses): its name, terms, link and rights. */
export type MailLicense = {
  name: string;
  terms?: string;
  url?: string;
  commercialUse?: boolean;
  derivatives?: boolean;
  resaleOfOutputs?: boolean;
  creditRequired?: boolean;
};

export type MailTemplates = {
  // Account mail (lib/accounts): always sent, never subject to preferences.
  verify_email: { url: string };
  password_reset: { url: string };
  email_change_verify: { url: string; newEmail: string };
  /** To the old address after an email change. */
  email_changed_notice: { newEmail: string };
  /** Someone tried to sign up with an address that already has an account. */
  account_exists: { signInUrl: string; resetUrl: string };
  new_sign_in: { when: MailTime; device: string; ip?: string };
  // Moderation (lib/moderation, lib/reports).
  /** To the reporter and to the creator concerned: what was reported and what came of it. */
  report_outcome: { what: string; outcome: string; note?: string };
  listing_removed: { title: string; reason: string; counterNoticeUrl: string };
  /** A removed listing put back by an admin (not through a counter-notice, which report_outcome tells). */
  listing_restored: { title: string; note: string; listingUrl: string };
  // Orders (lib/email/order-mails.ts).
  order_receipt: {
    orderId: string;
    listingTitle: string;
    listingUrl: string;
    creatorName: string;
    versionNumber: number;
    priceCents: number;
    currency: string;
    paidAt: MailTime;
    /** The license of the version bought, as stored on it (lib/licenses). */
    license: MailLicense;
    libraryUrl: string;
  };
  sale: {
    orderId: string;
    listingTitle: string;
    priceCents: number;
    feeCents: number;
    shareCents: number;
    currency: string;
    paidAt: MailTime;
  };
  /** One mail for a creator's held sales (preference "daily digest"); built by the sweep (lib/email/digest.ts). */
  sale_digest: {
    sales: { listingTitle: string; priceCents: number; shareCents: number; currency: string; paidAt: string }[];
  };
  refund_buyer: { orderId: string; listingTitle: string; refundedCents: number; currency: string; fullRefund: boolean };
  refund_creator: { orderId: string; listingTitle: string; refundedCents: number; shareReversedCents: number; currency: string; fullRefund: boolean };
  // Versions (lib/email/version-mails.ts): marketing-like, with a one-click unsubscribe.
  new_version: { listingTitle: string; versionNumber: number; changelog: string; libraryUrl: string };
  // Settlement (lib/email/payout-mails.ts).
  payout_sent: { period: string; amountCents: number; currency: string };
  payout_held: { period: string; amountCents: number; currency: string; reason: string };
  payout_failed: { period: string; amountCents: number; currency: string; reason: string };
};

export type MailTemplate = keyof MailTemplates;

/** The recipient: an address, and the account it belongs to when there is one. */
export type MailRecipient = { to: string; userId?: string | null };

/** One mail to queue: a template and its data, for one recipient. */
export type MailRequest = { [K in MailTemplate]: MailRecipient & { template: K; data: MailTemplates[K] } }[MailTemplate];

/** A mail of one template (e.g. `MailOf<"sale">`). */
export type MailOf<K extends MailTemplate> = Extract<MailRequest, { template: K }>;

/** Kinds of email a person may turn off; every other template is transactional and always sent. */
export type MailCategory = "sales" | "new_versions" | "payouts";

export const MAIL_CATEGORY: Partial<Record<MailTemplate, MailCategory>> = {
  sale: "sales",
  sale_digest: "sales",
  new_version: "new_versions",
  payout_sent: "payouts",
  payout_held: "payouts",
  payout_failed: "payouts",
};

export const MAIL_TEMPLATES = [
  "verify_email",
  "password_reset",
  "email_change_verify",
  "email_changed_notice",
  "account_exists",
  "new_sign_in",
  "report_outcome",
  "listing_removed",
  "listing_restored",
  "order_receipt",
  "sale",
  "sale_digest",
  "refund_buyer",
  "refund_creator",
  "new_version",
  "payout_sent",
  "payout_held",
  "payout_failed",
] as const satisfies readonly MailTemplate[];
