import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { databaseDownSince, noteDatabaseReachable, RETRY_AFTER_SECONDS } from "@/db/availability";
import { readEventObject } from "@/lib/payments/events/shapes";
import { DomainError, ERROR_CATALOGUE, errorResponse, messageForCode, parseInput, publicError, type DomainErrorCode, type ErrorParams } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

type ParamCode = { [C in DomainErrorCode]: (typeof ERROR_CATALOGUE)[C]["message"] extends string ? never : C }[DomainErrorCode];

/** One set of params for every code whose message takes them; a new such code fails typecheck until it has one. */
const SAMPLE_PARAMS: { [C in ParamCode]: Exclude<ErrorParams<C>, undefined> } = {
  "input.invalid": { issue: "Give it a title.", fieldErrors: { title: ["Give it a title."] } },
  "listing.details_invalid": { issue: "Add a summary." },
  "listing.locked": { lock: "approval" },
  "listing.bad_transition": { from: "draft", to: "published" },
  "version.pending": { number: 2 },
  "version.nothing_to_submit": { changesRequested: true },
  "version.invalid": { issues: ["Add a prompt."] },
  "version.changelog_required": { number: 3 },
  "image.too_large": { size: "6.0 MB", limit: "5.0 MB" },
  "image.corrupt": { problem: "truncated" },
  "image.too_many_pixels": { width: 50_000, height: 50_000, limitMegapixels: 40 },
  "image.too_small": { width: 640, height: 480, purpose: "covers", minWidth: 800, minHeight: 600 },
  "file.too_large": { size: null, limit: "2 KB" },
  "file.content_refused": { reason: "This file is a Python pickle." },
  "upload.size_mismatch": { declared: "1 KB", received: "2 KB" },
  "upload.too_many_open": { limit: 10 },
  "storage.quota_exceeded": { size: "1.5 GB", used: "19.2 GB", quota: "20 GB" },
  "order.not_refundable": { status: "refunded" },
  "order.refund_too_large": { remainingCents: 250 },
  "settlement.superseded": { newer: "2026-11", period: "2026-10" },
  "apikey.scope_missing": { scope: "downloads", allows: "download the content you own (files and JSON)" },
  "apikey.limit_reached": { max: 20 },
  "request.too_large": { limit: "1 MB" },
  "rate.limited": { wait: "2 minutes" },
  "checkout.rate_limited": { wait: "2 minutes" },
  "review.rate_limited": { wait: "2 minutes" },
  "upload.rate_limited": { wait: "2 minutes" },
  "auth.rate_limited": { wait: "2 minutes" },
  "deletion.rate_limited": { wait: "2 minutes" },
  "report.rate_limited": { wait: "2 minutes" },
};

const CODES = Object.keys(ERROR_CATALOGUE) as DomainErrorCode[];

function sampleError(code: DomainErrorCode): DomainError {
  const params = (SAMPLE_PARAMS as Partial<Record<DomainErrorCode, unknown>>)[code];
  // The catalogue's own params for this code, so the widened constructor call is sound here.
  return new (DomainError as new (code: DomainErrorCode, params?: unknown) => DomainError)(code, params);
}

afterEach(() => vi.restoreAllMocks());

describe("the error catalogue", () => {
  it("gives every code a client or server error status and a message", () => {
    for (const code of CODES) {
      const error = sampleError(code);
      expect(error.status, code).toBeGreaterThanOrEqual(400);
      expect(error.status, code).toBeLessThanOrEqual(599);
      expect(error.publicMessage.trim(), code).not.toBe("");
      expect(error.publicMessage, code).not.toContain("undefined");
    }
  });

  it("names every code area.reason (not_found alone stays area-less, so it reveals nothing)", () => {
    for (const code of CODES.filter((c) => c !== "not_found")) expect(code).toMatch(/^[a-z]+\.[a-z_]+$/);
  });

  it("puts a value into the message through typed params, and only a declared code compiles", () => {
    expect(new DomainError("order.refund_too_large", { remainingCents: 250 }).publicMessage).toBe("At most 250 cents can still be refunded on this order.");
    expect(new DomainError("listing.bad_transition", { from: "draft", to: "unpublished" }).publicMessage).toBe("A draft listing can't become unpublished.");
    expect(new DomainError("listing.bad_transition", { from: "waiting for approval", to: "unpublished", lock: "approval" }).publicMessage).toMatch(
      /waiting for approval/,
    );
    expect(new DomainError("version.nothing_to_submit").publicMessage).toBe("There are no changes to submit. Edit the content first.");
    // @ts-expect-error a code missing from the catalogue must not compile (this line is the check).
    expect(() => new DomainError("order.not_fonud")).toThrow();
  });

  it("answers a code that arrived as text with its fixed message, and anything else generically", () => {
    expect(messageForCode("payouts.no_account")).toBe(ERROR_CATALOGUE["payouts.no_account"].message);
    expect(messageForCode("payouts.nope")).toBe("Something went wrong on our side. Please try again.");
    expect(messageForCode("toString")).toBe("Something went wrong on our side. Please try again.");
    expect(messageForCode(undefined)).toBe("Something went wrong on our side. Please try again.");
  });
});

describe("errorResponse", () => {
  it("maps every kind of domain error to its catalogue status and { error, message }", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    for (const code of CODES) {
      const error = sampleError(code);
      const res = errorResponse(error);
      expect(res.status, code).toBe(ERROR_CATALOGUE[code].status);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = await res.json();
      expect(body, code).toEqual(
        code === "input.invalid"
          ? { error: code, message: error.publicMessage, fieldErrors: { title: ["Give it a title."] } }
          : { error: code, message: error.publicMessage },
      );
    }
  });

  it("answers anything else with a 500 and a safe message, never the stack or SQL, and logs it once", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const res = errorResponse(new Error('duplicate key value violates unique constraint "users_email_key"'), { log: "test" });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: "internal", message: "Something went wrong on our side. Please try again." });
    expect(text).not.toMatch(/users_email_key|at .*\.ts/);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("answers a database it could not reach with a 503 to retry (Retry-After), logs it once, and tells the proxy", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    try {
      const lost = new Error("Failed query: select 1", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) });
      const res = errorResponse(lost, { log: "test" });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
      expect(await res.json()).toEqual({ error: "database.unavailable", message: ERROR_CATALOGUE["database.unavailable"].message });
      expect(log).toHaveBeenCalledTimes(1);
      expect(databaseDownSince()).not.toBeNull();
    } finally {
      noteDatabaseReachable();
    }
  });

  it("logs nothing for a domain error a person caused", () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    errorResponse(new DomainError("auth.forbidden"));
    expect(log).not.toHaveBeenCalled();
  });

  it("can answer server errors with another status and keep the route's headers", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const res = errorResponse(new DomainError("payouts.provider_unavailable"), { serverErrorStatus: 503, headers: { "Cache-Control": "private, no-store" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.json()).toMatchObject({ error: "payouts.provider_unavailable" });
  });
});

describe("parseInput", () => {
  const schema = z.object({
    title: z.string().min(3, "Give it a title of at least 3 characters."),
    priceCents: z.number().int().min(0, "A price can't be negative."),
  });

  it("returns the parsed data", () => {
    expect(parseInput(schema, { title: "Prompt pack", priceCents: 500 })).toEqual({ title: "Prompt pack", priceCents: 500 });
  });

  it("turns a zod failure into a 400 input.invalid with field errors, not a 500", async () => {
    let thrown: unknown;
    try {
      parseInput(schema, { title: "ab", priceCents: -1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(publicError(thrown)).toMatchObject({ status: 400, code: "input.invalid", message: "Give it a title of at least 3 characters." });
    const res = errorResponse(thrown);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "input.invalid",
      message: "Give it a title of at least 3 characters.",
      fieldErrors: { title: ["Give it a title of at least 3 characters."], priceCents: ["A price can't be negative."] },
    });
  });

  it("refuses text Postgres can't store (NUL, a lone surrogate) as a 400 on that field, in values, nested values and keys", () => {
    const loose = z.object({ title: z.string(), answers: z.record(z.string(), z.number()).optional(), tags: z.array(z.string()).optional() });
    for (const [input, field] of [
      [{ title: "a\u0000b" }, "title"],
      [{ title: "ok", tags: ["fine", "x\uD800"] }, "tags"],
      [{ title: "ok", answers: { "q\u0000": 1 } }, "answers"],
      [{ title: "\uDE00 alone" }, "title"],
    ] as const) {
      expect(() => parseInput(loose, input)).toThrow(
        expect.objectContaining({
          code: "input.invalid",
          status: 400,
          fieldErrors: { [field]: [expect.stringContaining("NUL characters or broken Unicode")] },
        }),
      );
    }
    expect(parseInput(loose, { title: "Emoji 😀 and RTL \u202E stay" })).toEqual({ title: "Emoji 😀 and RTL \u202E stay" });
  });

  it("reads a webhook event object the same way: a shape it can't read is a 400 webhook.unexpected_shape", () => {
    const shape = z.object({ id: z.string() });
    expect(readEventObject(shape, { id: "ch_1" })).toEqual({ id: "ch_1" });
    expect(() => readEventObject(shape, { id: 1 })).toThrow(expect.objectContaining({ code: "webhook.unexpected_shape", status: 400 }));
  });
});
