// Email journeys: a person chooses which optional emails they get, and the development mail page does not exist
// in production.
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signInViaApi } from "./helpers";

test("a person switches sale emails to a daily digest and turns new-version emails off, and it sticks", async ({ page }) => {
  await signInViaApi(page, DEMO.buyer, DEMO_PASSWORD);
  await page.goto("/account/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Email notifications" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Each sale" })).toBeChecked();
  await page.getByRole("radio", { name: "Daily digest" }).check();
  await page.getByRole("checkbox", { name: /New versions/ }).uncheck();
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("radio", { name: "Daily digest" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /New versions/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Payouts/ })).toBeChecked();
  await expect(page.getByRole("region", { name: "Always sent" })).toContainText("Account security");

  // Back to the defaults for other journeys.
  await page.getByRole("radio", { name: "Each sale" }).check();
  await page.getByRole("checkbox", { name: /New versions/ }).check();
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
});

test("signed out, the notification settings ask for sign-in; the development mail page is not found in production", async ({ page }) => {
  await page.goto("/account/notifications");
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/dev/mail")).status()).toBe(404);
  expect((await page.request.get("/dev/mail/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
});

test("an unsubscribe link that was tampered with changes nothing and says so", async ({ page }) => {
  await page.goto("/email/unsubscribe?token=not-a-real-token");
  await expect(page.getByRole("alert").filter({ hasText: "This unsubscribe link is not valid" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unsubscribe" })).toHaveCount(0);
  expect((await page.request.post("/api/email/unsubscribe?token=forged.token", { form: { "List-Unsubscribe": "One-Click" } })).status()).toBe(400);
});
