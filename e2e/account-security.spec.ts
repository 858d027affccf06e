// Account security: a new account confirms its address from the mail, resets its password through the emailed link,
// turns on two-factor sign-in and signs in with a code; an admin without two-factor is sent to turn it on first.
import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS, E2E_PASSWORD } from "./accounts";
import { mailedLink, signInViaApi, signUp, totpCode, uniqueEmail } from "./helpers";

test("sign up, confirm the address, reset the password, turn on two-factor and sign in with a code", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("secure");
  const name = "Grace Hopper";

  // 1. Sign up: the answer is "check your inbox"; the mailed link confirms the address; then sign in.
  await signUp(page, { name, email, password: "first password 1" });
  await page.getByRole("button", { name: new RegExp(name) }).click();
  await page.getByRole("menuitem", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Email address", exact: true })).toContainText("Confirmed");

  // 2. Signed out, forgot the password: the emailed link sets a new one.
  await page.getByRole("button", { name: new RegExp(name) }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an Email field too: type only once the reset page is there.
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("we sent it a link");
  await page.goto(await mailedLink(page, email, /Reset your Agora password/));
  await page.getByLabel("New password").fill("second password 2");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Your password was changed")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("first password 1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await page.getByLabel("Password").fill("second password 2");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: new RegExp(name) })).toBeVisible();

  // 3. Turn on two-factor: scan (here: read the key), confirm a code, keep the recovery codes.
  await page.goto("/account");
  await page.getByRole("navigation", { name: "Account settings" }).getByRole("link", { name: "Security" }).click();
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.locator("code").first().textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel("Code from the app").fill(await totpCode(secret));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByText("Two-factor sign-in is on.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);

  // 4. Sign out and back in: the password, then a code from the app.
  await page.getByRole("button", { name: new RegExp(name) }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("second password 2");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("That code is not right");
  // The code of the next 30-second step: the current one was used to confirm the enrolment.
  await page.getByLabel("Authentication code").fill(await totpCode(secret, 1));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("button", { name: new RegExp(name) })).toBeVisible();
});

test("an admin without two-factor is sent to turn it on before any admin page opens", async ({ page }) => {
  await signInViaApi(page, E2E_ACCOUNTS.unenrolledAdmin.email, E2E_PASSWORD);
  for (const path of ["/admin", "/admin/moderation", "/admin/settlements"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/account\/security\?required=admin/);
  }
  await expect(page.getByRole("alert").filter({ hasText: "Admins must turn on two-factor sign-in" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn on two-factor sign-in" })).toBeVisible();
});
