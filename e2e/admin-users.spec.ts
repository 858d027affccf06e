// The admin users journey: an admin finds a person, bans them with a reason after confirming, and the ban takes
// effect at once: the person's open session (another browser) stops working and they can't sign in again.
import { expect, test } from "@playwright/test";
import { formError, signUp, uniqueEmail, signInAsAdmin } from "./helpers";

test.describe("admin users", () => {
  test("an admin bans a user: their open session stops working and they can't sign back in", async ({ browser }) => {
    const email = uniqueEmail("banned-by-admin");
    const name = `Mallory ${Date.now().toString(36)}`;
    const password = "mallory-password-1";

    // The person, signed in in their own browser; admin pages are a 404 to them.
    const personContext = await browser.newContext();
    const person = await personContext.newPage();
    await signUp(person, { name, email, password });
    expect((await person.goto("/admin/users"))?.status()).toBe(404);
    await person.goto("/library");
    await expect(person.getByRole("button", { name: new RegExp(name) })).toBeVisible();

    // The admin, in another browser: find them, open their page, ban them with a reason.
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signInAsAdmin(admin);
    await admin.goto("/admin");
    await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
    await admin.getByLabel("Email, name or handle").fill(email);
    await admin.getByRole("button", { name: "Search" }).click();
    await admin.getByRole("link", { name }).click();
    await expect(admin.getByRole("heading", { level: 1, name })).toBeVisible();

    await admin.getByRole("button", { name: "Ban", exact: true }).click();
    const dialog = admin.getByRole("dialog", { name: `Ban ${name}?` });
    await expect(dialog).toBeVisible();
    // Cancelling changes nothing.
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await admin.getByRole("button", { name: "Ban", exact: true }).click();
    await dialog.getByLabel("Reason").fill("Selling stolen prompts");
    await dialog.getByRole("button", { name: "Ban account" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "banned and signed out everywhere" })).toBeVisible();
    await expect(admin.getByText("Banned", { exact: true }).first()).toBeVisible();
    await expect(admin.getByRole("cell", { name: "user.ban" })).toBeVisible();

    // The person's open session no longer works: the next request finds them signed out.
    await person.reload();
    await expect(person.getByRole("button", { name: new RegExp(name) })).toHaveCount(0);
    await expect(person.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

    // And they can't sign back in.
    await person.goto("/signin");
    await person.getByLabel("Email").fill(email);
    await person.getByLabel("Password").fill(password);
    await person.getByRole("button", { name: "Sign in" }).click();
    await expect(formError(person)).toContainText("closed");

    // The ban is in the audit log, with its reason.
    await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await admin.getByLabel("Action", { exact: true }).selectOption("user.ban");
    await admin.getByRole("button", { name: "Filter" }).click();
    await expect(admin.getByRole("row").filter({ hasText: "Selling stolen prompts" })).toBeVisible();

    await personContext.close();
    await adminContext.close();
  });
});
