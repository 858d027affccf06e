import { expect, test } from "@playwright/test";

test("home shows seeded listings as cards linking to their pages @mobile", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByTestId("listing-card");
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(4);
  const first = cards.first();
  await expect(first.getByRole("heading")).not.toBeEmpty();
  await expect(first.getByText(/^by /)).toBeVisible();
  await expect(first.getByText(/^(Free|\$[0-9,.]+)$/)).toBeVisible();
  const thumb = first.locator("img");
  await expect(thumb).toHaveAttribute("src", /\/api\/images\/[0-9a-f-]{36}\?size=thumb/);
  const naturalWidth = await thumb.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth));
  expect(naturalWidth).toBe(300);
});

test("health reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", db: "ok", migrations: "current" });
});

test("an unknown page is a friendly 404", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: /couldn.t find that page/ })).toBeVisible();
});
