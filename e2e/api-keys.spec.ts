// API keys and "your data" journeys: a buyer creates a key (shown once), lists their library with it, revokes it, and
// the key is refused; a new person downloads their data, then deletes their account and can no longer sign in.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, formError, signInViaApi, uniqueEmail } from "./helpers";

test.describe("API keys and your data", () => {
  test("create a key, call /api/v1/me/library with it, revoke it, and the next call is refused @mobile", async ({ page }) => {
    await signInViaApi(page, DEMO.buyer, DEMO_PASSWORD);
    await page.goto("/account/api-keys");
    await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

    const name = `Journey sync ${Date.now().toString(36)}`;
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByTestId("new-api-key");
    await expect(shown).toBeVisible();
    const key = (await shown.textContent())!.trim();
    expect(key).toMatch(/^agora_[A-Za-z0-9_-]{43}$/);

    const listed = await page.request.get("/api/v1/me/library?limit=2", { headers: { Authorization: `Bearer ${key}` } });
    expect(listed.status()).toBe(200);
    const body = (await listed.json()) as { items: { listing: { title: string } }[]; nextCursor: string | null };
    expect(body.items.length).toBeGreaterThan(0);

    // Shown once: after a reload the list has the key's prefix and last use, never the key.
    await page.reload();
    await expect(page.getByTestId("new-api-key")).toHaveCount(0);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText(key.slice(0, 12));
    await expect(row).not.toContainText("Never");
    expect(await page.content()).not.toContain(key);

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await page
      .getByRole("dialog", { name: `Revoke “${name}”?` })
      .getByRole("button", { name: "Revoke key" })
      .click();
    await expect(page.getByRole("status").filter({ hasText: "is revoked" })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");

    const refused = await page.request.get("/api/v1/me/library", { headers: { Authorization: `Bearer ${key}` } });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "apikey.revoked" });
  });

  test("download my data, then delete my account: signed out, and the password no longer signs in", async ({ page }) => {
    const email = uniqueEmail("delete");
    const password = "delete-me-password-123";
    await page.goto("/signup");
    await page.getByLabel("Name").fill("Dana Departing");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(email)).toBeVisible();
    // Signing in needs no verified address (selling does), so the journey goes on without the mail.
    await signInViaApi(page, email, password);
    await page.goto("/account/data");
    await expect(page.getByRole("heading", { name: "Your data", level: 1 })).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (JSON)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^agora-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(exported.profile).toMatchObject({ email, name: "Dana Departing", hasPassword: true });
    expect(JSON.stringify(exported)).not.toContain("argon2");

    await page.getByLabel("Your password").fill("not my password");
    await page.getByRole("button", { name: "Delete my account…" }).click();
    await page.getByRole("button", { name: "Yes, delete my account" }).click();
    await expect(formError(page)).toContainText("password is not right");

    await page.getByLabel("Your password").fill(password);
    await page.getByRole("button", { name: "Delete my account…" }).click();
    await page.getByRole("button", { name: "Yes, delete my account" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();

    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(page)).toHaveText("Email or password is incorrect.");
  });
});
