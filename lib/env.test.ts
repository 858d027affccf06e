import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("environment", () => {
  it("runs with nothing set: embedded database, local payments, 20% fee, $10 minimum payout", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.paymentsDriver).toBe("local");
    expect(env.PLATFORM_FEE_BPS).toBe(2000);
    expect(env.MIN_PAYOUT_CENTS).toBe(1000);
    expect(env.appUrl).toBe("http://localhost:3000");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ NODE_ENV: "development", DATABASE_URL: "", STRIPE_SECRET_KEY: "" }).paymentsDriver).toBe("local");
  });

  it("explains each invalid variable by name", () => {
    expect(() => parseEnv({ NODE_ENV: "development", DATABASE_URL: "mysql://x", PLATFORM_FEE_BPS: "20%" })).toThrow(
      /DATABASE_URL must be a postgres:\/\/[\s\S]*PLATFORM_FEE_BPS/,
    );
  });

  it("requires AUTH_SECRET in production and a webhook secret with a Stripe key", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET is required in production/);
    expect(() => parseEnv({ NODE_ENV: "development", STRIPE_SECRET_KEY: "sk_test_123" })).toThrow(/STRIPE_WEBHOOK_SECRET is required/);
    expect(parseEnv({ NODE_ENV: "development", STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" }).paymentsDriver).toBe("stripe");
  });
});
