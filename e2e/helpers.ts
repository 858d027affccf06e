// Shared journey helpers: unique accounts, API sign-in (no form typing), demo credentials.
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { E2E_ADMINS, E2E_PASSWORD } from "./accounts";

export const DEMO_PASSWORD = "demo-password";
export const DEMO = {
  buyer: "buyer@demo.test",
  creator: "creator@demo.test",
} as const;

/** This worker's admin (e2e/accounts.ts): no other worker running at the same time signs in as them. */
let adminTurn = 0;

/**
 * An admin of this worker's own (E2E_ADMINS split between the workers, so two workers never share one), taken in
 * turn: each admin signs in at most twice a 30-second TOTP step (unusedCode), so one admin per worker made every
 * admin journey after the second in a step wait for the next one.
 */
export function journeyAdmin() {
  const info = test.info();
  const workers = Math.max(1, Math.min(info.config.workers, E2E_ADMINS.length));
  const own = E2E_ADMINS.filter((_, i) => i % workers === info.parallelIndex % workers);
  const admin = own[adminTurn++ % own.length];
  return { ...admin, password: E2E_PASSWORD };
}

/** Signs the page in as this worker's admin, two-factor code included. */
export function signInAsAdmin(page: Page) {
  const admin = journeyAdmin();
  return signInViaApi(page, admin.email, admin.password, { totpSecret: admin.totpSecret });
}

let counter = 0;
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@e2e.test`;
}

/** The error a form shows (Next's route announcer is also role=alert, so look inside forms only). */
export function formError(page: Page) {
  return page.locator("form").getByRole("alert");
}

/** The current code (or the one `stepsAhead` 30-second steps later) for a TOTP secret, as an authenticator app shows it. */
export function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

const STEP_SECONDS = 30;
/** The last TOTP step this worker sent per secret: the server accepts each step once and at most one step ahead. */
const lastStepSent = new Map<string, number>();

/**
 * A code for a step no journey in this worker has used yet: the current step, or the next one (which the server
 * accepts), else it waits for the clock to reach a step it may use. Spending codes this way never sends a code the
 * server has already seen, so journeys don't run into the wrong-code limit.
 */
async function unusedCode(secret: string, page: Page): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / STEP_SECONDS);
    const step = Math.max(now, (lastStepSent.get(secret) ?? -1) + 1);
    if (step <= now + 1) {
      lastStepSent.set(secret, step);
      return generate({ secret, epoch: step * STEP_SECONDS });
    }
    await page.waitForTimeout((now + 1) * STEP_SECONDS * 1000 - Date.now() + 250);
  }
}

/**
 * Signs the page's browser context in through Auth.js' credentials endpoint, like a form post would. Accounts with
 * two-factor on (`totpSecret`) send a code too, one no journey of this worker has used.
 */
export async function signInViaApi(page: Page, email: string, password: string, opts: { totpSecret?: string } = {}) {
  const secret = opts.totpSecret;
  for (let attempt = 0; attempt < 3; attempt++) {
    const csrf = await page.request.get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const code = secret ? await unusedCode(secret, page) : undefined;
    const res = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, callbackUrl: "/", ...(code ? { code } : {}) },
      maxRedirects: 0,
    });
    expect([200, 302]).toContain(res.status());
    const session = await (await page.request.get("/api/auth/session")).json();
    if (session?.user?.id) return;
    if (!secret) break;
  }
  throw new Error(`sign-in as ${email} should give a session`);
}

type SentMail = { to: string[]; subject: string; text: string };

/**
 * The link in the newest mail to `to` whose subject matches, as the person would click it. Mail goes through the
 * journeys' SMTP sink (scripts/support/mail-feed.ts, E2E_MAIL_URL); it is sent right after the response, so this waits.
 */
export async function mailedLink(
  page: Page,
  to: string,
  subject: RegExp,
  path: RegExp = /\/(verify-email|reset-password|confirm-email)\?token=/,
): Promise<string> {
  const feed = process.env.E2E_MAIL_URL;
  if (!feed) throw new Error("E2E_MAIL_URL is not set: run journeys with npm run test:e2e");
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await (await page.request.get(feed)).json()) as SentMail[];
        const mail = mails.filter((m) => m.to.includes(to) && subject.test(m.subject)).at(-1);
        link = mail?.text.match(/https?:\/\/\S+/g)?.find((url) => path.test(url));
        return Boolean(link);
      },
      { message: `a mail to ${to} matching ${subject}`, timeout: 20_000 },
    )
    .toBe(true);
  return new URL(link as string).pathname + new URL(link as string).search;
}

/** Follows the confirmation link mailed to a new account and confirms the address. */
export async function confirmEmail(page: Page, email: string) {
  await page.goto(await mailedLink(page, email, /Confirm your email address/));
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page.getByText("Your email address is confirmed.")).toBeVisible();
}

/** Creates a fresh account through the sign-up page, confirms its address from the mail and signs in with the form. */
export async function signUp(page: Page, { name, email, password }: { name: string; email: string; password: string }) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();
  await confirmEmail(page, email);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: new RegExp(name) })).toBeVisible();
}

/**
 * A change revalidates the cached pages of the server process that made it at once, and those of the journeys' other
 * process at its next cache read after its once-a-second sync (lib/cache/shared-tags.mjs). A page opened right after
 * a change may come from the process that has not read it yet: this opens `path` again until `check` passes, for up to
 * `timeout` ms (the promise is about a second; CI machines get more).
 */
export async function gotoUntil(page: Page, path: string, check: () => Promise<void>, timeout = 10_000): Promise<void> {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass({ timeout, intervals: [250, 500, 1_000] });
}

/**
 * Statuses of `times` simultaneous anonymous GETs of `path`, each on a connection of its own: with several server
 * processes (SERVER_WORKERS, as the journeys run on Postgres) they are answered by different processes, each from its
 * own memory of the data cache.
 */
export function statusesFromEveryProcess(path: string, times = 16): Promise<number[]> {
  const base = new URL(process.env.E2E_BASE_URL ?? "http://127.0.0.1:3210");
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const req = http.get({ host: base.hostname, port: base.port, path, agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
    });
  return Promise.all(Array.from({ length: times }, one));
}
