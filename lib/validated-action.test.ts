import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { validatedAction } from "./validated-action";
import { logger } from "@/lib/observability/logger";

const schema = z.object({ title: z.string().min(3, "Give it a title of at least 3 characters.") });

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

afterEach(() => vi.restoreAllMocks());

describe("validatedAction", () => {
  it("answers a zod failure with the first problem and each field's problems, keeping what was typed", async () => {
    const action = validatedAction(schema, async () => ({ ok: true }));
    expect(await action({}, form({ title: "ab", password: "secret" }))).toEqual({
      error: "Give it a title of at least 3 characters.",
      fieldErrors: { title: ["Give it a title of at least 3 characters."] },
      values: { title: "ab" },
    });
  });

  it("answers a domain error with the catalogue's message", async () => {
    const action = validatedAction(schema, async () => {
      throw new DomainError("order.refund_too_large", { remainingCents: 250 });
    });
    expect(await action({}, form({ title: "A title" }))).toEqual({
      error: "At most 250 cents can still be refunded on this order.",
      values: { title: "A title" },
    });
  });

  it("answers anything else with a safe message and logs it", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const action = validatedAction(schema, async () => {
      throw new Error('relation "orders" does not exist');
    });
    const state = await action({}, form({ title: "A title" }));
    expect(state.error).toBe("Something went wrong on our side. Please try again.");
    expect(JSON.stringify(state)).not.toContain("orders");
    expect(log).toHaveBeenCalledTimes(1);
  });
});
