import { describe, expect, it, vi } from "vitest";
import { DEV_WEBHOOK_SECRET, parseEnv, reloadEnv } from "./env";

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

describe("production fails closed (DESIGN.md §9)", () => {
  const production = {
    NODE_ENV: "production",
    AUTH_SECRET: "a-real-secret-0123456789abcdef",
    DATABASE_URL: "postgres://agora@db.example/agora",
    STRIPE_SECRET_KEY: "sk_live_123",
    STRIPE_WEBHOOK_SECRET: "whsec_real",
    SMTP_URL: "smtps://user:pass@smtp.example:465",
    EMAIL_FROM: "Agora <no-reply@agora.example>",
    APP_URL: "https://agora.example",
  } as const;

  it("starts with a complete production environment", () => {
    expect(parseEnv(production)).toMatchObject({ paymentsDriver: "stripe", webhookSecret: "whsec_real" });
  });

  it("refuses a missing AUTH_SECRET", () => {
    expect(() => parseEnv({ ...production, AUTH_SECRET: undefined })).toThrow(/AUTH_SECRET is required in production/);
  });

  it("refuses a missing DATABASE_URL unless AGORA_DEMO=1 says this is a demo", () => {
    expect(() => parseEnv({ ...production, DATABASE_URL: undefined })).toThrow(/DATABASE_URL is required in production/);
    expect(() => parseEnv({ ...production, DATABASE_URL: "", AGORA_DEMO: "0" })).toThrow(/DATABASE_URL is required in production/);
    expect(parseEnv({ ...production, DATABASE_URL: undefined, AGORA_DEMO: "1" }).DATABASE_URL).toBeUndefined();
  });

  it("refuses a missing STRIPE_SECRET_KEY unless PAYMENTS_DRIVER=local is set on purpose (then test mode)", () => {
    expect(() => parseEnv({ ...production, STRIPE_SECRET_KEY: undefined })).toThrow(/STRIPE_SECRET_KEY is required in production/);
    const local = parseEnv({ ...production, STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, PAYMENTS_DRIVER: "local" });
    expect(local.paymentsDriver).toBe("local");
    // Its own test-mode webhooks are signed with a secret derived from AUTH_SECRET, never the public development value.
    expect(local.webhookSecret).not.toBe(DEV_WEBHOOK_SECRET);
    expect(local.webhookSecret).toMatch(/^whsec_/);
  });

  it("refuses the built-in development webhook secret", () => {
    expect(() => parseEnv({ ...production, STRIPE_WEBHOOK_SECRET: DEV_WEBHOOK_SECRET })).toThrow(/STRIPE_WEBHOOK_SECRET is the built-in development value/);
  });

  it("names every refusal in one message", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET[\s\S]*DATABASE_URL[\s\S]*STRIPE_SECRET_KEY/);
  });

  it("keeps development free of all of this", () => {
    expect(parseEnv({ NODE_ENV: "development" }).webhookSecret).toBe(DEV_WEBHOOK_SECRET);
  });

  it("exits the server process with the message when the environment is refused at start", async () => {
    const { register } = await import("@/instrumentation");
    const saved = { ...process.env };
    // The real exit would end the test run; this one stops register() where the process would have ended.
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      Object.assign(process.env, { NEXT_RUNTIME: "nodejs", NODE_ENV: "production", AUTH_SECRET: "", DATABASE_URL: "" });
      reloadEnv();
      await expect(register()).rejects.toThrow("exit 1");
      expect(exit).toHaveBeenCalledWith(1);
      expect(String(logged.mock.calls[0]?.[0])).toMatch(/Agora cannot start[\s\S]*AUTH_SECRET is required in production/);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      reloadEnv();
      exit.mockRestore();
      logged.mockRestore();
    }
  });
});
