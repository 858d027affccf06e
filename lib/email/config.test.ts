// Email configuration: production refuses to start without SMTP_URL, EMAIL_FROM and APP_URL (no silent dev
// fallbacks), and the development mail page does not exist there.
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv, reloadEnv } from "@/lib/env";
import { devMailPageEnabled, devOutbox } from "./dev-outbox";
import { testDatabase } from "@/db/testing/setup";

// A production environment complete but for mail (database, payments and auth set as production needs them).
const PRODUCTION = {
  NODE_ENV: "production",
  AUTH_SECRET: "a-production-secret-0123456789abcdef",
  DATABASE_URL: "postgres://agora@db.internal:5432/agora",
  STRIPE_SECRET_KEY: "sk_test_123",
  STRIPE_WEBHOOK_SECRET: "whsec_production_value",
} as const;
const MAIL = { SMTP_URL: "smtps://user:pass@smtp.provider.com:465", EMAIL_FROM: "Agora <no-reply@agora.example>", APP_URL: "https://agora.example" };

afterEach(() => {
  vi.unstubAllEnvs();
  reloadEnv();
});

describe("email configuration", () => {
  it("refuses production without SMTP_URL, EMAIL_FROM or APP_URL, naming each", () => {
    expect(() => parseEnv({ ...PRODUCTION })).toThrow(/SMTP_URL is required in production[\s\S]*EMAIL_FROM is required[\s\S]*APP_URL is required/);
    for (const missing of ["SMTP_URL", "EMAIL_FROM", "APP_URL"] as const) {
      expect(() => parseEnv({ ...PRODUCTION, ...MAIL, [missing]: "" }), missing).toThrow(new RegExp(`${missing} is required in production`));
    }
    expect(parseEnv({ ...PRODUCTION, ...MAIL }).SMTP_URL).toBe(MAIL.SMTP_URL);
  });

  it("checks the shape of SMTP_URL and EMAIL_FROM, and needs neither in development", () => {
    expect(() => parseEnv({ NODE_ENV: "development", SMTP_URL: "https://smtp.example" })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\//);
    expect(() => parseEnv({ NODE_ENV: "development", EMAIL_FROM: "not an address" })).toThrow(/EMAIL_FROM must be an address/);
    expect(parseEnv({ NODE_ENV: "development", EMAIL_FROM: "no-reply@agora.example" }).EMAIL_FROM).toBe("no-reply@agora.example");
    expect(parseEnv({ NODE_ENV: "development" }).SMTP_URL).toBeUndefined();
  });

  it("has no development mail page in production", async () => {
    expect(devMailPageEnabled()).toBe(true);
    vi.stubEnv("NODE_ENV", "production");
    Object.assign(process.env, { AUTH_SECRET: PRODUCTION.AUTH_SECRET, ...MAIL });
    reloadEnv();
    try {
      expect(devMailPageEnabled()).toBe(false);
      await expect(devOutbox(testDatabase().db)).rejects.toThrow(/not available in production/);
    } finally {
      for (const key of ["AUTH_SECRET", ...Object.keys(MAIL)]) delete process.env[key];
    }
  });
});
