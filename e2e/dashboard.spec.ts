// The creator dashboard journey: become a creator, publish a prompt with a cover through approval, find it in
// search, then ship version 2 while version 1 stays live, and check that owners are told.
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { DEMO, DEMO_PASSWORD, signInViaApi, signUp, uniqueEmail, signInAsAdmin } from "./helpers";

async function photo(width: number, height: number, format: "jpeg" | "png"): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } }).composite([
    { input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#f59e0b"/></svg>`) },
  ]);
  return format === "jpeg" ? image.jpeg().toBuffer() : image.png().toBuffer();
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await browser.newPage();
  await signInViaApi(page, email, DEMO_PASSWORD);
  return page;
}

async function signedInAsAdmin(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await signInAsAdmin(page);
  return page;
}

async function waitForSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveText(/All changes saved/, { timeout: 15_000 });
}

async function approveInQueue(admin: Page, title: string, button: RegExp) {
  await admin.goto("/admin/moderation");
  await admin.getByRole("link", { name: title }).click();
  await admin.getByRole("button", { name: button }).click();
  await expect(admin.getByRole("status")).toContainText("Approved");
}

test.describe("creator dashboard", () => {
  test("become a creator, publish a prompt through approval, then ship version 2 while version 1 stays live", async ({ page, browser }) => {
    test.setTimeout(240_000);
    const tag = `zq${Date.now().toString(36)}`;
    const handle = `maker-${tag}`;
    const title = `Haiku forge ${tag}`;

    // 1. Become a creator from the account menu, with an avatar.
    await signUp(page, { name: "Dashboard Tester", email: uniqueEmail("dashboard"), password: "dashboard-password-123" });
    await page.getByRole("button", { name: /Dashboard Tester/ }).click();
    await page.getByRole("menuitem", { name: "Become a creator" }).click();
    await page.getByLabel("Handle").fill(handle);
    await page.getByLabel("Display name").fill("Haiku Studio");
    await page.getByLabel("Bio").fill("Short poems, made to order.");
    await page.getByLabel("Avatar (optional)").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: await photo(400, 400, "png") });
    await page.getByRole("button", { name: "Upload avatar" }).click();
    await expect(page.getByTestId("avatar-preview")).toBeVisible();
    await page.getByRole("button", { name: "Become a creator" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "Creator dashboard" })).toBeVisible();
    expect((await page.request.get(`/c/${handle}`)).status()).toBe(200);

    // 2. A new prompt listing with details, a cover and content; drafts autosave.
    await page.goto("/dashboard/listings/new");
    await page.getByRole("radio", { name: /^Prompt/ }).check();
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/dashboard\/listings\/[0-9a-f-]{36}$/);
    const editorUrl = page.url();

    await page.getByLabel("Summary").fill("Three-line poems about anything you like.");
    await page.getByRole("textbox", { name: /^Description/ }).fill("## What you get\n\nA prompt that writes **haiku**.");
    await expect(page.getByRole("region", { name: "Description preview" }).locator("strong")).toHaveText("haiku");
    await page.getByLabel("Tags").fill("poetry, haiku");
    await page.getByLabel("Price (USD)").fill("0");
    await waitForSaved(page);

    await page.getByLabel("Choose a cover image").setInputFiles({ name: "cover.jpg", mimeType: "image/jpeg", buffer: await photo(1200, 800, "jpeg") });
    await expect(page.getByRole("img", { name: /thumbnail will be cropped/ })).toBeVisible();
    await page.getByRole("button", { name: "Upload cover" }).click();
    await expect(page.getByTestId("cover-thumb")).toBeVisible();

    await page.getByLabel("Prompt template").fill("Write a haiku about {{topic}}.");
    await page.getByLabel("What topic is").fill("Anything: a season, a city, a feeling");
    await page.getByLabel("Target model").fill("GPT-4o");
    await waitForSaved(page);

    // 3. Choose a license, then submit for approval.
    await page
      .getByRole("region", { name: "License" })
      .getByRole("radio", { name: /^CC BY 4\.0/ })
      .check();
    await page.getByRole("button", { name: "Save license" }).click();
    await expect(page.getByText("License saved: CC BY 4.0.")).toBeVisible();
    await page.getByRole("button", { name: "Submit for approval" }).click();
    await expect(page.getByText("Version 1 is waiting for approval")).toBeVisible();
    await expect(page.getByText("Waiting for approval").first()).toBeVisible();

    // 4. An admin approves it; it is published and found by search.
    const admin = await signedInAsAdmin(browser);
    await approveInQueue(admin, title, /Approve and publish/);
    await page.goto(editorUrl);
    await expect(page.getByText("Published").first()).toBeVisible();
    const slug = (await page.getByRole("link", { name: "View listing page" }).getAttribute("href"))!.replace("/l/", "");
    await page.goto(`/browse?q=${tag}`);
    await expect(page.getByRole("link", { name: title }).first()).toBeVisible();

    // 5. A buyer gets it (free), becoming an owner.
    const buyer = await signedIn(browser, DEMO.buyer);
    await buyer.goto(`/l/${slug}`);
    await buyer.getByTestId("buy-button").click();
    await expect(buyer).toHaveURL(/\/library/);

    // 6. Editing the content makes version 2, which waits while version 1 stays live.
    await page.goto(editorUrl);
    await page.getByLabel("Prompt template").fill("Write a haiku about {{topic}}, with a seasonal word.");
    await waitForSaved(page);
    await page.getByLabel("What changed in version 2").fill("Every haiku now includes a seasonal word.");
    await waitForSaved(page);
    await page.getByRole("button", { name: "Submit version 2 for approval" }).click();
    await expect(page.getByText("Version 2 is waiting for approval. Buyers keep getting version 1 until it is approved.")).toBeVisible();
    await expect(page.getByTestId("version-1")).toContainText("Live");
    await expect(page.getByTestId("version-2")).toContainText("Waiting for approval");
    await buyer.goto(`/l/${slug}`);
    await expect(buyer.getByText("Version 2")).toHaveCount(0);

    // 7. The admin sees the diff and approves; the live version switches and the owner is notified.
    await admin.goto("/admin/moderation");
    await admin.getByRole("link", { name: title }).click();
    await expect(admin.getByTestId("version-diff")).toContainText("with a seasonal word");
    await admin.getByRole("button", { name: /Approve and switch version/ }).click();
    await expect(admin.getByRole("status")).toContainText("Approved");

    await page.goto(editorUrl);
    await expect(page.getByTestId("version-2")).toContainText("Live");
    await buyer.goto("/notifications");
    await expect(buyer.getByTestId("notification-list")).toContainText(`“${title}” has a new version (v2)`);
    await expect(buyer.getByTestId("notification-list")).toContainText("Every haiku now includes a seasonal word.");
    // The owner's library says what was updated since they bought it, and shows just those on request.
    await buyer.goto("/library");
    await buyer.getByRole("link", { name: /^\d+ updated since you bought (it|them)$/ }).click();
    await expect(buyer).toHaveURL(/\/library\?updated=1$/);
    await expect(buyer.getByText(/^\d+ of \d+ items? (was|were) updated since you bought/)).toBeVisible();
    const updated = buyer.getByTestId("library-items").locator("li");
    await expect(updated.filter({ hasText: title })).toContainText("You bought v1");
    const badges = await updated.evaluateAll((items) => items.map((li) => li.textContent?.includes("Updated") ?? false));
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every(Boolean)).toBe(true);
    await admin.close();
    await buyer.close();
  });

  test("editor keeps typed work when a save is refused, and non-admins get a 404 from moderation", async ({ page }) => {
    await signInViaApi(page, DEMO.creator, DEMO_PASSWORD);
    await page.goto("/dashboard/listings/new");
    await page.getByLabel("Title").fill(`Draft to break ${Date.now().toString(36)}`);
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/dashboard\/listings\/[0-9a-f-]{36}$/);
    await page.getByLabel("Price (USD)").fill("0.50");
    await expect(page.getByText("Price is 0 (free) or between $1.00 and $1,000.00.")).toBeVisible();
    await expect(page.getByTestId("save-state")).toContainText(/Not saved|Unsaved/, { timeout: 10_000 });
    await page.reload();
    await expect(page.getByRole("alert").filter({ hasText: "unsaved changes" })).toBeVisible();
    await page.getByRole("button", { name: "Restore them" }).click();
    await expect(page.getByLabel("Price (USD)")).toHaveValue("0.50");

    const res = await page.goto("/admin/moderation");
    expect(res?.status()).toBe(404);
  });
});
