// The accounts the journeys sign in as. Plain data: Playwright loads this without the server modules that seed them (e2e/fixtures.ts).

export const E2E_PASSWORD = "e2e-password-123";

/**
 * Admins for the journeys, one per Playwright worker (`parallelIndex`), each enrolled in two-factor sign-in with its
 * own TOTP secret (base32). A code is accepted once, and a spent code counts as a wrong one: workers sharing one
 * admin would spend each other's codes and run into the wrong-code limit.
 */
export const E2E_ADMINS = Array.from({ length: 8 }, (_, i) => ({
  email: `admin-${i}@e2e.test`,
  name: `Journey Admin ${i}`,
  totpSecret: `KRSXG5CTMVRXEZLUKRSXG5CTMVRXE${"ABCDEFGH"[i]}LU`,
}));

export const E2E_ACCOUNTS = {
  banned: { email: "banned@e2e.test", name: "Banned Buyer" },
  suspended: { email: "suspended@e2e.test", name: "Suspended Buyer" },
  /** An admin who has not turned on two-factor sign-in yet: admin pages send them to enrol. */
  unenrolledAdmin: { email: "new-admin@e2e.test", name: "Newly Promoted Admin" },
} as const;

/**
 * Creators for the payouts journeys, with sales in the last closed month (relative to today):
 * `newCreator` has no Stripe account yet and earned well above the $10 minimum (3 × $15 → $36.00);
 * `smallCreator` has an active payout account and one $5 sale last month → $4.00, under the minimum.
 */
export const E2E_PAYOUT_CREATORS = {
  newCreator: { email: "payouts-new@e2e.test", name: "Nadia Newpay", handle: "e2e-newpay", sales: [1500, 1500, 1500] },
  smallCreator: { email: "payouts-small@e2e.test", name: "Sam Smallsale", handle: "e2e-smallsale", sales: [500] },
} as const;

/** A creator with one published listing that the admin's listing-page journey removes (no other journey uses it). */
export const E2E_REMOVAL = {
  creator: { email: "removal-creator@e2e.test", name: "Rhea Removable", handle: "e2e-removable" },
  title: "E2E removal drill prompt",
  slug: "e2e-removal-drill-prompt",
} as const;
