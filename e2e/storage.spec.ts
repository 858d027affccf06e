// Bucket storage journey: the journey server stores files in a local S3-protocol bucket (scripts/e2e.ts). A creator
// uploads a model file from the listing editor straight to the bucket in parts; the editor shows the server's
// SHA-256, and the file downloads back, through a presigned redirect, with the same bytes.
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { safetensorsFile } from "@/lib/files/testing/model-files";
import { DEMO, DEMO_PASSWORD, signInViaApi } from "./helpers";

test("a creator uploads a model file straight to the bucket and downloads the same bytes back", async ({ page }) => {
  test.setTimeout(120_000);
  // Two 8 MiB parts and a bit: a real multipart upload.
  const model = Buffer.from(safetensorsFile([{ name: "layer.weight", dtype: "F16", shape: [4096, 2100] }]));
  const sha256 = createHash("sha256").update(model).digest("hex");

  await signInViaApi(page, DEMO.creator, DEMO_PASSWORD);
  await page.goto("/dashboard/listings/new");
  await page.getByRole("radio", { name: /^Model/ }).check();
  await page.getByLabel("Title").fill(`Bucket model ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/dashboard\/listings\/[0-9a-f-]{36}$/);

  await page.getByLabel("Model file", { exact: true }).setInputFiles({ name: "tiny-llama.safetensors", mimeType: "application/octet-stream", buffer: model });
  await expect(page.getByTestId("file-sha256")).toHaveText(sha256, { timeout: 60_000 });
  const attached = page.getByRole("definition").filter({ hasText: "tiny-llama.safetensors" });
  await expect(attached).toBeVisible();

  // The owner's download is a redirect to a presigned bucket URL; following it gives the same bytes.
  const href = await page.getByRole("link", { name: "tiny-llama.safetensors" }).getAttribute("href");
  const first = await page.request.get(href!, { maxRedirects: 0 });
  expect(first.status()).toBe(302);
  expect(first.headers()["location"]).toContain("X-Amz-Signature=");
  const downloaded = await page.request.get(href!);
  expect(
    createHash("sha256")
      .update(await downloaded.body())
      .digest("hex"),
  ).toBe(sha256);
});
