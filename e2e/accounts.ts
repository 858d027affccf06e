// The accounts the journeys sign in as. Plain data: Playwright loads this without the server modules that seed them (e2e/fixtures.ts).

export const E2E_PASSWORD = "e2e-password-123";

/** The TOTP secret (base32) the demo admin is enrolled with in the journeys' database: admins need two-factor on. */
export const E2E_ADMIN_TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

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
