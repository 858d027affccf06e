// The money journey in the local payments driver: browse → buy → pay → library → test → review →
// the creator sees the sale, the notification and the earnings.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signInViaApi, signUp, uniqueEmail } from "./helpers";

type ApiItem = { slug: string; title: string; priceCents: number; creatorHandle: string };

async function demoCreatorsPaidTest(page: Page): Promise<ApiItem> {
  for (let cursor: string | null = null, round = 0; round < 20; round++) {
    const url: string = `/api/v1/listings?kind=test&sort=newest&limit=48${cursor ? `&cursor=${cursor}` : ""}`;
    const body = (await (await page.request.get(url)).json()) as { items: ApiItem[]; nextCursor: string | null };
    const found = body.items.find((i) => i.creatorHandle === "demo-creator" && i.priceCents > 0);
    if (found) return found;
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  throw new Error("the seed should give the demo creator a paid online test");
}

function money(cents: number) {
  return `$${(cents / 100).toFixed(2)}`;
}

test("a buyer pays for a test, takes it and reviews it; the creator sees the sale", async ({ page, browser }) => {
  const listing = await demoCreatorsPaidTest(page);
  const email = uniqueEmail("purchase");
  await signUp(page, { name: "Journey Buyer", email, password: "journey-password" });

  // Browse → listing page.
  await page.goto("/browse?kind=test&sort=newest");
  await page.goto(`/l/${listing.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(listing.title);
  await expect(page.getByTestId("listing-price")).toHaveText(money(listing.priceCents));

  // Buy → local test checkout → pay.
  await page.getByTestId("buy-button").click();
  await expect(page).toHaveURL(/\/checkout\/local\/cs_local_[0-9a-f]{24}$/);
  await expect(page.getByTestId("checkout-amount")).toHaveText(money(listing.priceCents));
  await page.getByRole("button", { name: `Pay ${money(listing.priceCents)}` }).click();
  await expect(page.getByRole("heading", { name: /it.s yours/ })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("paid");

  // Library → open the content → take the test.
  await page.getByRole("link", { name: "Open in your library" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(listing.title);
  await page.getByRole("button", { name: "Start the test" }).click();
  const questions = page.getByRole("form", { name: "Test questions" }).getByRole("group");
  const total = await questions.count();
  expect(total).toBeGreaterThan(0);
  for (let i = 0; i < total; i++) await questions.nth(i).getByRole("radio").first().check();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("heading", { level: 3, name: /^(Passed|Not passed) — \d+%$/ })).toBeVisible();

  // Review it.
  const write = page.getByRole("form", { name: "Write a review" });
  await write.getByRole("radio", { name: /^5 stars/ }).check({ force: true });
  const review = `Bought it, took it, loved it ${Date.now()}.`;
  await write.getByLabel("Your review").fill(review);
  await write.getByRole("button", { name: "Post review" }).click();
  await expect(page.getByRole("article", { name: /Review by/ })).toContainText(review);

  // Buying again is refused: it's already in the library.
  await page.goto(`/l/${listing.slug}`);
  await expect(page.getByTestId("in-library")).toBeVisible();

  // The creator sees the sale, the notification and the earnings.
  const creator = await browser.newPage();
  await signInViaApi(creator, DEMO.creator, DEMO_PASSWORD);
  await creator.goto("/notifications");
  const list = creator.getByTestId("notification-list");
  await expect(list).toContainText(`You sold “${listing.title}” for ${money(listing.priceCents)}`);
  await expect(list).toContainText(`New 5-star review of “${listing.title}”`);
  await creator.goto("/dashboard");
  const recent = creator.locator("section", { has: creator.getByRole("heading", { name: "Recent sales" }) });
  const share = listing.priceCents - Math.floor((listing.priceCents * 2000) / 10000);
  await expect(recent.getByRole("listitem").first()).toContainText(listing.title);
  await expect(recent.getByRole("listitem").first()).toContainText(money(share));
  await creator.close();
});

test("a failed payment leaves nothing owned and says so", async ({ page }) => {
  const listing = await demoCreatorsPaidTest(page);
  await signUp(page, { name: "Unlucky Buyer", email: uniqueEmail("failpay"), password: "journey-password" });
  await page.goto(`/l/${listing.slug}`);
  await page.getByTestId("buy-button").click();
  await page.getByRole("button", { name: "Simulate a failed payment" }).click();
  await expect(page).toHaveURL(new RegExp(`/l/${listing.slug}\\?checkout=failed$`));
  await expect(page.getByTestId("purchase-box").getByRole("status")).toContainText("didn't go through");
  await expect(page.getByTestId("buy-button")).toBeVisible();
  await page.goto("/library");
  await expect(page.getByRole("heading", { name: "Nothing here yet" })).toBeVisible();
});
