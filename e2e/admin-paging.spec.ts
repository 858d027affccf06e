// Admin lists a page at a time: orders newest first with older pages behind a link, the approval queue with its count
// and a page past its end that leads back to the first.
import { expect, test } from "@playwright/test";
import { DEMO, signInAsAdmin } from "./helpers";

test("an admin pages back through orders and returns to the newest", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  const orderIds = () => page.locator("tbody tr td:first-child").evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ""));

  const newest = await orderIds();
  expect(newest).toHaveLength(25);
  await expect(page.getByRole("link", { name: "← Newest orders" })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Order pages" }).getByRole("link", { name: "Older orders →" }).click();
  await expect(page).toHaveURL(/before=/);
  const older = await orderIds();
  expect(older.length).toBeGreaterThan(0);
  expect(older.filter((id) => newest.includes(id))).toEqual([]);

  await page.getByRole("link", { name: "← Newest orders" }).click();
  await expect(page).toHaveURL(/\/admin\/orders$/);
  expect((await orderIds()).slice(0, 5)).toEqual(newest.slice(0, 5));
});

test("the approval queue says how many wait, and a page past its end leads back to the first", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/moderation");
  await expect(page.getByText(/^\d+ waiting$/)).toBeVisible();
  await page.goto("/admin/moderation?page=400");
  await expect(page.getByRole("heading", { name: "Nothing on this page" })).toBeVisible();
  await page.getByRole("link", { name: "First page" }).click();
  await expect(page).toHaveURL(/\/admin\/moderation$/);
  await expect(page.getByRole("table")).toBeVisible();
});

test("an admin opens every order of one account from its page", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
  await page.getByLabel("Email, name or handle").fill(DEMO.buyer);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Bea Buyer" }).click();
  await page.getByRole("link", { name: "All orders by this account →" }).click();
  await expect(page).toHaveURL(/\/admin\/orders\?buyer=[0-9a-f-]{36}$/);
  await expect(page.getByText(`Orders by ${DEMO.buyer}`)).toBeVisible();
  const buyers = await page.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(buyers.length).toBeGreaterThan(0);
  expect(new Set(buyers)).toEqual(new Set([DEMO.buyer]));
  // Narrowing by status keeps the account.
  await page.getByLabel("Status").selectOption("paid");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/buyer=[0-9a-f-]{36}.*status=paid|status=paid.*buyer=/);
  expect(new Set(await page.locator("tbody tr td:nth-child(2)").allTextContents())).toEqual(new Set([DEMO.buyer]));
  await page.getByRole("link", { name: "Everyone's orders" }).click();
  await expect(page).toHaveURL(/\/admin\/orders\?status=paid$/);
});

test("an admin finds a creator's listings in any status, and opens them from the creator's account", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Listings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Listings" })).toBeVisible();
  await expect(page.getByText(/^\d[\d,]* listings$/)).toBeVisible();

  const find = page.getByRole("search", { name: "Find listings" });
  await find.getByRole("searchbox", { name: "Title, creator or listing id" }).fill("@demo-creator");
  await find.getByRole("button", { name: "Find" }).click();
  const creators = page.locator("tbody tr td:nth-child(2)");
  await expect(creators.first()).toContainText("@demo-creator");
  expect((await creators.allTextContents()).every((text) => text.includes("@demo-creator"))).toBe(true);
  // A status tab keeps the search.
  await page.getByRole("navigation", { name: "Listing status" }).getByRole("link", { name: "Published", exact: true }).click();
  await expect(page).toHaveURL(/q=%40demo-creator.*status=published|status=published.*q=%40demo-creator/);
  expect((await creators.allTextContents()).every((text) => text.includes("@demo-creator"))).toBe(true);

  // From the creator's account page, all of their listings.
  await page.getByRole("link", { name: "Demo Creator Studio" }).first().click();
  await page.getByRole("link", { name: "All listings by this creator →" }).click();
  await expect(page).toHaveURL(/\/admin\/listings\?creator=[0-9a-f-]{36}$/);
  await expect(page.getByText(/^\d[\d,]* listings? by Demo Creator Studio/)).toBeVisible();
});
