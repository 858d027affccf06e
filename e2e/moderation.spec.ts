// Moderation journeys on one listing made for them: an admin asks for changes with a reason, the creator fixes it and
// it is published; a live listing's new description waits for approval while the old one stays public; a buyer's
// report leads to its removal, after which it is gone from search and the API but still opens in the buyer's library.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, gotoUntil, signInViaApi, signInAsAdmin, statusesFromEveryProcess } from "./helpers";

test.describe.configure({ mode: "serial" });

const tag = `zqmod${Date.now().toString(36)}`;
const title = `Moderated limerick kit ${tag}`;
const ORIGINAL = "Writes limericks about your product, five lines each.";
const REVISED = "Now also writes clerihews about your team.";
let editorUrl = "";
let slug = "";

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

async function openInQueue(admin: Page) {
  await admin.goto("/admin/moderation");
  await admin.getByRole("link", { name: title }).click();
}

test("an admin rejects a listing with a reason; the creator fixes and resubmits; once approved it is found by search", async ({ browser }) => {
  test.setTimeout(180_000);
  const creator = await signedIn(browser, DEMO.creator);
  await creator.goto("/dashboard/listings/new");
  await creator.getByRole("radio", { name: /^Prompt/ }).check();
  await creator.getByLabel("Title").fill(title);
  await creator.getByRole("button", { name: "Create draft" }).click();
  await expect(creator).toHaveURL(/\/dashboard\/listings\/[0-9a-f-]{36}$/);
  editorUrl = creator.url();
  await creator.getByLabel("Summary").fill("Limericks");
  await creator.getByRole("textbox", { name: /^Description/ }).fill(ORIGINAL);
  await creator.getByLabel("Tags").fill("poetry");
  await creator.getByLabel("Price (USD)").fill("0");
  await waitForSaved(creator);
  await creator.getByLabel("Prompt template").fill("Write a limerick about {{product}}.");
  await creator.getByLabel("What product is").fill("The thing you sell");
  await creator.getByLabel("Target model").fill("GPT-4o");
  await waitForSaved(creator);
  await creator
    .getByRole("region", { name: "License" })
    .getByRole("radio", { name: /^CC BY 4\.0/ })
    .check();
  await creator.getByRole("button", { name: "Save license" }).click();
  await expect(creator.getByText("License saved: CC BY 4.0.")).toBeVisible();
  await creator.getByRole("button", { name: "Submit for approval" }).click();
  await expect(creator.getByText("Version 1 is waiting for approval")).toBeVisible();

  const reason = "The summary is one word; say what buyers get.";
  const admin = await signedInAsAdmin(browser);
  await openInQueue(admin);
  await admin.getByRole("button", { name: /^reject$/i }).click();
  await admin.getByLabel(/Reason \(the creator sees this\)/).fill(reason);
  await admin.getByRole("button", { name: "Reject with this reason" }).click();
  await expect(admin.getByRole("status")).toContainText("Rejected");

  await creator.goto(editorUrl);
  await expect(creator.getByTestId("rejection-reason")).toHaveText(reason);
  await creator.getByLabel("Summary").fill("Five-line limericks about whatever you sell.");
  await waitForSaved(creator);
  await creator.getByLabel("What changed in version 2").fill("A summary that says what buyers get.");
  await waitForSaved(creator);
  await creator.getByRole("button", { name: /^Submit (version \d+ )?for approval$/ }).click();
  await expect(creator.getByText(/Version \d+ is waiting for approval/)).toBeVisible();

  await openInQueue(admin);
  await admin.getByRole("button", { name: /Approve and publish/ }).click();
  await expect(admin.getByRole("status")).toContainText("Approved");

  await creator.goto(editorUrl);
  slug = (await creator.getByRole("link", { name: "View listing page" }).getAttribute("href"))!.replace("/l/", "");
  await creator.goto(`/browse?q=${tag}`);
  await expect(creator.getByRole("link", { name: title }).first()).toBeVisible();
  await admin.close();
  await creator.close();
});

test("a live listing's new description waits for approval while the public page keeps the old text", async ({ browser }) => {
  test.setTimeout(120_000);
  const creator = await signedIn(browser, DEMO.creator);
  await creator.goto(editorUrl);
  await creator.getByRole("textbox", { name: /^Description/ }).fill(REVISED);
  await creator.getByRole("button", { name: "Submit details for approval" }).click();
  await expect(creator.getByTestId("revision-pending")).toContainText("waiting for approval");

  const visitor = await browser.newPage();
  await visitor.goto(`/l/${slug}`);
  await expect(visitor.getByText(ORIGINAL)).toBeVisible();
  await expect(visitor.getByText(REVISED)).toHaveCount(0);

  const admin = await signedInAsAdmin(browser);
  await openInQueue(admin);
  await expect(admin.getByTestId("version-diff")).toContainText(REVISED);
  await admin.getByRole("button", { name: "Approve the changes" }).click();
  await expect(admin.getByRole("status")).toContainText("Approved");

  // The visitor's process may have kept the page: it shows the approved text once that process has read the change.
  await gotoUntil(visitor, `/l/${slug}`, () => expect(visitor.getByText(REVISED)).toBeVisible({ timeout: 1_000 }));
  await admin.close();
  await visitor.close();
  await creator.close();
});

test("a buyer reports the listing; the admin removes it; it leaves search and the API but stays in the buyer's library", async ({ browser }) => {
  test.setTimeout(120_000);
  const buyer = await signedIn(browser, DEMO.buyer);
  await buyer.goto(`/l/${slug}`);
  await buyer.getByTestId("buy-button").click();
  await expect(buyer).toHaveURL(/\/library/);

  await buyer.goto(`/l/${slug}`);
  await buyer.getByRole("button", { name: "Report this listing" }).click();
  const dialog = buyer.getByRole("dialog", { name: "Report this listing" });
  await dialog.getByLabel("Reason").selectOption({ label: "Misleading" });
  await dialog.getByLabel("Details").fill("The preview promises clerihews but the prompt only writes limericks.");
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByRole("status")).toContainText("a moderator will look at it");

  // Every server process has the listing's page and API answer in its data cache before the removal…
  for (const path of [`/l/${slug}`, `/api/v1/listings/${slug}`]) expect(new Set(await statusesFromEveryProcess(path))).toEqual(new Set([200]));

  // Only admins see the reports queue and decide; anyone else gets a 404.
  expect((await buyer.request.get("/admin/reports")).status()).toBe(404);
  const admin = await signedInAsAdmin(browser);
  // The queue is oldest first, 25 a page, and other journeys' reports are older: the admin finds this one by its title.
  await admin.goto("/admin/reports");
  const find = admin.getByRole("search", { name: "Find reports" });
  await find.getByRole("searchbox", { name: "Listing, creator or reporter" }).fill(title);
  await find.getByRole("button", { name: "Find" }).click();
  await expect(admin.getByText(/^1 open report matches “/)).toBeVisible();
  const report = admin.getByRole("link", { name: title });
  await report.click();
  await admin.getByRole("radio", { name: /Remove the listing/ }).check();
  await admin.getByLabel(/^Note/).fill("The content does not match its description.");
  await admin.getByRole("button", { name: "Decide" }).click();
  await admin.getByRole("button", { name: "Yes, remove the listing" }).click();
  await expect(admin.getByRole("status")).toContainText("Decided");

  const api = await buyer.request.get(`/api/v1/listings?q=${tag}`);
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { items: { slug: string }[] }).items.map((i) => i.slug)).not.toContain(slug);
  // …and none serves it after: the one that removed it tells the others, which apply it at their next cache read after
  // their once-a-second sync (lib/cache/shared-tags.mjs); asked on 16 connections until every answer is a 404.
  for (const path of [`/l/${slug}`, `/api/v1/listings/${slug}`]) {
    await expect.poll(async () => [...new Set(await statusesFromEveryProcess(path))], { timeout: 10_000, intervals: [250, 500, 1_000] }).toEqual([404]);
  }
  await buyer.goto(`/browse?q=${tag}`);
  await expect(buyer.getByRole("link", { name: title })).toHaveCount(0);

  await buyer.goto("/library");
  const owned = buyer.getByTestId("library-items");
  await expect(owned).toContainText("This listing was removed from Agora by its moderators. You keep what you bought.");
  await owned.getByRole("link", { name: title }).click();
  await expect(buyer.getByRole("heading", { name: title })).toBeVisible();
  await expect(buyer.getByText("This listing was removed from Agora by its moderators")).toBeVisible();
  await admin.close();
  await buyer.close();
});
