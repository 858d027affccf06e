// Library journeys: delivery per kind (prompt filling, test taking), reviews by owners, and nothing for anyone else.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signInViaApi, signUp, uniqueEmail } from "./helpers";

type ShelfItem = { kind: string; href: string; title: string };

/** The signed-in buyer's library items as shown on /library. */
async function shelf(page: Page, path = "/library"): Promise<ShelfItem[]> {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Your library" })).toBeVisible();
  return page
    .getByTestId("library-items")
    .locator("li")
    .evaluateAll((lis) =>
      lis
        .map((li) => {
          const link = li.querySelector("a");
          return { kind: li.querySelector("span")?.textContent ?? "", href: link?.getAttribute("href") ?? "", title: link?.textContent ?? "" };
        })
        .filter((item) => item.href.startsWith("/library/")),
    );
}

async function firstOfKind(page: Page, kind: string): Promise<ShelfItem> {
  const item = (await shelf(page)).find((i) => i.kind === kind);
  expect(item, `the demo buyer should own a ${kind}`).toBeTruthy();
  return item!;
}

test.describe("library", () => {
  test("a buyer fills a prompt's variables and copies the result in one click @mobile", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await signInViaApi(page, DEMO.buyer, DEMO_PASSWORD);
    const prompt = await firstOfKind(page, "Prompt");
    await page.goto(prompt.href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(prompt.title);

    const form = page.getByRole("form", { name: "Prompt variables" });
    const fields = form.getByRole("textbox");
    const count = await fields.count();
    for (let i = 0; i < count; i++) await fields.nth(i).fill(`value-${i + 1}`);
    const filled = page.getByTestId("filled-prompt");
    for (let i = 0; i < count; i++) await expect(filled).toContainText(`value-${i + 1}`);
    await expect(filled).not.toContainText("{{");

    await page.getByRole("button", { name: "Copy prompt" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied to clipboard" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await filled.innerText());
  });

  test("a buyer takes a test: answers are graded on the server, with score, pass or fail, explanations and history", async ({ page }) => {
    await signInViaApi(page, DEMO.buyer, DEMO_PASSWORD);
    const item = await firstOfKind(page, "Online test");
    await page.goto(item.href);

    // Nothing in the delivered page says which answer is right before submitting.
    expect(await page.content()).not.toContain("correctIndex");
    const start = page.getByRole("button", { name: "Start the test" });
    if (await start.isVisible()) await start.click();

    const questions = page.getByRole("form", { name: "Test questions" }).getByRole("group");
    const total = await questions.count();
    expect(total).toBeGreaterThan(0);
    for (let i = 0; i < total; i++) await questions.nth(i).getByRole("radio").first().check();
    await page.getByRole("button", { name: "Submit answers" }).click();

    const result = page.getByTestId("test-result");
    await expect(result.getByRole("heading", { level: 3 })).toHaveText(/^(Passed|Not passed) — \d+%$/);
    await expect(result).toContainText(`of ${total} correct`);
    await expect(result.getByText("Correct answer").first()).toBeVisible();

    await page.reload();
    await expect(page.getByTestId("attempt-history").locator("li")).not.toHaveCount(0);
  });

  test("an owner writes a review and edits it", async ({ page }) => {
    await signInViaApi(page, DEMO.buyer, DEMO_PASSWORD);
    const items = await shelf(page);
    let target: ShelfItem | undefined;
    for (const item of items) {
      await page.goto(item.href);
      if (await page.getByRole("form", { name: "Write a review" }).isVisible()) {
        target = item;
        break;
      }
    }
    expect(target, "the demo buyer should own something they haven't reviewed yet").toBeTruthy();

    const write = page.getByRole("form", { name: "Write a review" });
    await write.getByRole("radio", { name: /^4 stars/ }).check({ force: true });
    const body = `Journey review ${Date.now()}: clear and useful.`;
    await write.getByLabel("Your review").fill(body);
    await write.getByRole("button", { name: "Post review" }).click();

    const mine = page.getByRole("article", { name: /Review by/ });
    await expect(mine).toContainText(body);
    await expect(mine.getByRole("img", { name: "4 out of 5 stars" })).toBeVisible();

    await mine.getByRole("button", { name: "Edit review" }).click();
    const edit = page.getByRole("form", { name: "Edit your review" });
    await edit.getByRole("radio", { name: /^5 stars/ }).check({ force: true });
    await edit.getByLabel("Your review").fill(`${body} Edited: even better in v2.`);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect(mine).toContainText("Edited: even better in v2.");
    await expect(mine.getByRole("img", { name: "5 out of 5 stars" })).toBeVisible();
    await expect(mine).toContainText("edited");
  });

  test("a stranger gets 404 for another person's library item, receipt, file and guessed download links", async ({ page, browser }) => {
    await signInViaApi(page, DEMO.buyer, DEMO_PASSWORD);
    const [item] = await shelf(page);
    const listingId = item.href.split("/").pop()!;
    const receipt = await page
      .getByRole("link", { name: /^Receipt/ })
      .first()
      .getAttribute("href");
    expect(receipt).toMatch(/^\/library\/orders\/[0-9a-f-]{36}$/);

    const stranger = await browser.newPage();
    await signUp(stranger, { name: "Nosy Stranger", email: uniqueEmail("stranger"), password: "stranger-password" });
    for (const path of [`/library/${listingId}`, `/library/${listingId}?v=1`, receipt!, `/library/00000000-0000-4000-8000-000000000000`]) {
      const res = await stranger.goto(path);
      expect(res?.status(), path).toBe(404);
    }
    for (const path of [
      `/api/library/${listingId}/json`,
      `/api/library/${listingId}/download`,
      `/api/downloads/${Buffer.from(`x.${listingId}.y`).toString("base64url")}.AAAA`,
      `/api/downloads/not-a-token`,
    ]) {
      const res = await stranger.request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(404);
    }
    await stranger.close();

    // Signed out: the library asks to sign in and comes back.
    const visitor = await browser.newPage();
    await visitor.goto(`/library/${listingId}`);
    await expect(visitor).toHaveURL(/\/signin\?returnTo=/);
    await visitor.close();
  });
  test("a buyer searches their library by title and finds every order with its receipt in the order history @mobile", async ({ page }) => {
    await signInViaApi(page, DEMO.buyer, DEMO_PASSWORD);
    const items = await shelf(page);
    expect(items.length).toBeGreaterThan(6);
    const wanted = items[items.length - 1];

    const search = page.getByRole("search", { name: "Search your library" });
    await search.getByRole("searchbox", { name: "Title" }).fill(wanted.title);
    await search.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/library\?q=/);
    await expect(page.getByText(/^\d+ of \d+ items? match(es)? “/)).toBeVisible();
    const found = await shelf(page, new URL(page.url()).pathname + new URL(page.url()).search);
    expect(found.map((i) => i.title)).toContain(wanted.title);
    expect(found.every((i) => i.title.toLowerCase().includes(wanted.title.toLowerCase()))).toBe(true);
    await page.getByRole("link", { name: "Clear search" }).click();
    await expect(page).toHaveURL(/\/library$/);

    await page.getByRole("searchbox", { name: "Title" }).fill("no title is like this one");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("heading", { name: "Nothing in your library matches" })).toBeVisible();
    await page.getByRole("link", { name: "Show everything" }).click();
    await expect(page.getByTestId("library-items").locator("li")).toHaveCount(Math.min(items.length, 24));

    // The library shows the latest orders; all of them, with receipts, are one link away.
    const recent = page.getByTestId("order-history").locator("tbody tr");
    await expect(recent.first()).toBeVisible();
    expect(await recent.count()).toBeLessThanOrEqual(5);
    await page.getByRole("link", { name: "All orders →" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Order history" })).toBeVisible();
    await expect(page.getByText(/^\d+ orders?, newest first/)).toBeVisible();
    // Newest first, 25 a page: journeys running beside this one may have added orders, so page on until it shows.
    const receipt = page.getByRole("link", { name: `Receipt for ${wanted.title}` }).first();
    while ((await receipt.count()) === 0) {
      const at = page.url();
      await page.getByRole("link", { name: "Older orders →" }).click();
      await page.waitForURL((url) => url.toString() !== at);
    }
    await receipt.click();
    await expect(page.getByRole("heading", { level: 1, name: "Receipt" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(wanted.title);
    await page.getByRole("link", { name: "← Order history" }).click();
    await expect(page).toHaveURL(/\/library\/orders$/);
  });
});
