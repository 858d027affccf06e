// The XSS journey's rows (e2e/xss.spec.ts): every user-text field the product shows, filled with the XSS corpus,
// written straight into the e2e database before the server starts (the UI would take minutes per row).
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  auditLog,
  creatorProfiles,
  emailOutbox,
  ledgerEntries,
  listingRevisions,
  listings,
  listingVersions,
  notifications,
  orders,
  reports,
  reviews,
  users,
} from "@/db/schema";
import type { MailTemplate, MailTemplates } from "@/lib/email/mail-types";
import { MAIL_TEMPLATES } from "@/lib/email/mail-types";
import { saleLines } from "@/lib/ledger/journal";
import type { ListingContent } from "@/lib/listings/content";
import { buildPreview } from "@/lib/listings/preview";
import { orderValues, samplePromptContent } from "@/lib/testing/fixtures";
import { XSS_ACCOUNTS, XSS_CORPUS, XSS_PENDING_TITLE, XSS_REVISION_TITLE, XSS_SEARCH_TAG, xssHandle, xssMailAddress, type XssPayload } from "./xss-corpus";

const PRICE = 500;
const DAY = 24 * 3600_000;

function customLicense(text: string) {
  return { id: "custom", name: text, terms: text, commercialUse: true, derivatives: false, resaleOfOutputs: false, creditRequired: true };
}

/** A mail of `template` whose every text field is `text` (links as app paths carrying it). */
function mailData<K extends MailTemplate>(template: K, text: string, now: Date): MailTemplates[K] {
  const at = now.toISOString();
  const url = `/library?x=${encodeURIComponent(text)}`;
  const money = { currency: "usd" };
  const all: { [T in MailTemplate]: MailTemplates[T] } = {
    verify_email: { url },
    password_reset: { url },
    email_change_verify: { url, newEmail: text },
    email_changed_notice: { newEmail: text },
    account_exists: { signInUrl: url, resetUrl: url },
    new_sign_in: { when: at, device: text, ip: text },
    report_outcome: { what: text, outcome: text, note: text },
    listing_removed: { title: text, reason: text, counterNoticeUrl: url },
    listing_restored: { title: text, note: text, listingUrl: url },
    order_receipt: {
      orderId: text,
      listingTitle: text,
      listingUrl: url,
      creatorName: text,
      versionNumber: 1,
      priceCents: PRICE,
      ...money,
      paidAt: at,
      license: { ...customLicense(text), url: text },
      libraryUrl: url,
    },
    sale: { orderId: text, listingTitle: text, priceCents: PRICE, feeCents: 100, shareCents: 400, ...money, paidAt: at },
    sale_digest: { sales: [{ listingTitle: text, priceCents: PRICE, shareCents: 400, ...money, paidAt: at }] },
    refund_buyer: { orderId: text, listingTitle: text, refundedCents: PRICE, ...money, fullRefund: true },
    refund_creator: { orderId: text, listingTitle: text, refundedCents: PRICE, shareReversedCents: 400, ...money, fullRefund: false },
    new_version: { listingTitle: text, versionNumber: 2, changelog: text, libraryUrl: url },
    // A period is the settlement's own "YYYY-MM", never typed by anyone.
    payout_sent: { period: "2026-10", amountCents: PRICE, ...money },
    payout_held: { period: "2026-10", amountCents: PRICE, ...money, reason: text },
    payout_failed: { period: "2026-10", amountCents: PRICE, ...money, reason: text },
  };
  return all[template] as MailTemplates[K];
}

async function insertUser(db: Db, email: string, name: string, passwordHash: string | null, role: "user" | "admin" = "user") {
  const [user] = await db.insert(users).values({ email, name, passwordHash, role }).returning({ id: users.id });
  return user.id;
}

/** A prompt whose creator-written parts (template, variable notes, example output) are the payload. */
function probeContent(text: string): ListingContent {
  return {
    kind: "prompt",
    template: `Write about {{topic}}. ${text}`,
    variables: [{ name: "topic", description: text, example: text }],
    targetModel: "gpt-4o",
    exampleOutputs: [{ input: text, output: text }],
  };
}

type ProbeListing = { id: string; creatorId: string; versionId: string };

/** Creator n with their store (display name and bio), one published listing carrying payload n in every text field. */
async function seedProbeListing(db: Db, p: XssPayload, publishedAt: Date): Promise<ProbeListing> {
  const creatorId = await insertUser(db, `xss-creator-${p.n}@e2e.test`, p.text, null);
  await db.insert(creatorProfiles).values({ userId: creatorId, handle: xssHandle(p.n), displayName: p.text, bio: p.text });
  const [listing] = await db
    .insert(listings)
    .values({
      creatorId,
      slug: xssHandle(p.n),
      kind: "prompt",
      status: "published",
      title: p.text,
      summary: p.text,
      description: p.text,
      category: "writing",
      // Tags are checked by shape in the editor; rows may still hold anything, so the pages must escape them too.
      tags: [XSS_SEARCH_TAG, p.text],
      priceCents: PRICE,
      preview: buildPreview(probeContent(p.text)),
      // Long published and little sold: the journeys that read the newest or most popular cards never meet these.
      publishedAt,
      createdAt: publishedAt,
    })
    .returning({ id: listings.id });
  const [version] = await db
    .insert(listingVersions)
    .values({
      listingId: listing.id,
      number: 1,
      content: probeContent(p.text),
      changelog: p.text,
      license: customLicense(p.text),
      reviewStatus: "approved",
      reviewedAt: publishedAt,
    })
    .returning({ id: listingVersions.id });
  await db.update(listings).set({ currentVersionId: version.id }).where(eq(listings.id, listing.id));
  return { id: listing.id, creatorId, versionId: version.id };
}

/** A paid order with its balanced sale journal. */
async function paidOrder(db: Db, buyerId: string, listing: ProbeListing, key: string, paidAt: Date): Promise<string> {
  const values = orderValues(buyerId, listing, PRICE);
  const [order] = await db
    .insert(orders)
    .values({ ...values, status: "paid", checkoutSessionId: `cs_xss_${key}`, paidAt, createdAt: paidAt })
    .returning({ id: orders.id });
  const journalId = randomUUID();
  await db.insert(ledgerEntries).values(saleLines(values).map((line) => ({ journalId, ...line, kind: "sale", orderId: order.id, createdAt: paidAt })));
  return order.id;
}

export async function seedXssFixtures(db: Db, passwordHash: string, now = new Date()) {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, XSS_ACCOUNTS.libraryBuyer.email));
  if (existing) return;
  const publishedAt = new Date(now.getTime() - 400 * DAY);
  const corpusText = XSS_CORPUS.map((p) => p.text).join("\n\n");

  // The buyer who owns every probe listing: library, receipts and notifications. Their own name is a payload too.
  const libraryBuyerId = await insertUser(db, XSS_ACCOUNTS.libraryBuyer.email, XSS_ACCOUNTS.libraryBuyer.name, passwordHash);
  // The admin whose audit entries carry payloads (an actor row only: nobody signs in as them).
  const auditAdminId = await insertUser(db, XSS_ACCOUNTS.auditAdmin.email, XSS_ACCOUNTS.auditAdmin.name, null, "admin");

  const probes: ProbeListing[] = [];
  for (const p of XSS_CORPUS) {
    const listing = await seedProbeListing(db, p, publishedAt);
    probes.push(listing);
    // Seconds ago, so the sales stay in the current month and out of the settlement journeys' closed period.
    const paidAt = new Date(now.getTime() - (60 - p.n) * 1000);

    // Reviewer n bought listing n, reviewed it, was answered, and reported it (copyright, with a claim).
    const reviewerId = await insertUser(db, `xss-buyer-${p.n}@e2e.test`, p.text, null);
    const reviewerOrder = await paidOrder(db, reviewerId, listing, `r${p.n}`, paidAt);
    await db.insert(reviews).values({
      orderId: reviewerOrder,
      listingId: listing.id,
      authorId: reviewerId,
      rating: 4,
      body: p.text,
      creatorReply: p.text,
      repliedAt: paidAt,
    });
    await db.insert(reports).values({
      reporterId: reviewerId,
      targetType: "listing",
      listingId: listing.id,
      reason: "copyright",
      details: p.text,
      claimedWork: p.text,
      claimantContact: p.text,
      goodFaithAt: paidAt,
      createdAt: paidAt,
    });

    await paidOrder(db, libraryBuyerId, listing, `l${p.n}`, paidAt);
    await db.update(listings).set({ salesCount: 2, ratingSum: 4, ratingCount: 1 }).where(eq(listings.id, listing.id));
    await db.insert(notifications).values({
      userId: libraryBuyerId,
      type: "new_version",
      title: p.text,
      body: p.text,
      link: `/l/${xssHandle(p.n)}`,
      createdAt: paidAt,
    });
    await db.insert(auditLog).values({
      actorId: auditAdminId,
      action: "user.suspend",
      targetType: "user",
      targetId: listing.creatorId,
      details: { reason: p.text, from: "active", to: "suspended" },
    });
  }

  // Waiting for approval: a new listing (its first version) and a live listing's changed details, the whole corpus each.
  const [pending] = await db
    .insert(listings)
    .values({
      creatorId: probes[0].creatorId,
      slug: "xss-probe-pending",
      kind: "prompt",
      status: "pending_review",
      title: XSS_PENDING_TITLE,
      summary: XSS_CORPUS[0].text,
      description: corpusText,
      category: "writing",
      tags: [XSS_SEARCH_TAG],
      priceCents: PRICE,
      preview: buildPreview(samplePromptContent),
    })
    .returning({ id: listings.id });
  await db.insert(listingVersions).values({
    listingId: pending.id,
    number: 1,
    content: samplePromptContent,
    changelog: corpusText,
    license: customLicense(XSS_CORPUS[1].text),
    reviewStatus: "pending_review",
    submittedAt: now,
  });
  await db.insert(listingRevisions).values({
    listingId: probes[1].id,
    authorId: probes[1].creatorId,
    title: XSS_REVISION_TITLE,
    summary: XSS_CORPUS[2].text,
    description: corpusText,
    category: "writing",
    tags: [XSS_SEARCH_TAG],
  });

  // Mail: each payload through one template in turn, and each template once with the whole corpus. The journey
  // sends them with the cron sweep and renders every HTML part.
  const mails = XSS_CORPUS.map((p, i) => ({ template: MAIL_TEMPLATES[i % MAIL_TEMPLATES.length], text: p.text, key: `p${p.n}` }));
  for (const template of MAIL_TEMPLATES) mails.push({ template, text: corpusText, key: "all" });
  await db
    .insert(emailOutbox)
    .values(mails.map((m) => ({ template: m.template, toAddress: xssMailAddress(m.template, m.key), data: mailData(m.template, m.text, now) })));
}
