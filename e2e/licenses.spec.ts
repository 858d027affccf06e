// Licenses journey: a creator can't submit without choosing a license, picks one, and once approved the listing page
// spells out its rights and the browse filter "Commercial use allowed" finds it.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signInViaApi, signInAsAdmin } from "./helpers";

async function waitForSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveText(/All changes saved/, { timeout: 15_000 });
}

test("a creator picks a license, the listing page shows it and the commercial-use filter finds it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const tag = `lic${Date.now().toString(36)}`;
  const title = `Contract drafter ${tag}`;
  await signInViaApi(page, DEMO.creator, DEMO_PASSWORD);

  await page.goto("/dashboard/listings/new");
  await page.getByRole("radio", { name: /^Prompt/ }).check();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/dashboard\/listings\/[0-9a-f-]{36}$/);
  const editorUrl = page.url();
  await page.getByLabel("Summary").fill("Drafts plain-language service contracts in minutes.");
  await page.getByRole("textbox", { name: /^Description/ }).fill("A prompt that drafts **contracts** you can send.");
  await page.getByLabel("Tags").fill("legal, contracts");
  await page.getByLabel("Price (USD)").fill("0");
  await waitForSaved(page);
  await page.getByLabel("Prompt template").fill("Draft a contract for {{service}}.");
  await page.getByLabel("What service is").fill("The service being contracted");
  await page.getByLabel("Target model").fill("GPT-4o");
  await waitForSaved(page);

  // No license yet: the editor refuses to submit and says where to choose one.
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByText("Choose a license in the License section.")).toBeVisible();

  const licenseSection = page.getByRole("region", { name: "License" });
  await licenseSection.getByRole("radio", { name: /^Agora standard commercial/ }).check();
  await expect(licenseSection.getByTestId("license-commercialUse")).toContainText("Commercial use allowed");
  await licenseSection.getByRole("button", { name: "Save license" }).click();
  await expect(licenseSection.getByText("License saved: Agora standard commercial.")).toBeVisible();
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByText("Version 1 is waiting for approval")).toBeVisible();

  const admin = await browser.newPage();
  await signInAsAdmin(admin);
  await admin.goto("/admin/moderation");
  await admin.getByRole("link", { name: title }).click();
  await admin.getByRole("button", { name: /Approve and publish/ }).click();
  await expect(admin.getByRole("status")).toContainText("Approved");

  await page.goto(editorUrl);
  const slug = (await page.getByRole("link", { name: "View listing page" }).getAttribute("href"))!.replace("/l/", "");
  await page.goto(`/l/${slug}`);
  const license = page.getByRole("region", { name: "License" });
  await expect(license).toContainText("Agora standard commercial");
  await expect(license.getByTestId("license-commercialUse")).toContainText("Commercial use allowed");
  await expect(license.getByTestId("license-resaleOfOutputs")).toContainText("Outputs may be sold");

  await page.goto(`/browse?q=${tag}`);
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
  await page.getByRole("checkbox", { name: "Commercial use allowed" }).click();
  await expect(page).toHaveURL(/commercial=1/);
  await expect(page.getByRole("checkbox", { name: "Commercial use allowed" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
  expect((await (await page.request.get(`/api/v1/listings?q=${tag}&commercial=1`)).json()).items).toEqual([expect.objectContaining({ slug })]);
});
