// The real Stripe SDK pointed at a local fake server: the requests it sends are what we promise Stripe.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { actorFor, makeCreator, makeListing, makeUser } from "@/lib/testing/fixtures";
import { testDatabase } from "@/db/testing/setup";
import { startCheckout } from "@/lib/orders/checkout";
import { setPaymentsDriver, TransferError } from "./driver";
import { createStripeDriver } from "./stripe-driver";

type Recorded = { method: string; path: string; query: URLSearchParams; headers: IncomingMessage["headers"]; form: URLSearchParams };

/** What the fake answers: a JSON reply, or a connection dropped / left hanging before any answer. */
type Reply = { status: number; body: Record<string, unknown>; headers?: Record<string, string> } | "drop" | "hang";
type Script = (request: Recorded) => Reply | undefined;

let server: Server;
let base: string;
const recorded: Recorded[] = [];
// A test may take over a path; anything it leaves undefined falls through to the default fakes.
let script: Script | undefined;

function respond(path: string, form: URLSearchParams): Record<string, unknown> {
  if (path === "/v1/checkout/sessions") {
    return {
      id: "cs_test_fake123",
      object: "checkout.session",
      url: "https://checkout.stripe.test/c/pay/cs_test_fake123",
      status: "open",
      payment_status: "unpaid",
    };
  }
  if (path === "/v1/transfers")
    return transferJson({
      id: "tr_fake_1",
      amount: Number(form.get("amount")),
      currency: form.get("currency"),
      destination: form.get("destination"),
      transfer_group: form.get("transfer_group"),
      metadata: { payout_id: form.get("metadata[payout_id]") },
    });
  if (path === "/v1/refunds") return { id: "re_fake_1", object: "refund", amount: Number(form.get("amount")) };
  if (path === "/v1/accounts") return { id: "acct_fake_1", object: "account" };
  if (path === "/v1/account_links") return { object: "account_link", url: "https://connect.stripe.test/setup/e/acct_fake_1" };
  if (path.startsWith("/v1/payment_intents/"))
    return { id: path.split("/").pop(), object: "payment_intent", metadata: { order_id: "00000000-0000-4000-8000-000000000009" } };
  return { error: { type: "invalid_request_error", message: `no fake for ${path}` } };
}

function transferJson(fields: Record<string, unknown>): Record<string, unknown> {
  return { object: "transfer", amount_reversed: 0, reversed: false, created: 1_790_000_000, currency: "usd", metadata: {}, ...fields };
}

function stripeError(status: number, type: string, code: string | undefined, message: string): Reply {
  return { status, body: { error: { type, ...(code ? { code } : {}), message } } };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const [path, search = ""] = (req.url ?? "").split("?");
      const form = new URLSearchParams(body);
      const request = { method: req.method ?? "", path, query: new URLSearchParams(search), headers: req.headers, form };
      recorded.push(request);
      const reply = script?.(request);
      if (reply === "drop") return req.socket.destroy();
      if (reply === "hang") return;
      const payload = reply?.body ?? respond(path, form);
      const status = reply?.status ?? ("error" in payload ? 404 : 200);
      res.writeHead(status, { "Content-Type": "application/json", "Request-Id": "req_fake", ...reply?.headers });
      res.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
beforeEach(() => {
  recorded.length = 0;
  script = undefined;
});
afterEach(() => setPaymentsDriver(undefined));

const transferRequest = {
  payoutId: "8d4b2a56-93a4-4c1e-b0a2-4f3f7f2f1a10",
  amountCents: 8000,
  currency: "usd",
  destinationAccountId: "acct_creator",
  transferGroup: "2026-10",
  idempotencyKey: "8d4b2a56-93a4-4c1e-b0a2-4f3f7f2f1a10",
};

function transferCalls() {
  return recorded.filter((r) => r.method === "POST" && r.path === "/v1/transfers");
}

async function transferFailure(driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base })): Promise<TransferError> {
  const error = await driver.createTransfer(transferRequest).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransferError);
  return error as TransferError;
}

describe("Stripe driver", () => {
  it("opens a Checkout Session in payment mode priced from the database, with the order id, URLs and an idempotency key", async () => {
    const db: Db = testDatabase().db;
    setPaymentsDriver(createStripeDriver({ secretKey: "sk_test_fake", apiBase: base }));
    const creator = await makeCreator(db, { payoutAccount: "active" });
    const listing = await makeListing(db, creator, { priceCents: 2499, title: "Cinematic Portrait Prompt" });
    const buyer = await makeUser(db, { email: "stripe-buyer@example.test" });
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

describe("Stripe driver: transfers", () => {
  it("sends a payout as a transfer with the request's idempotency key, the period as transfer group and the payout id in metadata", async () => {
    const driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base });
    const transfer = await driver.createTransfer(transferRequest);
    expect(transfer).toEqual({
      id: "tr_fake_1",
      amountCents: 8000,
      currency: "usd",
      destinationAccountId: "acct_creator",
      transferGroup: "2026-10",
      payoutId: transferRequest.payoutId,
      reversedCents: 0,
      createdAt: new Date(1_790_000_000 * 1000),
    });
    const [call] = transferCalls();
    expect(call.form.get("amount")).toBe("8000");
    expect(call.form.get("currency")).toBe("usd");
    expect(call.form.get("destination")).toBe("acct_creator");
    expect(call.form.get("transfer_group")).toBe("2026-10");
    expect(call.form.get("metadata[payout_id]")).toBe(transferRequest.payoutId);
    expect(call.headers["idempotency-key"]).toBe(transferRequest.idempotencyKey);
  });

  it("a re-claim's own key is what goes out, not one derived from the payout id", async () => {
    const driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base });
    await driver.createTransfer({ ...transferRequest, idempotencyKey: `${transferRequest.payoutId}-2` });
    expect(transferCalls()[0].headers["idempotency-key"]).toBe(`${transferRequest.payoutId}-2`);
  });

  it("a 400 balance_insufficient is an insufficient balance, not a failure", async () => {
    script = (r) =>
      r.path === "/v1/transfers"
        ? stripeError(400, "invalid_request_error", "balance_insufficient", "You have insufficient available funds in your Stripe account.")
        : undefined;
    const error = await transferFailure();
    expect(error.kind).toBe("insufficient_balance");
    expect(error.providerCode).toBe("balance_insufficient");
    expect(transferCalls()).toHaveLength(1);
  });

  it("a 400 account_invalid is a definite refusal carrying Stripe's message", async () => {
    script = (r) =>
      r.path === "/v1/transfers" ? stripeError(400, "invalid_request_error", "account_invalid", "The destination account is not valid.") : undefined;
    const error = await transferFailure();
    expect(error.kind).toBe("definite");
    expect(error.providerCode).toBe("account_invalid");
    expect(error.message).toBe("The destination account is not valid.");
  });

  it("transfers not enabled on the account (insufficient_capabilities_for_transfer) is a definite refusal", async () => {
    script = (r) =>
      r.path === "/v1/transfers"
        ? stripeError(
            400,
            "invalid_request_error",
            "insufficient_capabilities_for_transfer",
            "Your destination account needs to have the transfers capability enabled.",
          )
        : undefined;
    const error = await transferFailure();
    expect(error).toMatchObject({ kind: "definite", providerCode: "insufficient_capabilities_for_transfer" });
  });

  it("a 409 idempotency_key_in_use is ambiguous, after the SDK retried it with the same key", async () => {
    script = (r) =>
      r.path === "/v1/transfers"
        ? stripeError(409, "invalid_request_error", "idempotency_key_in_use", "There is currently another in-progress request using this Idempotent Key.")
        : undefined;
    const error = await transferFailure();
    expect(error).toMatchObject({ kind: "ambiguous", providerCode: "idempotency_key_in_use" });
    expect(new Set(transferCalls().map((c) => c.headers["idempotency-key"]))).toEqual(new Set([transferRequest.idempotencyKey]));
  });

  it("a key reused with different parameters (idempotency_error) is ambiguous: the first transfer may exist", async () => {
    script = (r) =>
      r.path === "/v1/transfers"
        ? stripeError(400, "idempotency_error", undefined, "Keys for idempotent requests can only be used with the same parameters they were first used with.")
        : undefined;
    const error = await transferFailure();
    expect(error).toMatchObject({ kind: "ambiguous", providerCode: "idempotency_error" });
  });

  it("a 500 is ambiguous, after three attempts that all carried the same idempotency key", async () => {
    script = (r) => (r.path === "/v1/transfers" ? stripeError(500, "api_error", undefined, "An unknown error occurred.") : undefined);
    const error = await transferFailure();
    expect(error.kind).toBe("ambiguous");
    const calls = transferCalls();
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => c.headers["idempotency-key"])).toEqual([
      transferRequest.idempotencyKey,
      transferRequest.idempotencyKey,
      transferRequest.idempotencyKey,
    ]);
  });

  it("a 500 then a success: the retry with the same key returns the transfer", async () => {
    script = (r) =>
      r.path === "/v1/transfers" && transferCalls().length === 1 ? stripeError(500, "api_error", undefined, "An unknown error occurred.") : undefined;
    const driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base });
    const transfer = await driver.createTransfer(transferRequest);
    expect(transfer.id).toBe("tr_fake_1");
    expect(transferCalls().map((c) => c.headers["idempotency-key"])).toEqual([transferRequest.idempotencyKey, transferRequest.idempotencyKey]);
  });

  it("a dropped connection is ambiguous, after the SDK retried with the same key", async () => {
    script = (r) => (r.path === "/v1/transfers" ? "drop" : undefined);
    const error = await transferFailure();
    expect(error.kind).toBe("ambiguous");
    const calls = transferCalls();
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.headers["idempotency-key"]))).toEqual(new Set([transferRequest.idempotencyKey]));
  });

  it("a timeout is ambiguous", async () => {
    script = (r) => (r.path === "/v1/transfers" ? "hang" : undefined);
    const error = await transferFailure(createStripeDriver({ secretKey: "sk_test_fake", apiBase: base, timeoutMs: 150 }));
    expect(error.kind).toBe("ambiguous");
    expect(new Set(transferCalls().map((c) => c.headers["idempotency-key"]))).toEqual(new Set([transferRequest.idempotencyKey]));
  });

  it("a 429 rate limit and a 401 bad key are ambiguous, never a definite refusal", async () => {
    script = (r) => (r.path === "/v1/transfers" ? stripeError(429, "rate_limit_error", "rate_limit", "Too many requests.") : undefined);
    expect((await transferFailure()).kind).toBe("ambiguous");
    script = (r) => (r.path === "/v1/transfers" ? stripeError(401, "invalid_request_error", undefined, "Invalid API Key provided.") : undefined);
    expect((await transferFailure()).kind).toBe("ambiguous");
  });

  it("finds a payout's transfer by transfer group and metadata.payout_id, following pagination", async () => {
    const page1 = Array.from({ length: 100 }, (_, i) =>
      transferJson({ id: `tr_a${i}`, amount: 100 + i, destination: `acct_${i}`, transfer_group: "2026-10", metadata: { payout_id: `other-${i}` } }),
    );
    const page2 = [
      transferJson({
        id: "tr_wanted",
        amount: 8000,
        amount_reversed: 500,
        destination: "acct_creator",
        transfer_group: "2026-10",
        metadata: { payout_id: transferRequest.payoutId },
      }),
    ];
    script = (r) => {
      if (r.method !== "GET" || r.path !== "/v1/transfers") return undefined;
      const after = r.query.get("starting_after");
      const data = after ? page2 : page1;
      return { status: 200, body: { object: "list", url: "/v1/transfers", has_more: !after, data } };
    };
    const driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base });
    const found = await driver.findTransfer({ transferGroup: "2026-10", payoutId: transferRequest.payoutId });
    expect(found).toMatchObject({
      id: "tr_wanted",
      amountCents: 8000,
      reversedCents: 500,
      destinationAccountId: "acct_creator",
      payoutId: transferRequest.payoutId,
    });
    const lists = recorded.filter((r) => r.method === "GET" && r.path === "/v1/transfers");
    expect(lists).toHaveLength(2);
    expect(lists[0].query.get("transfer_group")).toBe("2026-10");
    expect(lists[0].query.get("limit")).toBe("100");
    expect(lists[1].query.get("starting_after")).toBe("tr_a99");
  });

  it("finds nothing when no transfer of the group carries the payout id", async () => {
    script = (r) =>
      r.method === "GET" && r.path === "/v1/transfers"
        ? {
            status: 200,
            body: {
              object: "list",
              url: "/v1/transfers",
              has_more: false,
              data: [transferJson({ id: "tr_x", amount: 1, destination: "acct_x", transfer_group: "2026-10", metadata: { payout_id: "someone-else" } })],
            },
          }
        : undefined;
    const driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base });
    expect(await driver.findTransfer({ transferGroup: "2026-10", payoutId: transferRequest.payoutId })).toBeNull();
  });
});

describe("Stripe driver: Connect accounts", () => {
  it("reads an account's state: details, payouts, transfers capability, requirements due (currently + past, deduplicated), disabled reason", async () => {
    script = (r) =>
      r.method === "GET" && r.path === "/v1/accounts/acct_creator"
        ? {
            status: 200,
            body: {
              id: "acct_creator",
              object: "account",
              details_submitted: true,
              payouts_enabled: false,
              charges_enabled: false,
              capabilities: { transfers: "inactive" },
              requirements: {
                currently_due: ["external_account", "individual.verification.document"],
                past_due: ["external_account"],
                eventually_due: ["individual.id_number"],
                disabled_reason: "requirements.past_due",
              },
            },
          }
        : undefined;
    const driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base });
    expect(await driver.retrieveAccount("acct_creator")).toEqual({
      accountId: "acct_creator",
      detailsSubmitted: true,
      payoutsEnabled: false,
      transfersCapability: "inactive",
      requirementsDue: ["external_account", "individual.verification.document"],
      disabledReason: "requirements.past_due",
    });
  });

  it("an account without requested capabilities or requirements reads as nothing due and no capability", async () => {
    script = (r) =>
      r.method === "GET" && r.path === "/v1/accounts/acct_new"
        ? { status: 200, body: { id: "acct_new", object: "account", details_submitted: false } }
        : undefined;
    const driver = createStripeDriver({ secretKey: "sk_test_fake", apiBase: base });
    expect(await driver.retrieveAccount("acct_new")).toEqual({
      accountId: "acct_new",
      detailsSubmitted: false,
      payoutsEnabled: false,
      transfersCapability: null,
      requirementsDue: [],
      disabledReason: null,
    });
  });
});
