// Countries the local onboarding page offers (Stripe Express countries most of our creators sell from).
export const COUNTRIES = [
  ["US", "United States"],
  ["GB", "United Kingdom"],
  ["CA", "Canada"],
  ["AU", "Australia"],
  ["DE", "Germany"],
  ["FR", "France"],
  ["IE", "Ireland"],
  ["NL", "Netherlands"],
  ["ES", "Spain"],
  ["JP", "Japan"],
] as const;

export const COUNTRY_CODES = COUNTRIES.map(([code]) => code) as [(typeof COUNTRIES)[number][0], ...(typeof COUNTRIES)[number][0][]];
