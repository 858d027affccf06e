import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS, E2E_PASSWORD } from "./accounts";
import { DEMO, DEMO_PASSWORD, formError, mailedLink, signInViaApi, signUp, uniqueEmail, signInAsAdmin } from "./helpers";

test.describe("accounts", () => {
  test("a visitor signs up, signs out and signs back in", async ({ page }) => {
    const email = uniqueEmail("signup");
    const password = "correct horse battery";
    await signUp(page, { name: "Ada Lovelace", email, password });
    await expect(page.getByRole("link", { name: "Library" }).first()).toBeVisible();

    await page.getByRole("button", { name: /Ada Lovelace/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

    await page.goto("/signin");
    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: /Ada Lovelace/ })).toBeVisible();
  });

  test("signing up with an email that exists answers like any sign-up; the owner is emailed instead", async ({ page }) => {
    const taken = uniqueEmail("taken");
    await signUp(page, { name: "Owner", email: taken, password: "owner password 1" });
    await page.context().clearCookies();

    await page.goto("/signup");
    await page.getByLabel("Name").fill("Someone Else");
    await page.getByLabel("Email").fill(taken);
    await page.getByLabel("Password").fill("another password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Check your inbox")).toBeVisible();
    expect(await mailedLink(page, taken, /You already have an Agora account/, /\/signin/)).toBe("/signin");
  });

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO.buyer);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText("Email or password is incorrect.");

    await page.getByLabel("Email").fill(uniqueEmail("nobody"));
    await page.getByLabel("Password").fill("whatever-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText("Email or password is incorrect.");
  });

  test("a banned user cannot sign in", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(E2E_ACCOUNTS.banned.email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toContainText("closed");
    const session = await (await page.request.get("/api/auth/session")).json();
    expect(session?.user).toBeFalsy();
  });

  test("a suspended user signs in and is told what they can't do", async ({ page }) => {
    await signInViaApi(page, E2E_ACCOUNTS.suspended.email, E2E_PASSWORD);
    await page.goto("/");
    await expect(page.getByRole("status")).toContainText("suspended");
  });

  test("navigation follows the role: admin sees Admin, a buyer doesn't and gets a 404 there", async ({ page, browser }) => {
    await signInAsAdmin(page);
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toBeVisible();

    const buyer = await browser.newPage();
    await signInViaApi(buyer, DEMO.buyer, DEMO_PASSWORD);
    await buyer.goto("/");
    await expect(buyer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
    const res = await buyer.goto("/admin");
    expect(res?.status()).toBe(404);
    await buyer.close();
  });
});
