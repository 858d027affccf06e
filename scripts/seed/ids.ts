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

const hex = (value: number, digits: number) => (value >>> 0).toString(16).padStart(8, "0").slice(8 - digits);

/**
 * The UUID of the `index`-th seeded row of an entity. The first group is a bijection of the index and the
 * third carries the entity, so two different (entity, index) pairs never share an id.
 */
export function seededUuid(entity: SeededEntity, index: number): string {
  const tag = ENTITY_TAGS[entity];
  const a = mix32(index + 0x9e3779b9 * tag);
  const b = mix32(a ^ 0x68e31da4);
  const c = mix32(b + index);
  const d = mix32(c ^ 0xb5297a4d);
  const variant = (8 + (c & 3)).toString(16);
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${tag.toString(16)}${hex(b, 2)}-${variant}${hex(c >>> 8, 3)}-${hex(c, 4)}${hex(d, 8)}`;
}

/** A short, unique, lowercase base-36 token for the `index`-th item (slug suffixes, Stripe-like ids). */
export function seededToken(index: number, salt: number): string {
  return mix32((index ^ salt) >>> 0)
    .toString(36)
    .padStart(7, "0");
}

/** `acct_local_…`, `cs_local_…`, `pi_local_…`, `ch_local_…`: the local payments driver's id shapes (DESIGN §4). */
export function localStripeId(prefix: "acct" | "cs" | "pi" | "ch", index: number): string {
  const salt = { acct: 0x0acc7, cs: 0x0c5c5, pi: 0x0919, ch: 0x0c4a }[prefix];
  return `${prefix}_local_${seededToken(index, salt)}${seededToken(index, salt * 7)}`;
}
