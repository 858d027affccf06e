// Creators get paid: a new creator connects a (local) Stripe account, the admin settles last month, the creator
// sees the transfer and a statement that reconciles; a creator under the minimum sees the hold in plain words.
import { expect, test } from "@playwright/test";
import { lastClosedPeriod, periodLabel, periodOf } from "@/lib/settlement/periods";
import { E2E_PASSWORD, E2E_PAYOUT_CREATORS } from "./accounts";
import { signInViaApi, signInAsAdmin } from "./helpers";

const lastMonth = lastClosedPeriod(new Date());
const lastMonthLabel = periodLabel(lastMonth);
const CRON_SECRET = process.env.CRON_SECRET ?? "e2e-cron-secret";

test("a new creator sets up payouts, the admin settles last month, and the creator sees the transfer and a statement that reconciles", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const creator = E2E_PAYOUT_CREATORS.newCreator;

  // 1. The creator opens Payouts from the dashboard: $36.00 earned last month, no payout account yet.
  await signInViaApi(page, creator.email, E2E_PASSWORD);
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Payouts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payouts" })).toBeVisible();
  await expect(page.getByText("Available balance").locator("..")).toContainText("$36.00");
  await expect(page.getByRole("heading", { name: /No payouts yet — your first payout is on/ })).toBeVisible();

  // 2. Connect onboarding (the local driver's stand-in for Stripe's hosted pages).
  await expect(page.getByRole("heading", { name: "Set up payouts to get paid" })).toBeVisible();
  await page.getByRole("button", { name: "Set up payouts" }).click();
  await expect(page).toHaveURL(/\/dashboard\/payouts\/onboarding\/local/);
  await page.getByRole("button", { name: "Submit and return to Agora" }).click();
  await expect(page).toHaveURL(/\/dashboard\/payouts(\?.*)?$/);
  await expect(page.getByRole("heading", { name: "Payouts are on" })).toBeVisible();

  // 3. The demo admin settles last month from Settlements, confirming first.
  const admin = await browser.newPage();
  await signInAsAdmin(admin);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: /Settlements/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Settlements" })).toBeVisible();
  await expect(admin.getByLabel("Month")).toHaveValue(lastMonth);
  await admin.getByRole("button", { name: "Run or continue" }).click();
  const confirm = admin.getByRole("dialog", { name: `Settle ${lastMonthLabel}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: `Yes, settle ${lastMonthLabel}` }).click();
  await expect(admin.getByRole("status").filter({ hasText: `${lastMonthLabel}:` })).toContainText("The run is complete.", { timeout: 120_000 });
  const run = admin.locator(`[data-testid="settlement-run"][data-period="${lastMonth}"]`);
  await expect(run).toContainText("Completed");
  await expect(run.getByRole("progressbar")).toBeVisible();

  // The month's page: the creator's payout is paid, and the ledger agrees with the transfers.
  await run.getByRole("link", { name: lastMonthLabel }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Settlement · ${lastMonthLabel}` })).toBeVisible();
  await expect(admin.getByTestId("reconciliation-state")).toHaveText(/Balanced/);
  await admin.getByLabel("Creator email or handle").fill(creator.handle);
  await admin.getByRole("button", { name: "Filter" }).click();
  const adminRow = admin.getByTestId("run-payout");
  await expect(adminRow).toHaveCount(1);
  await expect(adminRow).toContainText("$36.00");
  await expect(adminRow).toContainText("Paid");
  const transferId = ((await adminRow.locator("td.font-mono").textContent()) ?? "").trim();
  expect(transferId).toMatch(/^tr_local_/);
  await admin.close();

  // 4. The creator sees the payout paid, with its transfer id.
  await page.reload();
  const row = page.getByTestId("payout-row").filter({ hasText: lastMonthLabel });
  await expect(row).toContainText("Paid");
  await expect(row).toContainText("$36.00");
  await expect(row).toContainText(transferId);

  // The CSV export has it too; visitors get nothing.
  const csv = await page.request.get("/dashboard/payouts/export");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="agora-payouts-e2e-newpay-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(await csv.text()).toContain(`${lastMonth},paid,36.00,0.00,USD,${transferId}`);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(new URL("/dashboard/payouts/export", page.url()).toString())).status()).toBe(401);
  await anonymous.close();

  // 5. Last month's statement: three sales, $36.00 net, closing balance that reconciles with the ledger.
  await row.getByRole("link", { name: `Statement for ${lastMonthLabel}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Statement · ${lastMonthLabel}` })).toBeVisible();
  await expect(page.getByRole("row", { name: /Sales \(3\)/ })).toContainText("+ $36.00");
  await expect(page.getByTestId("closing-balance")).toHaveText("$36.00");
  await expect(page.getByTestId("reconciliation")).toHaveText(/^Reconciles/);

  // This month's statement shows the payout going out with the same transfer, closing at zero.
  await page.getByRole("link", { name: "← Payouts" }).click();
  await page
    .getByRole("list")
    .getByRole("link", { name: periodLabel(periodOf(new Date())) })
    .click();
  await expect(page.getByRole("row", { name: /Payouts sent/ })).toContainText("− $36.00");
  await expect(page.getByRole("row", { name: new RegExp(`Payout for ${lastMonthLabel}`) })).toContainText(transferId);
  await expect(page.getByTestId("closing-balance")).toHaveText("$0.00");
  await expect(page.getByTestId("reconciliation")).toHaveText(/^Reconciles/);
});

test("a creator under the minimum sees the hold and its reason in plain words, on a phone too", async ({ page }) => {
  const creator = E2E_PAYOUT_CREATORS.smallCreator;
  // Last month is settled by the daily cron if nobody ran it yet; a repeated call changes nothing.
  const cron = await page.request.get("/api/cron/settle", { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(cron.status()).toBe(200);

  await signInViaApi(page, creator.email, E2E_PASSWORD);
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Payouts" }).click();
  const hold = page.getByRole("region", { name: "Below the payout minimum" });
  await expect(hold).toBeVisible();
  await expect(hold).toContainText(`${lastMonthLabel} payout · $4.00`);
  await expect(hold).toContainText("Your payable balance is under the $10.00 minimum. It carries over and is paid once it reaches the minimum.");
  const row = page.getByTestId("payout-row").filter({ hasText: lastMonthLabel });
  await expect(row).toContainText("On hold");
  await expect(row).toContainText("$4.00");

  // On a phone the hold still reads in full within the screen, and the history table scrolls inside its own box.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(hold).toBeVisible();
  await expect(hold).toContainText("under the $10.00 minimum");
  const holdBox = await hold.boundingBox();
  expect(holdBox && holdBox.x >= 0 && holdBox.x + holdBox.width <= 390).toBe(true);
  const scroller = page.getByRole("table", { name: "Payout history" }).locator("..");
  const fit = await scroller.evaluate((el) => ({ right: el.getBoundingClientRect().right, scrolls: el.scrollWidth > el.clientWidth }));
  expect(fit.right).toBeLessThanOrEqual(390);
  expect(fit.scrolls).toBe(true);
});
