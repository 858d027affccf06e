// An admin opens one listing from the admin's list of listings and removes it from there: asked first (Cancel keeps
// it), then told it is done; the page shows it removed with the reason, the case it opened and the audit entry, and
// the catalog stops serving it. Then the removal turns out to be a mistake: restored from the same page, after
// confirming, and served again. The listing is the journeys' own (e2e/fixtures.ts), used by no other journey.
import { expect, test } from "@playwright/test";
import { E2E_REMOVAL } from "./accounts";
import { signInAsAdmin, statusesFromEveryProcess } from "./helpers";

const REASON = "Sells another creator's prompt as its own.";
const NOTE = "The creator showed it is their own prompt: removed by mistake.";

test("an admin removes a published listing from its admin page, after confirming, and restores it", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsAdmin(page);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Listings" }).click();
  const find = page.getByRole("search", { name: "Find listings" });
  await find.getByRole("searchbox", { name: "Title, creator or listing id" }).fill(E2E_REMOVAL.title);
  await find.getByRole("button", { name: "Find" }).click();
  await page.getByRole("link", { name: E2E_REMOVAL.title }).click();

  await expect(page.getByRole("heading", { level: 1, name: E2E_REMOVAL.title })).toBeVisible();
  await expect(page.getByRole("link", { name: `${E2E_REMOVAL.creator.name} (@${E2E_REMOVAL.creator.handle})` })).toBeVisible();
  await expect(page.getByRole("link", { name: "View in the catalog →" })).toHaveAttribute("href", `/l/${E2E_REMOVAL.slug}`);
  const versions = page.getByRole("table", { name: "Versions, newest first" });
  await expect(versions.getByRole("row", { name: /v1\s*Live/ })).toBeVisible();
  await expect(page.getByText("Nobody has reported this listing or its reviews.")).toBeVisible();

  // Asked first: Cancel leaves it published.
  const moderation = page.getByRole("region", { name: "Moderation" });
  await moderation.getByLabel("Reason for removal (the creator sees this)").fill(REASON);
  await moderation.getByRole("button", { name: "Remove listing" }).click();
  const confirm = page.getByRole("dialog", { name: `Remove “${E2E_REMOVAL.title}”?` });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  expect((await page.request.get(`/l/${E2E_REMOVAL.slug}`)).status()).toBe(200);

  await moderation.getByRole("button", { name: "Remove listing" }).click();
  await confirm.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(page).toHaveURL(/\/admin\/listings\/[0-9a-f-]{36}\?done=removed$/);
  await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Removed. The creator has been told why" })).toBeVisible();
  await expect(moderation.getByText(REASON)).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove listing" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "View in the catalog →" })).toHaveCount(0);
  // The removal is its own resolved case, and in the audit history with the reason.
  await expect(page.getByRole("table", { name: "Reports, newest first" }).getByRole("row", { name: /resolved/ })).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Audit history, newest first" }).getByRole("row", { name: /listing\.remove/ })).toContainText(REASON);

  // The catalog stops serving it on every server process.
  await expect.poll(async () => [...new Set(await statusesFromEveryProcess(`/l/${E2E_REMOVAL.slug}`))], { timeout: 10_000 }).toEqual([404]);

  // Its orders: none for this one, said so, with the way back to the listing.
  await page.getByRole("link", { name: "All orders for this listing →" }).click();
  await expect(page).toHaveURL(/\/admin\/orders\?listing=[0-9a-f-]{36}$/);
  await expect(page.getByText(`Orders for ${E2E_REMOVAL.title}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "No orders for this listing yet" })).toBeVisible();
  await page.getByRole("link", { name: "Listing", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: E2E_REMOVAL.title })).toBeVisible();

  // Back in the list, it shows as removed.
  await page.getByRole("link", { name: "← Listings" }).click();
  await page.getByRole("navigation", { name: "Listing status" }).getByRole("link", { name: "Removed", exact: true }).click();
  await expect(page.getByRole("link", { name: E2E_REMOVAL.title })).toBeVisible();

  // A mistake: restored from its page, after confirming, and served again everywhere.
  await page.getByRole("link", { name: E2E_REMOVAL.title }).click();
  await moderation.getByLabel("Why it is restored (the creator sees this)").fill(NOTE);
  await moderation.getByRole("button", { name: "Restore listing" }).click();
  await page
    .getByRole("dialog", { name: `Restore “${E2E_REMOVAL.title}”?` })
    .getByRole("button", { name: "Yes, restore it" })
    .click();
  await expect(page).toHaveURL(/\/admin\/listings\/[0-9a-f-]{36}\?done=restored$/);
  await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Restored. It is back in the catalog" })).toBeVisible();
  await expect(page.getByRole("link", { name: "View in the catalog →" })).toHaveAttribute("href", `/l/${E2E_REMOVAL.slug}`);
  await expect(page.getByRole("table", { name: "Audit history, newest first" }).getByRole("row", { name: /listing\.restore/ })).toContainText(NOTE);
  await expect(moderation.getByRole("button", { name: "Remove listing" })).toBeVisible();
  await expect.poll(async () => [...new Set(await statusesFromEveryProcess(`/l/${E2E_REMOVAL.slug}`))], { timeout: 10_000 }).toEqual([200]);
});
