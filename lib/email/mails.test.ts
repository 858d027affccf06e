// The mails the product sends, end to end through a real SMTP server: receipt and sale on fulfilment (each sale,
// daily digest or none), refunds, new versions with one-click unsubscribe, payouts sent / held / failed.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listingVersions, orders } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { notifyOwners } from "@/lib/listings/owners";
import { fulfilOrder } from "@/lib/orders/fulfil";
import { applyRefund } from "@/lib/orders/refunds";
import { paymentsDriver } from "@/lib/payments/driver";
import { clearLocalTransferFaults, injectLocalTransferFault } from "@/lib/payments/local-transfer-faults";
import { lastClosedPeriod, periodBounds } from "@/lib/settlement/periods";
import { settlePeriod } from "@/lib/settlement/settle";
import { recordSale, sellingCreator } from "@/lib/settlement/testing/fixtures";
import { makeCreator, makeListing, makeOrder, makeOwner, makeUser } from "@/lib/testing/fixtures";
import { LICENSE_PRESETS } from "@/lib/licenses/licenses";
import { nextDigestAt, saveEmailPreferences } from "./preferences";
import { sweepOutbox } from "./sweep";
import { clearOutbox, mailEnvironment, outboxRows, TEST_APP_URL } from "./testing/fixtures";
import type { ReceivedMail } from "./testing/smtp-sink";

let smtp: Awaited<ReturnType<typeof mailEnvironment>>;

beforeAll(async () => {
  smtp = await mailEnvironment();
});
afterAll(() => smtp.done());
beforeEach(async () => {
  smtp.mails.length = 0;
  await clearOutbox(testDatabase().db);
});

const to = (address: string) => smtp.mails.filter((m) => m.envelopeTo.includes(address));
const only = (address: string): ReceivedMail => {
  const mails = to(address);
  expect(mails, `mail to ${address}`).toHaveLength(1);
  return mails[0];
};

async function paidSale(priceCents = 1500) {
  const db = testDatabase().db;
  const creator = await makeCreator(db);
  const listing = await makeListing(db, creator, { priceCents, title: `Sharp Prompts ${Math.random().toString(36).slice(2, 6)}` });
  const buyer = await makeUser(db);
  const order = await makeOrder(db, buyer, listing, { status: "pending" });
  const result = await db.transaction((tx) => fulfilOrder(tx, { orderId: order.id }));
  expect(result.outcome).toBe("fulfilled");
  return { creator, listing, buyer, order };
}

describe("order mails", () => {
  it("a paid order sends the buyer a receipt with the license and a library link, and the creator a sale mail", async () => {
    const db = testDatabase().db;
    const { creator, listing, buyer, order } = await paidSale(1500);
    await sweepOutbox({ db });
    const receipt = only(buyer.email);
    expect(receipt.subject).toBe(`Your receipt for “${listing.title}”`);
    expect(receipt.text).toContain(order.id);
    expect(receipt.text).toContain("$15.00");
    expect(receipt.text).toContain(`Open your library: ${TEST_APP_URL}/library/${listing.id}`);
    expect(receipt.html).toContain(`href="${TEST_APP_URL}/library/${listing.id}"`);
    expect(receipt.html).toContain(`href="${TEST_APP_URL}/l/${listing.slug}"`);
    // Versions from before licenses carry the default: the receipt names it and its rights.
    expect(receipt.text).toContain(LICENSE_PRESETS["agora-standard-personal"].name);
    expect(receipt.text).toContain("No commercial use");
    const sale = only(creator.email);
    expect(sale.subject).toBe(`You made a sale: “${listing.title}” ($15.00)`);
    expect(sale.text).toContain("You earn");
    expect(sale.text).toContain("$12.00");
    expect(sale.text).toContain(`${TEST_APP_URL}/dashboard`);
    expect(sale.text).toContain(`${TEST_APP_URL}/account/notifications`);
    expect(sale.headers.get("list-unsubscribe")).toMatch(new RegExp(`^<${TEST_APP_URL}/api/email/unsubscribe\\?token=`));
  });

  it("fulfilling an order twice sends one receipt", async () => {
    const db = testDatabase().db;
    const { buyer, order } = await paidSale();
    expect((await db.transaction((tx) => fulfilOrder(tx, { orderId: order.id }))).outcome).toBe("already");
    await sweepOutbox({ db });
    expect(to(buyer.email)).toHaveLength(1);
  });

  it("holds sales for a creator who chose the daily digest and sends them as one mail at digest time", async () => {
    const db = testDatabase().db;
    const creator = await makeCreator(db);
    await saveEmailPreferences(db, creator.id, { saleEmails: "digest" });
    const first = await makeListing(db, creator, { priceCents: 1000, title: "Digest One" });
    const second = await makeListing(db, creator, { priceCents: 2000, title: "Digest Two" });
    for (const listing of [first, second]) {
      const order = await makeOrder(db, await makeUser(db), listing, { status: "pending" });
      await db.transaction((tx) => fulfilOrder(tx, { orderId: order.id }));
    }
    expect(await sweepOutbox({ db })).toMatchObject({ digests: 0, sent: 2 });
    expect(to(creator.email)).toHaveLength(0);
    const digestTime = nextDigestAt(new Date());
    expect(await sweepOutbox({ db, now: digestTime })).toMatchObject({ digests: 1, sent: 1 });
    const digest = only(creator.email);
    expect(digest.subject).toBe("Your sales digest: 2 sales, $24.00 earned");
    expect(digest.text).toContain("Digest One");
    expect(digest.text).toContain("Digest Two");
    // Held sales went out once, inside the digest.
    expect(await sweepOutbox({ db, now: new Date(digestTime.getTime() + 86_400_000) })).toMatchObject({ digests: 0, claimed: 0 });
    const rows = await outboxRows(db, creator.email);
    expect(rows.map((r) => r.status).sort()).toEqual(["digested", "digested", "sent"]);
  });

  it("sends no sale mail to a creator who turned sale emails off, but the buyer still gets the receipt", async () => {
    const db = testDatabase().db;
    const creator = await makeCreator(db);
    await saveEmailPreferences(db, creator.id, { saleEmails: "off" });
    const listing = await makeListing(db, creator, { priceCents: 700 });
    const buyer = await makeUser(db);
    const order = await makeOrder(db, buyer, listing, { status: "pending" });
    await db.transaction((tx) => fulfilOrder(tx, { orderId: order.id }));
    await sweepOutbox({ db });
    expect(to(creator.email)).toHaveLength(0);
    expect(to(buyer.email)).toHaveLength(1);
  });

  it("a refund tells the buyer and the creator, with the amounts of this refund", async () => {
    const db = testDatabase().db;
    const { creator, listing, buyer, order } = await paidSale(2000);
    await sweepOutbox({ db });
    smtp.mails.length = 0;
    await db.transaction((tx) => applyRefund(tx, order.id, 500));
    await db.transaction((tx) => applyRefund(tx, order.id, 2000));
    await sweepOutbox({ db });
    // Sent in parallel: told apart by amount, not by arrival order.
    const buyerMails = to(buyer.email);
    expect(buyerMails.map((m) => m.subject)).toEqual([`Refund for “${listing.title}”`, `Refund for “${listing.title}”`]);
    const partial = buyerMails.find((m) => m.text.includes("We refunded $5.00"));
    const rest = buyerMails.find((m) => m.text.includes("We refunded $15.00"));
    expect(partial?.text).toContain("you keep the listing");
    expect(rest?.text).toContain("refunded in full");
    const creatorMails = to(creator.email);
    expect(creatorMails.map((m) => m.subject)).toEqual([`A sale of “${listing.title}” was refunded`, `A sale of “${listing.title}” was refunded`]);
    // $2000 at 20%: the creator's $16.00 share comes back as $4.00 then $12.00.
    expect(creatorMails.some((m) => /From your share:\s+\$4\.00/.test(m.text))).toBe(true);
    expect(creatorMails.some((m) => /From your share:\s+\$12\.00/.test(m.text))).toBe(true);
  });

  it("a rolled-back fulfilment sends neither receipt nor sale mail", async () => {
    const db = testDatabase().db;
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { priceCents: 900 });
    const buyer = await makeUser(db);
    const order = await makeOrder(db, buyer, listing, { status: "pending" });
    await expect(
      db.transaction(async (tx) => {
        await fulfilOrder(tx, { orderId: order.id });
        throw new Error("crash after fulfilment");
      }),
    ).rejects.toThrow("crash after fulfilment");
    expect((await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id)))[0].status).toBe("pending");
    expect(await sweepOutbox({ db })).toMatchObject({ claimed: 0 });
    expect(smtp.mails).toHaveLength(0);
  });
});

describe("new version mails", () => {
  it("tells every owner with a one-click unsubscribe (link and List-Unsubscribe headers), skipping owners who opted out", async () => {
    const db = testDatabase().db;
    const creator = await makeCreator(db);
    const listing = await makeListing(db, creator, { title: "Versioned Pack", versions: [{}, {}] });
    const owner = await makeOwner(db, listing.id, creator.id);
    const quiet = await makeOwner(db, listing.id, creator.id);
    await saveEmailPreferences(db, quiet.id, { newVersionEmails: false });
    const v2 = listing.versions[1];
    await db.update(listingVersions).set({ changelog: "Sharper examples\nand a new variable" }).where(eq(listingVersions.id, v2.id));
    await db.transaction((tx) => notifyOwners(tx, listing.id, { type: "new_version", title: "new", data: { listingId: listing.id, versionId: v2.id } }));
    await sweepOutbox({ db });
    expect(to(quiet.email)).toHaveLength(0);
    const mail = only(owner.email);
    expect(mail.subject).toBe("New version of “Versioned Pack” (v2)");
    expect(mail.text).toContain("> Sharper examples");
    expect(mail.text).toContain(`${TEST_APP_URL}/library/${listing.id}`);
    expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const header = mail.headers.get("list-unsubscribe") ?? "";
    expect(header).toMatch(new RegExp(`^<${TEST_APP_URL}/api/email/unsubscribe\\?token=[^>]+>$`));
    expect(mail.text).toMatch(new RegExp(`Unsubscribe from new-version emails: ${TEST_APP_URL}/email/unsubscribe\\?token=`));
    expect(mail.html).toContain(`${TEST_APP_URL}/email/unsubscribe?token=`);
  });
});

describe("payout mails", () => {
  it("tells creators their payout was sent, or why it is held or failed", async () => {
    const db = testDatabase().db;
    const period = lastClosedPeriod(new Date());
    const inPeriod = new Date(periodBounds(period).start.getTime() + 3_600_000);
    const paid = await sellingCreator(db, "active");
    const held = await sellingCreator(db, "none");
    const refused = await sellingCreator(db, "active");
    const quiet = await sellingCreator(db, "none");
    await saveEmailPreferences(db, quiet.id, { payoutEmails: false });
    for (const c of [paid, held, refused, quiet]) await recordSale(db, c, 5000, inPeriod);
    injectLocalTransferFault({ destinationAccountId: refused.stripeAccountId ?? undefined, fault: "definite", times: Infinity });
    try {
      await settlePeriod(db, await paymentsDriver(), { period });
    } finally {
      clearLocalTransferFaults();
    }
    await sweepOutbox({ db });
    const email = async (id: string) => (await outboxRows(db)).find((r) => r.userId === id)?.toAddress ?? "";
    const sent = only(await email(paid.id));
    expect(sent.subject).toMatch(/^Payout sent: \$40\.00 for /);
    expect(sent.text).toContain(`${TEST_APP_URL}/dashboard/payouts`);
    const onHold = only(await email(held.id));
    expect(onHold.subject).toMatch(/^Payout on hold: \$40\.00 for /);
    expect(onHold.text).toContain("finish onboarding");
    const failed = only(await email(refused.id));
    expect(failed.subject).toMatch(/^Payout failed: \$40\.00 for /);
    expect(failed.text).toContain("back in your Agora balance");
    // A creator who turned payout emails off is told in the app only.
    expect((await outboxRows(db)).filter((r) => r.userId === quiet.id)).toEqual([]);
  });
});
