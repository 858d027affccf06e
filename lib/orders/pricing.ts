// Money rules for a sale (ARCHITECTURE.md, "Where money moves"): fee = floor(price × fee_bps / 10000), the creator gets the rest.
export type PriceSplit = { priceCents: number; feeCents: number; creatorShareCents: number };

export function splitPrice(priceCents: number, feeBps: number): PriceSplit {
  if (!Number.isSafeInteger(priceCents) || priceCents < 0) throw new RangeError("price must be a non-negative integer of cents");
  if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps > 10000) throw new RangeError("fee must be 0–10000 basis points");
  const feeCents = Math.floor((priceCents * feeBps) / 10000);
  return { priceCents, feeCents, creatorShareCents: priceCents - feeCents };
}

/** The creator's share of each sale in words, e.g. "80%" for a 2000 bps fee (PLATFORM_FEE_BPS is configurable). */
export function creatorSharePercent(feeBps: number): string {
  return `${Number(((10000 - feeBps) / 100).toFixed(2))}%`;
}
