// The real Stripe SDK pointed at a local fake server: the requests it sends are what we promise Stripe.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { actorFor, createCreator, createPublishedListing, createUser } from "@/db/testing/factories";
import { testDatabase } from "@/db/testing/setup";
import { startCheckout } from "@/lib/orders/checkout";
import { setPaymentsDriver } from "./driver";
import { createStripeDriver } from "./stripe-driver";

type Recorded = { method: string; path: string; headers: IncomingMessage["headers"]; form: URLSearchParams };

let server: Server;
let base: string;
const recorded: Recorded[] = [];

function respond(path: string, form: URLSearchParams): Record<string, unknown> {
  if (path === "/v1/checkout/sessions") {
    return { id: "cs_test_fake123", object: "checkout.session", url: "https://checkout.stripe.test/c/pay/cs_test_fake123", status: "open", payment_status: "unpaid" };
  }
  if (path === "/v1/transfers") return { id: "tr_fake_1", object: "transfer", amount: Number(form.get("amount")) };
  if (path === "/v1/refunds") return { id: "re_fake_1", object: "refund", amount: Number(form.get("amount")) };
  if (path === "/v1/accounts") return { id: "acct_fake_1", object: "account" };
  if (path === "/v1/account_links") return { object: "account_link", url: "https://connect.stripe.test/setup/e/acct_fake_1" };
  if (path.startsWith("/v1/payment_intents/")) return { id: path.split("/").pop(), object: "payment_intent", metadata: { order_id: "00000000-0000-4000-8000-000000000009" } };
  return { error: { type: "invalid_request_error", message: `no fake for ${path}` } };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0];
      const form = new URLSearchParams(body);
      recorded.push({ method: req.method ?? "", path, headers: req.headers, form });
      const payload = respond(path, form);
      res.writeHead("error" in payload ? 404 : 200, { "Content-Type": "application/json", "Request-Id": "req_fake" });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  recorded.length = 0;
});
afterEach(() => setPaymentsDriver(undefined));

describe("Stripe driver", () => {
  it("opens a Checkout Session in payment mode priced from the database, with the order id, URLs and an idempotency key", async () => {
    const db: Db = testDatabase().db;
    setPaymentsDriver(createStripeDriver({ secretKey: "sk_test_fake", apiBase: base }));
    const creator = await createCreator(db);
    const listing = await createPublishedListing(db, creator.id, { priceCents: 2499, title: "Cinematic Portrait Prompt" });
    const buyer = await createUser(db, { email: "stripe-buyer@example.test" });
    const result = await startCheckout(db, await actorFor(db, buyer.id), {
      listingId: listing.id,
      successUrl: "https://agora.test/checkout/success?session_id={CHECKOUT_SESSION_ID}",
      cancelUrl: `https://agora.test/l/${listing.slug}`,
    });
    expect(result).toMatchObject({ kind: "checkout", url: "https://checkout.stripe.test/c/pay/cs_test_fake123" });

    const call = recorded.find((r) => r.path === "/v1/checkout/sessions");
    expect(call?.method).toBe("POST");
    const f = call!.form;
    expect(f.get("mode")).toBe("payment");
    expect(f.get("line_items[0][quantity]")).toBe("1");
    expect(f.get("line_items[0][price_data][unit_amount]")).toBe("2499");
    expect(f.get("line_items[0][price_data][currency]")).toBe("usd");
    expect(f.get("line_items[0][price_data][product_data][name]")).toBe("Cinematic Portrait Prompt");
    expect(f.get("client_reference_id")).toBe(result.orderId);
    expect(f.get("metadata[order_id]")).toBe(result.orderId);
    expect(f.get("payment_intent_data[metadata][order_id]")).toBe(result.orderId);
    expect(f.get("customer_email")).toBe("stripe-buyer@example.test");
    expect(f.get("success_url")).toBe("https://agora.test/checkout/success?session_id={CHECKOUT_SESSION_ID}");
    expect(f.get("cancel_url")).toBe(`https://agora.test/l/${listing.slug}`);
    expect(call!.headers["idempotency-key"]).toBe(`checkout-${result.orderId}-first`);
    expect(call!.headers.authorization).toBe("Bearer sk_test_fake");
  });

  it("sends payouts as transfers keyed by the payout id, with the settlement period as transfer group", async () => {
    const driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base });
    const transfer = await driver.createTransfer({ payoutId: "po_123", amountCents: 8000, currency: "usd", destinationAccountId: "acct_creator", transferGroup: "2026-10" });
    expect(transfer.id).toBe("tr_fake_1");
    const call = recorded.find((r) => r.path === "/v1/transfers")!;
    expect(call.form.get("amount")).toBe("8000");
    expect(call.form.get("currency")).toBe("usd");
    expect(call.form.get("destination")).toBe("acct_creator");
    expect(call.form.get("transfer_group")).toBe("2026-10");
    expect(call.form.get("metadata[payout_id]")).toBe("po_123");
    expect(call.headers["idempotency-key"]).toBe("payout-po_123");
  });

  it("refunds against the payment intent with the given amount and idempotency key", async () => {
    const driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base });
    await driver.refund({ orderId: "o1", paymentIntentId: "pi_1", amountCents: 300, idempotencyKey: "refund-o1-300" });
    const call = recorded.find((r) => r.path === "/v1/refunds")!;
    expect(call.form.get("payment_intent")).toBe("pi_1");
    expect(call.form.get("amount")).toBe("300");
    expect(call.headers["idempotency-key"]).toBe("refund-o1-300");
  });

  it("creates Express accounts and onboarding links for creators", async () => {
    const driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base });
    const { accountId } = await driver.createConnectAccount({ creatorId: "c1", email: "c@example.test" });
    const { url } = await driver.createAccountLink({ accountId, refreshUrl: "https://agora.test/r", returnUrl: "https://agora.test/done" });
    expect(accountId).toBe("acct_fake_1");
    expect(url).toContain("acct_fake_1");
    const account = recorded.find((r) => r.path === "/v1/accounts")!;
    expect(account.form.get("type")).toBe("express");
    expect(account.form.get("capabilities[transfers][requested]")).toBe("true");
    const link = recorded.find((r) => r.path === "/v1/account_links")!;
    expect(link.form.get("type")).toBe("account_onboarding");
    expect(link.form.get("account")).toBe("acct_fake_1");
  });

  it("reads the order id back from a payment intent's metadata", async () => {
    const driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base });
    expect(await driver.orderIdForPaymentIntent("pi_abc")).toBe("00000000-0000-4000-8000-000000000009");
    expect(recorded.at(-1)).toMatchObject({ method: "GET", path: "/v1/payment_intents/pi_abc" });
  });
});
