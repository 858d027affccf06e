// /dev/mail and /dev/mail/[id] answer 404 in production, whatever the outbox holds.
import { afterEach, describe, expect, it, vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import { GET as htmlPart } from "./[id]/html/route";
import DevMailDetailPage from "./[id]/page";
import DevMailPage from "./page";

const PRODUCTION_ENV = {
  AUTH_SECRET: "a-production-secret-0123456789abcdef",
  SMTP_URL: "smtp://127.0.0.1:2525",
  EMAIL_FROM: "no-reply@agora.example",
  APP_URL: "https://agora.example",
};

afterEach(() => {
  vi.unstubAllEnvs();
  for (const key of Object.keys(PRODUCTION_ENV)) delete process.env[key];
  reloadEnv();
});

const notFound = { digest: expect.stringMatching(/NEXT_HTTP_ERROR_FALLBACK;404/) };

describe("development mail page", () => {
  it("is not found in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    Object.assign(process.env, PRODUCTION_ENV);
    reloadEnv();
    await expect(DevMailPage()).rejects.toMatchObject(notFound);
    const params = Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" });
    await expect(DevMailDetailPage({ params })).rejects.toMatchObject(notFound);
    expect((await htmlPart(new Request("http://localhost:3000/dev/mail/x/html"), { params })).status).toBe(404);
  });
});
