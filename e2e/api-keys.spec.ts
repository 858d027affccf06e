// API keys journey: a buyer creates a key (shown once), lists their library with it, revokes it, and the key is refused.
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signInViaApi } from "./helpers";

test.describe("API keys", () => {
  test("create a key, call /api/v1/me/library with it, revoke it, and the next call is refused", async ({ page }) => {
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
});
