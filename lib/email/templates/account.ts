// Account and moderation mail: what each says. Always sent; none of these can be turned off.
import "server-only";
import { formatDateTime } from "@/lib/format";
import type { MailContent } from "../layout";
import type { MailTemplates } from "../mail-types";

type Content<K extends keyof MailTemplates> = (data: MailTemplates[K]) => MailContent;

const IGNORE_IF_NOT_YOU = { kind: "paragraph", text: "If you didn't ask for this, you can ignore this email: nothing changes." } as const;

export const verifyEmail: Content<"verify_email"> = ({ url }) => ({
  subject: "Confirm your email address for Agora",
  heading: "Confirm your email address",
  blocks: [
    { kind: "paragraph", text: "Welcome to Agora. Confirm this address so we can send you receipts, payouts and security notices." },
    { kind: "button", label: "Confirm email address", url },
    IGNORE_IF_NOT_YOU,
  ],
});

export const passwordReset: Content<"password_reset"> = ({ url }) => ({
  subject: "Reset your Agora password",
  heading: "Reset your password",
  blocks: [
    { kind: "paragraph", text: "Someone asked to reset the password of the Agora account for this address. Choose a new password with the link below." },
    { kind: "button", label: "Choose a new password", url },
    { kind: "paragraph", text: "If you didn't ask for this, ignore this email: your password stays the same." },
  ],
});

export const emailChangeVerify: Content<"email_change_verify"> = ({ url, newEmail }) => ({
  subject: "Confirm your new email address for Agora",
  heading: "Confirm your new email address",
  blocks: [
    { kind: "paragraph", text: `Confirm ${newEmail} as the new email address of your Agora account. Until you do, your account keeps its current address.` },
    { kind: "button", label: "Confirm new address", url },
    IGNORE_IF_NOT_YOU,
  ],
});

export const emailChangedNotice: Content<"email_changed_notice"> = ({ newEmail }) => ({
  subject: "Your Agora email address was changed",
  heading: "Your email address was changed",
  blocks: [
    { kind: "paragraph", text: `Your Agora account's email address is now ${newEmail}. Receipts and account mail go there from now on.` },
    {
      kind: "paragraph",
      text: "If you didn't make this change, someone else may have access to your account: reset your password and review your security settings right away.",
    },
    { kind: "button", label: "Review security settings", url: "/account/security" },
  ],
});

export const accountExists: Content<"account_exists"> = ({ signInUrl, resetUrl }) => ({
  subject: "You already have an Agora account",
  heading: "You already have an account",
  blocks: [
    {
      kind: "paragraph",
      text: "Someone tried to create a new Agora account with this email address, but it already has one. If that was you, sign in instead.",
    },
    { kind: "button", label: "Sign in", url: signInUrl },
    { kind: "link", label: "Forgot your password? Reset it", url: resetUrl },
    { kind: "paragraph", text: "If it wasn't you, ignore this email: nothing changed on your account." },
  ],
});

export const newSignIn: Content<"new_sign_in"> = ({ when, device, ip }) => ({
  subject: "New sign-in to your Agora account",
  heading: "New sign-in to your account",
  blocks: [
    { kind: "paragraph", text: "Your Agora account was just signed in to from a device we haven't seen before." },
    {
      kind: "facts",
      rows: [["When", formatDateTime(when)], ["Device", device], ...(ip ? ([["IP address", ip]] as [string, string][]) : [])],
    },
    {
      kind: "paragraph",
      text: "If this was you, there is nothing to do. If not, change your password and sign out everywhere from your security settings.",
    },
    { kind: "button", label: "Review security settings", url: "/account/security" },
  ],
});

export const reportOutcome: Content<"report_outcome"> = ({ what, outcome, note }) => ({
  subject: `Report decided: ${what}`,
  heading: "A report has been decided",
  blocks: [
    { kind: "paragraph", text: `A moderator has looked at the report about ${what}.` },
    { kind: "facts", rows: [["Outcome", outcome]] },
    ...(note ? [{ kind: "quote" as const, label: "Moderator's note", text: note }] : []),
    { kind: "paragraph", text: "Thank you for helping keep Agora trustworthy." },
  ],
});

export const listingRemoved: Content<"listing_removed"> = ({ title, reason, counterNoticeUrl }) => ({
  subject: `“${title}” was removed from Agora`,
  heading: "Your listing was removed",
  blocks: [
    { kind: "paragraph", text: `A moderator removed “${title}”. It no longer appears in the catalog, search or the API, and it can't be bought.` },
    { kind: "quote", label: "Reason", text: reason },
    { kind: "paragraph", text: "If you believe this is a mistake, send a counter-notice: it reopens the case for another look." },
    { kind: "button", label: "Send a counter-notice", url: counterNoticeUrl },
  ],
});

export const listingRestored: Content<"listing_restored"> = ({ title, note, listingUrl }) => ({
  subject: `“${title}” is back on Agora`,
  heading: "Your listing was restored",
  blocks: [
    { kind: "paragraph", text: `A moderator restored “${title}”. It is in the catalog, search and the API again, and it can be bought.` },
    { kind: "quote", label: "Moderator's note", text: note },
    { kind: "button", label: "View the listing", url: listingUrl },
  ],
});
