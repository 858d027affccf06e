// Seeded accounts: the three demo accounts, creators with profiles and buyers, as rows ready for bulk insert.
import type { creatorProfiles, users } from "@/db/schema";
import { localStripeId, seededUuid } from "./ids";
import { asciiSlug, BIO_CLAIMS, CREATOR_CRAFTS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, STUDIO_SUFFIXES, STUDIO_WORDS } from "./people-vocabulary";
import { ANCHOR, buyerCount, creatorCount, DAY, HOUR, type ListingPlan } from "./plan";
import { Random } from "./random";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_ACCOUNTS = [
  { email: "admin@demo.test", role: "admin", persona: "admin: moderation queue, reports, settlement" },
  { email: "creator@demo.test", role: "user", persona: "creator @demo-creator: listings, sales, balance" },
  { email: "buyer@demo.test", role: "user", persona: "buyer: a library of purchases, some reviewed" },
] as const;

type UserRow = typeof users.$inferInsert;
type CreatorProfileRow = typeof creatorProfiles.$inferInsert;

/**
 * User indices: 0 admin, 1 demo creator, 2 demo buyer, then the other creators, then the other buyers.
 * Creator `c` and buyer `b` below are positions in their own lists (0 = the demo account).
 */
export type People = {
  creators: number;
  buyers: number;
  userIds: string[];
  /** When each user signed up (ms), by user index; orders never predate their buyer. */
  joinedAt: number[];
  adminId: string;
  creatorUserIndex: (creator: number) => number;
  buyerUserIndex: (buyer: number) => number;
  users: UserRow[];
  profiles: CreatorProfileRow[];
};

function personName(rng: Random) {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return { first, last, name: `${first} ${last}` };
}

function uniqueHandle(base: string, index: number, taken: Set<string>): string {
  let handle = base.slice(0, 26).replace(/[-_]+$/, "");
  if (handle.length < 3 || taken.has(handle)) handle = `${handle.slice(0, 24)}-${index.toString(36)}`;
  taken.add(handle);
  return handle;
}

/** Everyone in the seeded world; creators sign up shortly before their first listing. */
export function planPeople(listings: readonly ListingPlan[], passwordHash: string): People {
  const creators = creatorCount(listings.length);
  const buyers = buyerCount(listings.length);
  const creatorUserIndex = (c: number) => (c === 0 ? 1 : c + 2);
  const buyerUserIndex = (b: number) => (b === 0 ? 2 : creators + 1 + b);
  const total = creators + buyers + 1;
  const userIds = Array.from({ length: total }, (_, i) => seededUuid("user", i));

  const firstListingAt = new Array<number>(creators).fill(Number.POSITIVE_INFINITY);
  for (const listing of listings) firstListingAt[listing.creator] = Math.min(firstListingAt[listing.creator], listing.createdAt);

  const joinedAt = new Array<number>(total).fill(ANCHOR - 720 * DAY);
  const userRows: UserRow[] = new Array<UserRow>(total);
  const profiles: CreatorProfileRow[] = [];
  const taken = new Set<string>(["demo-creator"]);
  const userRow = (i: number, email: string, name: string, role: "user" | "admin", at: number): UserRow => {
    joinedAt[i] = at;
    return { id: userIds[i], email, name, passwordHash, role, status: "active", createdAt: new Date(at), updatedAt: new Date(at) };
  };

  userRows[0] = userRow(0, DEMO_ACCOUNTS[0].email, "Ada Admin", "admin", ANCHOR - 720 * DAY);
  userRows[2] = userRow(2, DEMO_ACCOUNTS[2].email, "Bea Buyer", "user", ANCHOR - 560 * DAY);

  for (let c = 0; c < creators; c++) {
    const rng = Random.for("creator", c);
    const i = creatorUserIndex(c);
    const first = Number.isFinite(firstListingAt[c]) ? firstListingAt[c] : ANCHOR - rng.int(5, 600) * DAY;
    const at = Math.max(ANCHOR - 760 * DAY, first - rng.int(1, 60) * DAY - rng.int(0, 23) * HOUR);
    const person = personName(rng);
    const studio = rng.chance(0.4) ? `${rng.pick(STUDIO_WORDS)} ${rng.pick(STUDIO_SUFFIXES)}` : null;
    const demo = c === 0;
    const displayName = demo ? "Demo Creator Studio" : (studio ?? person.name);
    const handle = demo
      ? "demo-creator"
      : uniqueHandle(asciiSlug(studio ?? rng.pick([`${person.first}-${person.last}`, `${person.first}${person.last}`, `${person.first}-makes`])), c, taken);
    const email = demo ? DEMO_ACCOUNTS[1].email : `${asciiSlug(person.first)}.${asciiSlug(person.last)}.${c}@${rng.pick(EMAIL_DOMAINS)}`.replace(/-/g, "");
    userRows[i] = userRow(i, email, demo ? "Cory Creator" : person.name, "user", demo ? Math.min(at, ANCHOR - 600 * DAY) : at);
    const payoutsEnabled = demo || rng.chance(0.9);
    profiles.push({
      userId: userIds[i],
      handle,
      displayName,
      bio: `${rng.pick(CREATOR_CRAFTS).replace(/^\w/, (ch) => ch.toUpperCase())} selling ${rng.pick(["prompts", "presets", "templates", "practice tests", "model files", "AI workflows"])} on Agora. ${rng.pick(BIO_CLAIMS)}`,
      stripeAccountId: payoutsEnabled ? localStripeId("acct", c) : null,
      payoutsEnabled,
      // An onboarded Connect account, as account.updated would have left it (settlement pays only these).
      stripeDetailsSubmitted: payoutsEnabled,
      stripeTransfersCapability: payoutsEnabled ? "active" : null,
      createdAt: new Date(joinedAt[i] + rng.int(1, 72) * HOUR),
      updatedAt: new Date(joinedAt[i] + rng.int(73, 200) * HOUR),
    });
  }

  for (let b = 1; b < buyers; b++) {
    const rng = Random.for("buyer", b);
    const i = buyerUserIndex(b);
    const person = personName(rng);
    const email = `${asciiSlug(person.first)}.${asciiSlug(person.last)}${b}@${rng.pick(EMAIL_DOMAINS)}`.replace(/-/g, "");
    userRows[i] = userRow(i, email, person.name, "user", ANCHOR - Math.floor(700 * DAY * rng.next() ** 0.7) - rng.int(1, 23) * HOUR);
  }

  return { creators, buyers, userIds, joinedAt, adminId: userIds[0], creatorUserIndex, buyerUserIndex, users: userRows, profiles };
}
