// XSS journey: the corpus (e2e/xss-corpus.ts) sits in every field people type that others see (seeded by
// e2e/xss-fixtures.ts), and each surface is rendered in Chromium with the page's CSP switched off (bypassCSP), so
// only the escaping stands between a payload and the browser. A payload that runs calls the exposed __xss(n), opens
// a dialog or renames the document; a page that renders one as markup leaves a handler, a javascript: URL or a frame
// in the DOM; either fails the journey. Every payload must also show up as text where its field is shown, and every
// page still carries the nonce CSP (which would be the second line of defence).
import { expect, test, type Locator, type Page, type Response } from "@playwright/test";
import { MAIL_TEMPLATES, type MailTemplate } from "@/lib/email/mail-types";
import { E2E_PASSWORD } from "./accounts";
import { DEMO, DEMO_PASSWORD, signInViaApi, signInAsAdmin } from "./helpers";
import {
  XSS_ACCOUNTS,
  XSS_CORPUS,
  XSS_PENDING_TITLE,
  XSS_REVISION_TITLE,
  XSS_SEARCH_TAG,
  XSS_TITLE,
  xssHandle,
  xssMailAddress,
  type XssPayload,
} from "./xss-corpus";

test.use({ bypassCSP: true });

const CRON_SECRET = process.env.CRON_SECRET ?? "e2e-cron-secret";
const CORPUS_TEXT = XSS_CORPUS.map((p) => p.text).join("\n\n");
/** Templates whose only user text is inside a link (checked for running and markup, not for shown text). */
const LINK_ONLY_TEMPLATES = new Set<MailTemplate>(["verify_email", "password_reset", "account_exists", "payout_sent"]);

/** What ran or broke on a page: __xss calls, dialogs and script errors, with the URL they happened on. */
type Watch = { events: string[] };

async function watch(page: Page): Promise<Watch> {
  const w: Watch = { events: [] };
  await page.exposeFunction("__xss", (n: unknown) => void w.events.push(`__xss(${String(n)}) ran on ${page.url()}`));
  page.on("dialog", (dialog) => {
    w.events.push(`${dialog.type()}(${dialog.message()}) on ${page.url()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on("pageerror", (error) => w.events.push(`script error on ${page.url()}: ${error.message}`));
  return w;
}

/** Everything in the DOM that shows text was taken for markup: handlers, script URLs, frames, unnonced scripts. */
function markupFromText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcdoc"]);
    for (const el of Array.from(document.querySelectorAll("*"))) {
      const tag = el.tagName.toLowerCase();
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (name.startsWith("on")) found.push(`<${tag} ${name}="${attr.value}">`);
        if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data:text|data:image\/svg)/.test(value)) found.push(`<${tag} ${name}="${attr.value}">`);
        if (name === "style" && /expression\(|javascript:/.test(value)) found.push(`<${tag} style="${attr.value}">`);
      }
      if (["iframe", "frame", "frameset", "object", "embed", "base"].includes(tag)) found.push(`<${tag}>`);
      if (tag === "meta" && el.getAttribute("http-equiv")?.toLowerCase() === "refresh") found.push("<meta http-equiv=refresh>");
      if (tag === "script") {
        const script = el as HTMLScriptElement;
        // Chunks loaded by URL are trusted through 'strict-dynamic'; an inline script must carry the nonce.
        if (!script.src && !script.nonce && !/json/.test(script.type)) found.push(`inline <script> without the nonce: ${script.outerHTML.slice(0, 120)}`);
      }
    }
    return found;
  });
}

function expectNonceCsp(response: Response | null, url: string) {
  expect(response, url).not.toBeNull();
  const policy = response?.headers()["content-security-policy"];
  expect(policy, `CSP on ${url}`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy, `CSP on ${url}`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
}

/** Renders a page, then checks: a 200 with the CSP, nothing ran, nothing became markup, the title was not renamed. */
async function render(page: Page, w: Watch, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  expectNonceCsp(response, url);
  await settle(page);
  await expectClean(page, w, url);
}

/** Lets load-time handlers (image errors, autofocus, toggles) fire before looking. */
async function settle(page: Page) {
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

async function expectClean(page: Page, w: Watch, url: string) {
  expect(w.events, `payloads ran on ${url}`).toEqual([]);
  expect(await markupFromText(page), `text rendered as markup on ${url}`).toEqual([]);
  expect(await page.title(), `document.title set by a payload on ${url}`).not.toBe(XSS_TITLE);
}

const textOf = (locator: Locator) => locator.evaluate((el) => el.textContent ?? "");

/** The payload is in the element's text, character for character (React escaped it, the browser did not parse it). */
async function expectShownAsText(scope: Locator, text: string, what: string) {
  expect(await textOf(scope), what).toContain(text);
}

test.describe("the XSS corpus is text on every surface", () => {
  test(`listing pages: title, summary, description, tags, license, changelog, reviews and replies (${XSS_CORPUS.length} listings)`, async ({ page }) => {
    test.setTimeout(300_000);
    const w = await watch(page);
    for (const p of XSS_CORPUS) {
      const url = `/l/${xssHandle(p.n)}`;
      await render(page, w, url);
      const main = page.locator("main");
      expect(await textOf(page.getByRole("heading", { level: 1 })), `title of ${url}`).toBe(p.text);
      expect(await page.title(), `document title of ${url}`).toContain(p.text);
      await expectShownAsText(page.locator("section", { has: page.locator("#description-heading") }), p.markdownShows, `description of ${url}`);
      await expectShownAsText(page.getByRole("list", { name: "Tags" }), `#${p.text}`, `tags of ${url}`);
      const review = page.getByLabel(`Review by ${p.text}`, { exact: true });
      await expect(review, `review on ${url}`).toHaveCount(1);
      expect((await textOf(review)).split(p.text).length - 1, `review body, reply and author on ${url}`).toBeGreaterThanOrEqual(3);
      // Summary, creator name, license name and terms: the payload appears as text many times over.
      expect((await textOf(main)).split(p.text).length - 1, `summary, creator and license on ${url}`).toBeGreaterThanOrEqual(6);
      // Structured data survives as data: the title comes back out of the JSON-LD script unchanged.
      const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent();
      expect((JSON.parse(jsonLd ?? "{}") as { name?: string }).name, `JSON-LD of ${url}`).toBe(p.text);
    }
  });

  test("search results, the search box echo and storefronts show titles, summaries, names and bios as text", async ({ page }) => {
    test.setTimeout(300_000);
    const w = await watch(page);
    // Every probe listing as a card in search results, page after page.
    const cards: string[] = [];
    await render(page, w, `/browse?q=${XSS_SEARCH_TAG}`);
    for (;;) {
      await expect(page.getByTestId("listing-card").first()).toBeVisible();
      cards.push(...(await page.getByTestId("listing-card").evaluateAll((els) => els.map((e) => e.textContent ?? ""))));
      const next = page.getByRole("link", { name: "Next page" });
      if (!(await next.isVisible())) break;
      const href = await next.getAttribute("href");
      await render(page, w, href as string);
    }
    for (const p of XSS_CORPUS) expect(cards.filter((c) => c.includes(p.text)).length, `a search card for payload ${p.n}`).toBeGreaterThanOrEqual(1);

    // The query itself, echoed in the heading and the search box.
    for (const p of XSS_CORPUS) {
      const url = `/browse?q=${encodeURIComponent(p.text)}`;
      await render(page, w, url);
      // The query comes back with its whitespace runs (U+2028/2029 included) as single spaces, trimmed.
      await expectShownAsText(page.getByRole("heading", { level: 1 }), p.text.replace(/\s+/g, " ").trim(), `search heading for payload ${p.n}`);
    }

    // Each creator's storefront: display name, bio and their listing's card.
    for (const p of XSS_CORPUS) {
      const url = `/c/${xssHandle(p.n)}`;
      await render(page, w, url);
      expect(await textOf(page.getByRole("heading", { level: 1 })), `store name on ${url}`).toBe(p.text);
      await expectShownAsText(page.getByTestId("listing-card").first(), p.text, `card on ${url}`);
      expect((await textOf(page.locator("main"))).split(p.text).length - 1, `name, bio and card on ${url}`).toBeGreaterThanOrEqual(3);
    }
  });

  test("a buyer's library, receipts and notifications show what they bought as text", async ({ page }) => {
    test.setTimeout(300_000);
    const w = await watch(page);
    await signInViaApi(page, XSS_ACCOUNTS.libraryBuyer.email, E2E_PASSWORD);

    // Every page of the library (24 items a page), then every page of the order history (25 a page).
    let library = "";
    const owned = new Set<string>();
    await render(page, w, "/library");
    for (;;) {
      await expect(page.locator("#library-heading")).toBeVisible();
      library += await textOf(page.getByTestId("library-items"));
      for (const href of await page
        .getByTestId("library-items")
        .locator('a[href^="/library/"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "")))
        owned.add(href);
      const next = page.getByRole("navigation", { name: "Library pages" }).getByRole("link", { name: "Next →" });
      if ((await next.count()) === 0) break;
      await render(page, w, (await next.getAttribute("href")) as string);
    }
    for (const p of XSS_CORPUS) expect(library, `payload ${p.n} in the library`).toContain(p.text);
    // Each listing's paid content as its owner reads it (visited below): the template, the variable's notes, the example.
    expect(owned.size).toBe(XSS_CORPUS.length);
    // The buyer's own name (a payload) in the account menu.
    await expectShownAsText(page.locator("header"), XSS_ACCOUNTS.libraryBuyer.name, "the buyer's name in the header");
    // A title search echoes what was typed: as text.
    const probe = XSS_CORPUS.find((p) => p.text.trim().length > 0 && p.text.length <= 100) as XssPayload;
    await render(page, w, `/library?q=${encodeURIComponent(probe.text)}`);
    await expectShownAsText(page.locator("main"), probe.text.trim(), "the library search echo");

    const receipts = new Set<string>();
    await render(page, w, "/library/orders");
    for (;;) {
      await expect(page.getByRole("heading", { level: 1, name: "Order history" })).toBeVisible();
      for (const href of await page.locator('main a[href^="/library/orders/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "")))
        receipts.add(href);
      const older = page.getByRole("navigation", { name: "Order history pages" }).getByRole("link", { name: "Older orders →" });
      if ((await older.count()) === 0) break;
      await render(page, w, (await older.getAttribute("href")) as string);
    }
    expect(receipts.size).toBe(XSS_CORPUS.length);
    const seen = new Set<number>();
    for (const href of receipts) {
      await render(page, w, href);
      await expect(page.locator("#receipt-heading")).toBeVisible();
      const receipt = await textOf(page.locator("main"));
      const p = XSS_CORPUS.find((q) => receipt.includes(q.text) && receipt.split(q.text).length - 1 >= 3);
      expect(p, `listing title, creator and license as text on ${href}`).toBeDefined();
      seen.add((p as XssPayload).n);
    }
    expect(seen.size).toBe(XSS_CORPUS.length);

    // The paid content pages.
    for (const href of owned) {
      await render(page, w, href);
      const content = await textOf(page.locator("main"));
      expect(
        XSS_CORPUS.some((p) => content.split(p.text.trim()).length - 1 >= 3),
        `title, template and notes as text on ${href}`,
      ).toBe(true);
    }

    await render(page, w, "/notifications");
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    const inbox = await textOf(page.locator("main"));
    for (const p of XSS_CORPUS) expect(inbox.split(p.text).length - 1, `notification title and body of payload ${p.n}`).toBeGreaterThanOrEqual(2);
  });

  test("admin pages: accounts, account records, listings, audit log, reports and approvals show people's text as text", async ({ page }) => {
    test.setTimeout(480_000);
    const w = await watch(page);
    await signInAsAdmin(page);

    // Accounts: the users list, page after page, then each probe account's page.
    const names: string[] = [];
    const accounts = new Set<string>();
    let url: string | null = "/admin/users?q=xss-";
    while (url) {
      await render(page, w, url);
      await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
      names.push(await textOf(page.locator("main")));
      for (const href of await page.locator('main a[href^="/admin/users/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
        if (/^\/admin\/users\/[0-9a-f-]{36}$/.test(href)) accounts.add(href);
      }
      const next = page.getByRole("navigation", { name: "Account pages" }).getByRole("link", { name: /Next/ });
      url = (await next.count()) ? await next.getAttribute("href") : null;
    }
    for (const p of XSS_CORPUS) expect(names.join("\n").split(p.text).length - 1, `creator and buyer ${p.n} in the users list`).toBeGreaterThanOrEqual(2);
    expect(accounts.size).toBeGreaterThanOrEqual(2 * XSS_CORPUS.length);
    for (const href of accounts) {
      await render(page, w, href);
      const name = await textOf(page.getByRole("heading", { level: 1 }));
      expect(XSS_CORPUS.some((p) => p.text === name) || Object.values(XSS_ACCOUNTS).some((a) => a.name === name), `account name on ${href}`).toBe(true);
    }

    // The audit log: each entry's reason, inside its JSON details.
    await render(page, w, `/admin/audit?actor=${encodeURIComponent(XSS_ACCOUNTS.auditAdmin.email)}`);
    const audit = await textOf(page.locator("main"));
    for (const p of XSS_CORPUS) expect(audit, `audit details of payload ${p.n}`).toContain(JSON.stringify(p.text).slice(1, -1));

    // Reports: the open queue, page after page, then each case with the reporter's details, claim and contact.
    const cases = new Map<string, string>();
    let reportsUrl: string | null = "/admin/reports";
    while (reportsUrl) {
      await render(page, w, reportsUrl);
      const links = await page
        .locator('main a[href^="/admin/reports/"]')
        .evaluateAll((as) => as.map((a) => [a.textContent ?? "", a.getAttribute("href") ?? ""] as const));
      for (const [text, href] of links) if (/^\/admin\/reports\/[0-9a-f-]{36}$/.test(href)) cases.set(text, href);
      const next = page.getByRole("navigation", { name: "Report pages" }).getByRole("link", { name: /Next/ });
      reportsUrl = (await next.count()) ? await next.getAttribute("href") : null;
    }
    for (const p of XSS_CORPUS) {
      const href = cases.get(p.text);
      expect(href, `report on listing ${p.n} in the queue`).toBeDefined();
      await render(page, w, href as string);
      expect((await textOf(page.locator("main"))).split(p.text).length - 1, `details, claim, contact and title on report ${p.n}`).toBeGreaterThanOrEqual(4);
    }

    // A search of the queue echoes what was typed, and finds the report on that listing.
    const probe = XSS_CORPUS.find((p) => p.text.trim().length > 0 && p.text.length <= 100) as XssPayload;
    await render(page, w, `/admin/reports?q=${encodeURIComponent(probe.text)}`);
    await expectShownAsText(page.locator("main"), probe.text.trim(), "the reports search echo");
    const matches = await page.locator('main a[href^="/admin/reports/"]').evaluateAll((as) => as.map((a) => a.textContent ?? ""));
    expect(matches, "the report on the probe listing, found by its title").toContain(probe.text);

    // Every probe listing (title and creator name) in the admin's list of listings, page after page.
    let listed = "";
    const listingPages = new Map<string, string>();
    let listingsUrl: string | null = "/admin/listings?q=xss-probe-";
    while (listingsUrl) {
      await render(page, w, listingsUrl);
      listed += await textOf(page.locator("main table"));
      const links = await page
        .locator('main table a[href^="/admin/listings/"]')
        .evaluateAll((as) => as.map((a) => [a.textContent ?? "", a.getAttribute("href") ?? ""] as const));
      for (const [text, href] of links) listingPages.set(text, href);
      const next = page.getByRole("navigation", { name: "Listing pages" }).getByRole("link", { name: /Next/ });
      listingsUrl = (await next.count()) ? await next.getAttribute("href") : null;
    }
    for (const p of XSS_CORPUS) expect(listed.split(p.text).length - 1, `listing ${p.n}'s title and creator in the admin's listings`).toBeGreaterThanOrEqual(2);
    // Each probe listing's own admin page: its title, summary, creator and the report on it.
    for (const p of XSS_CORPUS) {
      const href = listingPages.get(p.text);
      expect(href, `listing ${p.n}'s admin page in the list`).toBeDefined();
      await render(page, w, href as string);
      expect((await textOf(page.locator("main"))).split(p.text).length - 1, `title and creator on listing ${p.n}'s admin page`).toBeGreaterThanOrEqual(2);
    }

    // Approvals: a new listing's description and a live listing's changed details, each the whole corpus.
    for (const title of [XSS_PENDING_TITLE, XSS_REVISION_TITLE]) {
      await render(page, w, "/admin/moderation");
      const link = page.getByRole("link", { name: title });
      await expect(link).toBeVisible();
      await render(page, w, (await link.getAttribute("href")) as string);
      const shown = await textOf(page.locator("main"));
      for (const p of XSS_CORPUS) expect(shown, `payload ${p.n} on the approval of "${title}"`).toContain(p.markdownShows);
    }
  });

  test("the listing editor: title, summary and description round-trip and the description preview stays text", async ({ page }) => {
    test.setTimeout(180_000);
    const w = await watch(page);
    await signInViaApi(page, DEMO.creator, DEMO_PASSWORD);
    await render(page, w, "/dashboard/listings/new");
    await page.getByRole("radio", { name: /^Prompt/ }).check();
    const title = XSS_CORPUS[16].text; // </textarea><script>…
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/dashboard\/listings\/[0-9a-f-]{36}$/);
    const editorUrl = page.url();

    await page.getByLabel("Summary").fill(XSS_CORPUS[21].text);
    await page.getByRole("textbox", { name: /^Description/ }).fill(CORPUS_TEXT);
    const preview = page.getByRole("region", { name: "Description preview" });
    await expect(preview).toContainText(XSS_CORPUS[XSS_CORPUS.length - 1].markdownShows);
    for (const p of XSS_CORPUS) await expectShownAsText(preview, p.markdownShows, `payload ${p.n} in the description preview`);
    await expectClean(page, w, editorUrl);
    await expect(page.getByTestId("save-state")).toHaveText(/All changes saved/, { timeout: 15_000 });

    // Back from the database into the form fields, unchanged.
    await render(page, w, editorUrl);
    await expect(page.getByLabel("Title")).toHaveValue(title);
    await expect(page.getByLabel("Summary")).toHaveValue(XSS_CORPUS[21].text);
    await expect(page.getByRole("textbox", { name: /^Description/ })).toHaveValue(CORPUS_TEXT);
    await render(page, w, "/dashboard/listings");
    // The table streams in after the page's frame: wait for the draft's row before reading the text.
    await expect(page.locator("main")).toContainText(title, { timeout: 15_000 });
    await expectShownAsText(page.locator("main"), title, "the draft in the dashboard's listings table");
    await expectClean(page, w, "/dashboard/listings");
  });

  test("emails: every template's HTML part, rendered in Chromium, shows the payloads as text", async ({ page }) => {
    test.setTimeout(180_000);
    const feed = process.env.E2E_MAIL_URL;
    if (!feed) throw new Error("E2E_MAIL_URL is not set: run journeys with npm run test:e2e");
    const w = await watch(page);
    const sweep = await page.request.get("/api/cron/email", { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
    expect(sweep.status()).toBe(200);

    type Mail = { to: string[]; subject: string; text: string; html: string };
    // The seeded mails (e2e/xss-fixtures.ts): payload n through template n mod 17, then each template with the whole corpus.
    const expected = new Map<string, { template: MailTemplate; texts: string[] }>();
    XSS_CORPUS.forEach((p, i) => {
      const template = MAIL_TEMPLATES[i % MAIL_TEMPLATES.length];
      expected.set(xssMailAddress(template, `p${p.n}`), { template, texts: [p.text] });
    });
    for (const template of MAIL_TEMPLATES) expected.set(xssMailAddress(template, "all"), { template, texts: XSS_CORPUS.map((p) => p.text) });
    // One mail per seeded address (a sweep another journey runs may have sent some of them already).
    let mails: Mail[] = [];
    await expect
      .poll(
        async () => {
          const sent = (await (await page.request.get(feed)).json()) as Mail[];
          mails = [...new Map(sent.filter((m) => expected.has(m.to[0])).map((m) => [m.to[0], m])).values()];
          return mails.length;
        },
        { message: "every probe mail sent", timeout: 60_000 },
      )
      .toBe(expected.size);

    // Each HTML part as a page of its own origin, the way a webmail client without a sanitizer would show it.
    await page.route("http://mail.xss.test/**", (route) => {
      const i = Number(new URL(route.request().url()).pathname.slice(1));
      return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: mails[i].html });
    });
    for (const [i, mail] of mails.entries()) {
      const url = `http://mail.xss.test/${i}`;
      await page.goto(url);
      await settle(page);
      await expectClean(page, w, `${url} (${mail.to[0]}: ${mail.subject})`);
      const sent = expected.get(mail.to[0]);
      expect(sent, `${mail.to[0]} was seeded`).toBeDefined();
      if (!sent || LINK_ONLY_TEMPLATES.has(sent.template)) continue;
      // Paragraphs keep line breaks as <br>, so each payload stays whole in the text.
      const body = await textOf(page.locator("body"));
      for (const text of sent.texts) expect(body, `${JSON.stringify(text)} as text in ${mail.to[0]}`).toContain(text);
    }
  });
});
