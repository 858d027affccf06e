// Catalog journeys: header search with filters and sort, pagination, a listing page, and keyboard autocomplete.
import { expect, test, type Page } from "@playwright/test";

/** A word from a real listing title, so the journey works on whatever the seed produced. */
async function titleWord(page: Page): Promise<{ word: string; title: string }> {
  const res = await page.request.get("/api/v1/listings?sort=popular&limit=1");
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: { title: string }[] };
  const title = items[0].title;
  const word = title.split(/[^A-Za-z]+/).find((w) => w.length >= 5) ?? title.split(" ")[0];
  return { word: word.toLowerCase(), title };
}

test("search from the header, filter, sort, paginate and open a listing @mobile", async ({ page }) => {
  await page.goto("/");
  // The header box as a person finds it once the page is interactive (before that it is a plain search form).
  const box = page.getByRole("combobox", { name: /Search prompts/ });
  await box.fill("prompt");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/browse\?q=prompt/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("prompt");
  await expect(page.getByTestId("listing-card").first()).toBeVisible();

  // A facet link keeps the query and adds the filter; the URL carries the whole state. The filters are a sidebar on
  // wide screens and behind a "Filters" button (a disclosure) on narrow ones.
  const facets = page.getByTestId("facets");
  const toggle = page.getByRole("button", { name: "Filters" });
  if (await toggle.isVisible()) {
    await expect(facets).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
  }
  await facets.getByRole("link", { name: /^Prompt/ }).click();
  await expect(page).toHaveURL(/kind=prompt/);
  await expect(page).toHaveURL(/q=prompt/);

  await page.getByLabel("Sort by").selectOption("price_asc");
  await expect(page).toHaveURL(/sort=price_asc/);
  const prices = await page.getByTestId("listing-card").evaluateAll((cards) => cards.map((c) => c.textContent ?? ""));
  expect(prices.length).toBeGreaterThan(0);

  // Pagination: a next page (when there is one) shows other listings, and Back returns to the first page.
  const next = page.getByRole("link", { name: "Next page" });
  if (await next.isVisible()) {
    const firstPage = await page.getByTestId("listing-card").first().innerText();
    await next.click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(page.getByTestId("listing-card").first()).not.toHaveText(firstPage);
    await page.goBack();
    await expect(page).not.toHaveURL(/cursor=/);
  }

  await page.getByTestId("listing-card").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/l\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
  await expect(page.getByTestId("listing-price")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Version history" })).toBeVisible();
});

test("a catalog page sends no prefetches, and opening a card is still a client-side navigation", async ({ page }) => {
  // Every page is rendered per request: a prefetch would cost the server a render for each link on screen
  // (components/ui/link.tsx). Counted from the first request, through scrolling every card into view.
  const prefetches: string[] = [];
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(request.url());
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await page.goto("/browse?q=prompt");
  await expect(page.getByTestId("listing-card").first()).toBeVisible();
  await page.getByRole("navigation", { name: "Pagination" }).scrollIntoViewIfNeeded();
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);

  const navigation = page.waitForRequest((request) => Boolean(request.headers()["rsc"]) && new URL(request.url()).pathname.startsWith("/l/"));
  await page.getByTestId("listing-card").first().getByRole("link").click();
  await navigation;
  await expect(page).toHaveURL(/\/l\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { name: "Preview" })).toBeVisible();
  expect(documents).toHaveLength(1);
  expect(prefetches).toEqual([]);
});

test("pick an autocomplete suggestion with the keyboard", async ({ page }) => {
  const { word } = await titleWord(page);
  await page.goto("/");
  const box = page.getByRole("combobox", { name: /Search/ });
  await box.pressSequentially(word.slice(0, Math.max(3, word.length - 2)), { delay: 40 });
  const listbox = page.getByRole("listbox", { name: "Search suggestions" });
  await expect(listbox).toBeVisible();
  await expect(listbox.getByRole("option").first()).toBeVisible();
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
  const chosen = await listbox.getByRole("option", { selected: true }).innerText();
  await box.press("Enter");
  await expect(page).toHaveURL(/\/(browse\?q=|l\/)/);
  expect(chosen.length).toBeGreaterThan(0);

  // Escape closes the list without leaving the page.
  await page.goto("/");
  await box.pressSequentially(word.slice(0, 4), { delay: 40 });
  await expect(listbox).toBeVisible();
  await box.press("Escape");
  await expect(listbox).toBeHidden();
});

test("the public API answers with CORS and rejects a bad parameter by name", async ({ request }) => {
  const ok = await request.get("/api/v1/listings?limit=2");
  expect(ok.status()).toBe(200);
  expect(ok.headers()["access-control-allow-origin"]).toBe("*");
  const bad = await request.get("/api/v1/listings?sort=cheapest");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { parameter: string }).parameter).toBe("sort");
});

test("robots.txt points to the sitemap index, which lists published listings", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
  const index = await (await request.get("/sitemap.xml")).text();
  expect(index).toContain("<sitemapindex");
  expect(index).toContain("/sitemaps/listings-0.xml");
  const listings = await (await request.get("/sitemaps/listings-0.xml")).text();
  expect(listings).toMatch(/<loc>[^<]+\/l\/[a-z0-9-]+<\/loc>/);
});
