// Shared journey helpers: unique accounts, API sign-in (no form typing), demo credentials.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";
export const DEMO = {
  buyer: "buyer@demo.test",
  creator: "creator@demo.test",
  admin: "admin@demo.test",
} as const;

let counter = 0;
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@e2e.test`;
}

/** The error a form shows (Next's route announcer is also role=alert, so look inside forms only). */
export function formError(page: Page) {
  return page.locator("form").getByRole("alert");
}

/** Signs the page's browser context in through Auth.js' credentials endpoint, like a form post would. */
export async function signInViaApi(page: Page, email: string, password: string) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user?.id, `sign-in as ${email} should give a session`).toBeTruthy();
}

/** Creates a fresh account through the sign-up page and leaves it signed in. */
export async function signUp(page: Page, { name, email, password }: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: new RegExp(name) })).toBeVisible();
}
