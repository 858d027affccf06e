// Model file checks journey: the listing editor shows what the check read from an uploaded model's header, and a
// pickle renamed .safetensors is refused with the reason and how to convert it.
import { expect, test } from "@playwright/test";
import { pickleFile, safetensorsFile } from "@/lib/files/testing/model-files";
import { DEMO, DEMO_PASSWORD, signInViaApi } from "./helpers";

test("a creator uploads a safetensors model and sees its facts; a renamed pickle is refused", async ({ page }) => {
  test.setTimeout(120_000);
  const model = Buffer.from(safetensorsFile([{ name: "layer.weight", dtype: "F16", shape: [64, 32] }], { format: "pt" }));

  await signInViaApi(page, DEMO.creator, DEMO_PASSWORD);
  await page.goto("/dashboard/listings/new");
  await page.getByRole("radio", { name: /^Model/ }).check();
  await page.getByLabel("Title").fill(`Checked model ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/dashboard\/listings\/[0-9a-f-]{36}$/);

  await page.getByLabel("Model file", { exact: true }).setInputFiles({ name: "adapter.safetensors", mimeType: "application/octet-stream", buffer: model });
  const report = page.getByTestId("model-file-report");
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report).toContainText("safetensors");
  await expect(report).toContainText("2K (2,048)");
  await expect(report).toContainText("F16");

  await page
    .getByLabel("Replace the file", { exact: true })
    .setInputFiles({ name: "model.safetensors", mimeType: "application/octet-stream", buffer: Buffer.from(pickleFile()) });
  await expect(page.getByText(/arbitrary code/).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/convert_hf_to_gguf\.py/).first()).toBeVisible();
});
