import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./helpers";

// Every CSP violation the page reports, collected in the page itself (nothing may be blocked on a working page).
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

test("a signed-out visit to /library is a real 307 to sign-in, and the signed-in page works under a strict nonce CSP", async ({ page, request }) => {
  const redirect = await request.get("/library", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()["location"]).toMatch(/\/signin\?returnTo=%2Flibrary$/);
  expect(redirect.headers()["x-frame-options"]).toBe("DENY");
  expect(redirect.headers()["x-content-type-options"]).toBe("nosniff");
  expect(redirect.headers()["x-request-id"]).toBeTruthy();

  const violations = await watchViolations(page);
  const documents: { url: string; status: number; policy: string | undefined; nosniff: string | undefined }[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "document") {
      documents.push({
        url: response.url(),
        status: response.status(),
        policy: response.headers()["content-security-policy"],
        nosniff: response.headers()["x-content-type-options"],
      });
    }
  });

  const landed = await page.goto("/library");
  expect(landed?.request().redirectedFrom()?.url()).toMatch(/\/library$/);
  await expect(page).toHaveURL(/\/signin\?returnTo=%2Flibrary$/);

  // The page works with its scripts: the sign-in form posts through a server action and comes back to the library.
  await page.getByLabel("Email").fill(DEMO.buyer);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/library$/);
  await expect(page.locator("#library-heading")).toBeVisible();
  await page.reload();
  await expect(page.locator("#library-heading")).toBeVisible();

  // Every HTML page (the redirects before them carry no body, only the other security headers).
  const html = documents.filter((d) => d.status === 200);
  expect(html.length).toBeGreaterThanOrEqual(2);
  const nonces = new Set<string>();
  for (const doc of html) {
    expect(doc.policy, doc.url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(doc.policy, doc.url).toContain("frame-ancestors 'none'");
    expect(doc.policy, doc.url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(doc.nosniff, doc.url).toBe("nosniff");
    nonces.add(/'nonce-([^']+)'/.exec(doc.policy ?? "")?.[1] ?? "");
  }
  expect(nonces.size).toBe(html.length);

  // Next put the nonce on every inline script it rendered; scripts it loads later by URL are trusted through 'strict-dynamic'.
  const unnonced = await page.evaluate(() =>
    Array.from(document.scripts)
      .filter((s) => !s.nonce && !s.src && (!s.type || /javascript|module/.test(s.type)))
      .map((s) => s.outerHTML.slice(0, 120)),
  );
  expect(unnonced).toEqual([]);
  expect(await violations()).toEqual([]);
});

test("the public API and the health check carry the security headers and a request id, though the proxy skips them", async ({ request }) => {
  for (const path of ["/api/health", "/api/v1/listings?limit=1", "/api/v1/suggest?q=prompt"]) {
    const offered = await request.get(path, { headers: { "x-request-id": "journey-request-0001" } });
    expect(offered.status(), path).toBe(200);
    const headers = offered.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toBe("camera=(), microphone=(), geolocation=()");
    // A production build: HSTS as on every page.
    expect(headers["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
    expect(headers["x-request-id"], path).toBe("journey-request-0001");
    const fresh = await request.get(path);
    expect(fresh.headers()["x-request-id"], path).toMatch(/^[0-9a-f-]{36}$/);
  }
});
