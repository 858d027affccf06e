// A model from upload to a buyer's download, on the bucket driver (scripts/e2e.ts runs s3rver): a creator uploads a
// safetensors file straight to the bucket in parts with visible progress, the format comes from the file check, an
// admin approves it (seeing its license), the listing shows the parameter count and license, a buyer pays with the
// local payments driver and downloads the file from the library: the same bytes, by sha256.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { safetensorsFile } from "@/lib/files/testing/model-files";
import { DEMO, DEMO_PASSWORD, signInViaApi, signUp, uniqueEmail, signInAsAdmin } from "./helpers";

async function waitForSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveText(/All changes saved/, { timeout: 15_000 });
}

test("a creator sells a safetensors model; a buyer downloads exactly the uploaded bytes", async ({ page, browser }) => {
  test.setTimeout(240_000);
  // 4096 × 2100 F16 weights: 17 MB, three 8 MiB parts.
  const model = Buffer.from(safetensorsFile([{ name: "layer.weight", dtype: "F16", shape: [4096, 2100] }]));
  const sha256 = createHash("sha256").update(model).digest("hex");
  const tag = `mp${Date.now().toString(36)}`;
  const title = `Tiny writer model ${tag}`;

  await signInViaApi(page, DEMO.creator, DEMO_PASSWORD);
  await page.goto("/dashboard/listings/new");
  await page.getByRole("radio", { name: /^Model/ }).check();
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/dashboard\/listings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const editorUrl = page.url();
  await page.getByLabel("Summary").fill("A small fine-tune that writes short product copy.");
  await page.getByRole("textbox", { name: /^Description/ }).fill("Weights in **safetensors**, F16.");
  await page.getByLabel("Tags").fill("writing, copy");
  await page.getByLabel("Price (USD)").fill("7");
  await waitForSaved(page);

  // The upload area says how much storage the creator uses before anything is sent.
  await expect(page.getByText(/^Storage: .+ of 20 GB used$/)).toBeVisible();
  // Parts go slower than loopback allows, so the progress is there to be seen (the bytes are untouched).
  await page.route(
    (url) => url.searchParams.has("partNumber") && url.searchParams.has("uploadId"),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    },
  );
  await page.getByLabel("Model file", { exact: true }).setInputFiles({ name: "tiny-writer.safetensors", mimeType: "application/octet-stream", buffer: model });
  await expect(page.getByRole("progressbar", { name: "Uploading…" })).toBeVisible();
  await expect(page.getByTestId("file-sha256")).toHaveText(sha256, { timeout: 90_000 });
  await expect(page.getByTestId("model-file-report")).toContainText("8,601,600");
  // Format is read from the file, not typed.
  await expect(page.getByLabel("Format", { exact: true })).toHaveValue("safetensors");
  await expect(page.getByLabel("Format", { exact: true })).toHaveAttribute("readonly", "");
  await page.getByLabel("Base model").fill("TinyLlama 1.1B");
  await page.getByLabel("How to use it").fill("Load with safetensors.torch.load_file.");
  await waitForSaved(page);

  const licenseSection = page.getByRole("region", { name: "License" });
  await licenseSection.getByRole("radio", { name: /^Agora standard commercial/ }).check();
  await licenseSection.getByRole("button", { name: "Save license" }).click();
  await expect(licenseSection.getByText("License saved: Agora standard commercial.")).toBeVisible();
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByText("Version 1 is waiting for approval")).toBeVisible();

  // The admin sees the version's license on the approval page and approves it.
  const admin = await browser.newPage();
  await signInAsAdmin(admin);
  await admin.goto("/admin/moderation");
  await admin.getByRole("link", { name: title }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(title);
  const approvalLicense = admin.getByRole("region", { name: "License of version 1" });
  await expect(approvalLicense).toContainText("Agora standard commercial");
  await expect(approvalLicense.getByTestId("license-commercialUse")).toContainText("Commercial use allowed");
  await admin.getByRole("button", { name: /Approve and publish/ }).click();
  await expect(admin.getByRole("status")).toContainText("Approved");
  await admin.close();

  await page.goto(editorUrl);
  const slug = (await page.getByRole("link", { name: "View listing page" }).getAttribute("href"))!.replace("/l/", "");

  // A buyer finds the listing with its parameter count and license, pays, and downloads it from the library.
  const buyer = await browser.newPage();
  await signUp(buyer, { name: "Model Buyer", email: uniqueEmail("modelbuyer"), password: "journey-password" });
  await buyer.goto(`/l/${slug}`);
  await expect(buyer.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(buyer.getByTestId("model-file-report")).toContainText("Parameters");
  await expect(buyer.getByTestId("model-file-report")).toContainText("8,601,600");
  await expect(buyer.getByRole("region", { name: "License" })).toContainText("Agora standard commercial");
  await buyer.getByTestId("buy-button").click();
  await expect(buyer).toHaveURL(/\/checkout\/local\/cs_local_[0-9a-f]{24}$/);
  await buyer.getByRole("button", { name: "Pay $7.00" }).click();
  await expect(buyer.getByRole("heading", { name: /it.s yours/ })).toBeVisible();
  await buyer.getByRole("link", { name: "Open in your library" }).click();
  await expect(buyer.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(buyer.getByText(sha256)).toBeVisible();

  const [download] = await Promise.all([buyer.waitForEvent("download"), buyer.getByRole("link", { name: "Download file" }).click()]);
  expect(download.suggestedFilename()).toBe("tiny-writer.safetensors");
  const bytes = await readFile((await download.path())!);
  expect(bytes.length).toBe(model.length);
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
  await buyer.close();
});
