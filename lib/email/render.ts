// Turns an outbox row into the mail that is sent: subject, text and HTML parts, and headers. Optional mail gets a
// footer saying why it came and a one-click unsubscribe (link and List-Unsubscribe headers).
import "server-only";
import { renderParts, type MailBlock, type MailContent } from "./layout";
import { MAIL_CATEGORY, type MailRequest, type MailTemplate, type MailTemplates } from "./mail-types";
import * as account from "./templates/account";
import * as commerce from "./templates/commerce";
import { CATEGORY_LABELS, unsubscribePageUrl, unsubscribePostUrl, unsubscribeToken } from "./unsubscribe";

export type RenderedMail = { subject: string; text: string; html: string; headers: Record<string, string> };

const CONTENT: { [K in MailTemplate]: (data: MailTemplates[K]) => MailContent } = {
  verify_email: account.verifyEmail,
  password_reset: account.passwordReset,
  email_change_verify: account.emailChangeVerify,
  email_changed_notice: account.emailChangedNotice,
  account_exists: account.accountExists,
  new_sign_in: account.newSignIn,
  report_outcome: account.reportOutcome,
  listing_removed: account.listingRemoved,
  listing_restored: account.listingRestored,
  order_receipt: commerce.orderReceipt,
  sale: commerce.sale,
  sale_digest: commerce.saleDigest,
  refund_buyer: commerce.refundBuyer,
  refund_creator: commerce.refundCreator,
  new_version: commerce.newVersion,
  payout_sent: commerce.payoutSent,
  payout_held: commerce.payoutHeld,
  payout_failed: commerce.payoutFailed,
};

const WHY: Partial<Record<MailTemplate, string>> = {
  sale: "You get this email for each sale. You can get one daily digest instead, or none.",
  sale_digest: "You get this daily digest because you chose it for your sales.",
  new_version: "You get this email because you own this listing.",
  payout_sent: "You get this email because you sell on Agora.",
  payout_held: "You get this email because you sell on Agora.",
  payout_failed: "You get this email because you sell on Agora.",
};

export function isKnownTemplate(template: string): template is MailTemplate {
  return Object.hasOwn(CONTENT, template);
}

/** The mail as sent for a request (or an outbox row: template, data and user). */
export function renderMail(mail: Pick<MailRequest, "template" | "data" | "userId">): RenderedMail {
  const content = (CONTENT[mail.template] as (data: unknown) => MailContent)(mail.data);
  const headers: Record<string, string> = {};
  const category = MAIL_CATEGORY[mail.template];
  if (category && mail.userId) {
    const token = unsubscribeToken(mail.userId, category);
    const footer: MailBlock[] = [{ kind: "paragraph", text: WHY[mail.template] ?? "" }];
    // Every mail a person may turn off carries a one-click unsubscribe (RFC 8058), not only new versions.
    footer.push({ kind: "link", label: `Unsubscribe from ${CATEGORY_LABELS[category]}`, url: unsubscribePageUrl(token) });
    headers["List-Unsubscribe"] = `<${unsubscribePostUrl(token)}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
    footer.push({ kind: "link", label: "Manage email preferences", url: "/account/notifications" });
    content.footer = [...(content.footer ?? []), ...footer];
  }
  return { ...renderParts(content), headers };
}
