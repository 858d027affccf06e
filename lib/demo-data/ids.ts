// Deterministic identifiers for seeded rows: v4-shaped UUIDs and Stripe-like ids that are unique by construction.
import { mix32 } from "./random";

const ENTITY_TAGS = {
  user: 0x1,
  image: 0x2,
  listing: 0x3,
  version: 0x4,
  order: 0x5,
  journal: 0x6,
  review: 0x7,
} as const;

export type SeededEntity = keyof typeof ENTITY_TAGS;

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const hex32 = (value: number) => HEX_BYTES[value >>> 24] + HEX_BYTES[(value >>> 16) & 255] + HEX_BYTES[(value >>> 8) & 255] + HEX_BYTES[value & 255];

/**
 * The UUID of the `index`-th seeded row of an entity. The first four bytes are the index itself and the seventh
 * carries the entity, so two different (entity, index) pairs never share an id, and an entity's rows, generated in
 * index order, land at the right edge of their primary key and of the indexes that lead with it (a version's
 * listing, a review's order) instead of at random pages of indexes far larger than shared buffers: at 1M listings,
 * random ids made each batch of the load slower than the one before. The rest is mixed, so ids still look random
 * after the first bytes.
 */
export function seededUuid(entity: SeededEntity, index: number): string {
  const tag = ENTITY_TAGS[entity];
  const a = index >>> 0;
  const b = mix32(mix32(index + 0x9e3779b9 * tag) ^ 0x68e31da4);
  const c = mix32(b + index);
  const d = mix32(c ^ 0xb5297a4d);
  return (
    `${hex32(a)}-${HEX_BYTES[b >>> 24]}${HEX_BYTES[(b >>> 16) & 255]}-${HEX_BYTES[0x40 | tag]}${HEX_BYTES[b & 255]}-` +
    `${HEX_BYTES[0x80 | (c >>> 26)]}${HEX_BYTES[(c >>> 16) & 255]}-${HEX_BYTES[(c >>> 8) & 255]}${HEX_BYTES[c & 255]}${hex32(d)}`
  );
}

/** A short, unique, lowercase base-36 token for the `index`-th item (slug suffixes, Stripe-like ids). */
export function seededToken(index: number, salt: number): string {
  return mix32((index ^ salt) >>> 0)
    .toString(36)
    .padStart(7, "0");
}

/**
 * `acct_local_…`, `cs_local_…`, `pi_local_…`, `ch_local_…`: the local payments driver's id shapes (ARCHITECTURE.md,
 * "Payments drivers"). They start with the index (base 36, padded), so seeded orders append to the unique index on
 * their checkout session as they do to their primary key (seededUuid).
 */
export function localStripeId(prefix: "acct" | "cs" | "pi" | "ch", index: number): string {
  const salt = { acct: 0x0acc7, cs: 0x0c5c5, pi: 0x0919, ch: 0x0c4a }[prefix];
  return `${prefix}_local_${index.toString(36).padStart(7, "0")}${seededToken(index, salt)}`;
}
