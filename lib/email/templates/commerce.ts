// Money and library mail: receipts, sales (one by one or the daily digest), refunds, new versions, payouts.
import "server-only";
import { formatDateTime, formatMoney, formatPrice } from "@/lib/format";
import { periodLabel } from "@/lib/settlement/periods";
import type { MailContent } from "../layout";
import { RIGHT_LABELS, RIGHTS } from "@/lib/licenses/licenses";
import type { MailLicense, MailTemplates } from "../mail-types";

type Content<K extends keyof MailTemplates> = (data: MailTemplates[K]) => MailContent;

/** The license's name, its terms and its rights in words (RIGHT_LABELS). */
function licenseText(license: MailLicense): string {
  const rights = RIGHTS.filter((r) => typeof license[r] === "boolean").map((r) => RIGHT_LABELS[r][license[r] ? "yes" : "no"]);
  return [license.name, license.terms, rights.join(" · ")].filter(Boolean).join("\n\n");
}

export const orderReceipt: Content<"order_receipt"> = (d) => ({
  subject: `Your receipt for “${d.listingTitle}”`,
  heading: d.priceCents > 0 ? "Thanks for your purchase" : "It's in your library",
  blocks: [
    { kind: "paragraph", text: `“${d.listingTitle}” by ${d.creatorName} is in your library now, with every future version.` },
    {
      kind: "facts",
      rows: [
        ["Order", d.orderId],
        ["Item", d.listingTitle],
        ["Creator", d.creatorName],
        ["Version", `v${d.versionNumber}`],
        ["Paid", formatDateTime(d.paidAt)],
        ["Total", formatPrice(d.priceCents, d.currency)],
      ],
    },
    { kind: "quote", label: "License", text: licenseText(d.license) },
    ...(d.license.url ? [{ kind: "link" as const, label: `Read the full ${d.license.name}`, url: d.license.url }] : []),
    { kind: "button", label: "Open your library", url: d.libraryUrl },
    { kind: "link", label: "View the listing", url: d.listingUrl },
    { kind: "paragraph", text: "Keep this email as your receipt. Your order history is always in your library." },
  ],
});

export const sale: Content<"sale"> = (d) => ({
  subject: d.priceCents > 0 ? `You made a sale: “${d.listingTitle}” (${formatPrice(d.priceCents, d.currency)})` : `Someone got “${d.listingTitle}”`,
  heading: d.priceCents > 0 ? "You made a sale" : "Someone got your free listing",
  blocks: [
    { kind: "paragraph", text: d.priceCents > 0 ? `Someone bought “${d.listingTitle}”.` : `Someone added “${d.listingTitle}” to their library.` },
    {
      kind: "facts",
      rows: [
        ["Price", formatPrice(d.priceCents, d.currency)],
        ["Platform fee", formatMoney(d.feeCents, d.currency)],
        ["You earn", formatMoney(d.shareCents, d.currency)],
        ["When", formatDateTime(d.paidAt)],
      ],
    },
    { kind: "button", label: "Open your dashboard", url: "/dashboard" },
  ],
});

/** "$12.00 + €3.00": one amount per currency. */
function totals(amounts: { cents: number; currency: string }[]): string {
  const byCurrency = new Map<string, number>();
  for (const a of amounts) byCurrency.set(a.currency, (byCurrency.get(a.currency) ?? 0) + a.cents);
  return [...byCurrency].map(([currency, cents]) => formatMoney(cents, currency)).join(" + ") || formatMoney(0);
}

export const saleDigest: Content<"sale_digest"> = ({ sales }) => {
  const earned = totals(sales.map((s) => ({ cents: s.shareCents, currency: s.currency })));
  const count = `${sales.length} ${sales.length === 1 ? "sale" : "sales"}`;
  return {
    subject: `Your sales digest: ${count}, ${earned} earned`,
    heading: "Your sales since the last digest",
    blocks: [
      { kind: "paragraph", text: `You made ${count} and earned ${earned}.` },
      {
        kind: "facts",
        rows: sales.map((s) => [
          s.listingTitle,
          `${formatPrice(s.priceCents, s.currency)} · you earn ${formatMoney(s.shareCents, s.currency)}\n${formatDateTime(s.paidAt)}`,
        ]),
      },
      { kind: "button", label: "Open your dashboard", url: "/dashboard" },
    ],
  };
};

export const refundBuyer: Content<"refund_buyer"> = (d) => ({
  subject: `Refund for “${d.listingTitle}”`,
  heading: "Your refund is on its way",
  blocks: [
    { kind: "paragraph", text: `We refunded ${formatMoney(d.refundedCents, d.currency)} for “${d.listingTitle}”.` },
    {
      kind: "paragraph",
      text: d.fullRefund
        ? "The purchase was refunded in full, so it has left your library."
        : "This is a partial refund: you keep the listing in your library.",
    },
    { kind: "facts", rows: [["Order", d.orderId]] },
    { kind: "paragraph", text: "Refunds usually show on your statement within 5–10 business days." },
    { kind: "link", label: "Your orders", url: "/library/orders" },
  ],
});

export const refundCreator: Content<"refund_creator"> = (d) => ({
  subject: `A sale of “${d.listingTitle}” was refunded`,
  heading: "A sale was refunded",
  blocks: [
    {
      kind: "paragraph",
      text: `${formatMoney(d.refundedCents, d.currency)} of a sale of “${d.listingTitle}” went back to the buyer${d.fullRefund ? " (a full refund)" : ""}. Your share of it was taken back from your balance.`,
    },
    {
      kind: "facts",
      rows: [
        ["Order", d.orderId],
        ["Refunded", formatMoney(d.refundedCents, d.currency)],
        ["From your share", formatMoney(d.shareReversedCents, d.currency)],
      ],
    },
    { kind: "button", label: "Open your dashboard", url: "/dashboard" },
  ],
});

export const newVersion: Content<"new_version"> = (d) => ({
  subject: `New version of “${d.listingTitle}” (v${d.versionNumber})`,
  heading: `“${d.listingTitle}” has a new version`,
  blocks: [
    { kind: "paragraph", text: `Version ${d.versionNumber} of “${d.listingTitle}”, which you own, is out. It's already in your library, at no cost.` },
    ...(d.changelog.trim() ? [{ kind: "quote" as const, label: "What changed", text: d.changelog }] : []),
    { kind: "button", label: "Open it in your library", url: d.libraryUrl },
  ],
});

const payoutsLink = { kind: "button", label: "See your payouts", url: "/dashboard/payouts" } as const;

export const payoutSent: Content<"payout_sent"> = (d) => ({
  subject: `Payout sent: ${formatMoney(d.amountCents, d.currency)} for ${periodLabel(d.period)}`,
  heading: "Your payout is on its way",
  blocks: [
    {
      kind: "paragraph",
      text: `We sent ${formatMoney(d.amountCents, d.currency)}, your earnings for ${periodLabel(d.period)}, to your connected Stripe account. Banks usually show it within two business days.`,
    },
    payoutsLink,
  ],
});

export const payoutHeld: Content<"payout_held"> = (d) => ({
  subject: `Payout on hold: ${formatMoney(d.amountCents, d.currency)} for ${periodLabel(d.period)}`,
  heading: "Your payout is on hold",
  blocks: [
    { kind: "paragraph", text: `We couldn't send your ${periodLabel(d.period)} payout of ${formatMoney(d.amountCents, d.currency)} this time.` },
    { kind: "quote", label: "Why", text: d.reason },
    payoutsLink,
  ],
});

export const payoutFailed: Content<"payout_failed"> = (d) => ({
  subject: `Payout failed: ${formatMoney(d.amountCents, d.currency)} for ${periodLabel(d.period)}`,
  heading: "Your payout failed",
  blocks: [
    {
      kind: "paragraph",
      text: `Stripe refused the transfer of ${formatMoney(d.amountCents, d.currency)} for ${periodLabel(d.period)}. The money is back in your Agora balance.`,
    },
    { kind: "quote", label: "Why", text: d.reason },
    { kind: "paragraph", text: "Check your payout account; we try again at the next daily run." },
    payoutsLink,
  ],
});
