// The one set of test fixtures: people, listings with versions, orders and files, inserted through the real schema
// with sensible defaults. Capability-specific fixtures (listing drafts, settlement scenarios, image bytes) live in
// lib/<capability>/testing/fixtures.ts and build on these.
import { createHash, randomBytes } from "node:crypto";
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  creatorProfiles,
  files,
  images,
  listings,
  listingVersions,
  orders,
  twoFactorCredentials,
  users,
  type Listing,
  type ListingKind,
  type ListingStatus,
  type ListingVersion,
  type NewListing,
  type OrderStatus,
} from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import type { ListingContent } from "@/lib/listings/content";
import { buildPreview } from "@/lib/listings/preview";
import { splitPrice } from "@/lib/orders/pricing";

let seq = 0;
/** A short unique tag for emails, handles and slugs. */
export const uniqueTag = () => `${Date.now().toString(36)}${(++seq).toString(36)}${randomBytes(2).toString("hex")}`;

// People ------------------------------------------------------------------------------------------------------

export type UserSpec = { name?: string; email?: string; role?: "user" | "admin"; status?: "active" | "suspended" | "banned" };

/**
 * A person who can buy (an actor as lib sees them; a banned one is returned as stored, since lib no longer loads them).
 * Admins come with two-factor sign-in on (secret TEST_TOTP_SECRET), as Agora requires before anyone acts as one.
 */
export async function makeUser(db: Db, spec: UserSpec = {}): Promise<Actor> {
  const tag = uniqueTag();
  const [row] = await db
    .insert(users)
    .values({ email: spec.email ?? `u${tag}@example.test`, name: spec.name ?? `User ${tag}`, role: spec.role ?? "user", status: spec.status ?? "active" })
    .returning();
  if (row.role === "admin") await enrolTestTwoFactor(db, row.id);
  return (
    (await loadActor(db, row.id)) ?? {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      status: row.status,
      creatorHandle: null,
      emailVerified: row.emailVerifiedAt !== null,
      twoFactorEnabled: row.role === "admin",
    }
  );
}

/** The TOTP secret (base32) of every fixture account enrolled in two-factor sign-in. */
export const TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** Turns two-factor sign-in on for a user with TEST_TOTP_SECRET (no recovery codes). */
export async function enrolTestTwoFactor(db: Db, userId: string): Promise<void> {
  await db.insert(twoFactorCredentials).values({ userId, secret: TEST_TOTP_SECRET, enabledAt: new Date() }).onConflictDoNothing();
}

export const makeAdmin = (db: Db) => makeUser(db, { role: "admin" });

/** The actor for a user id as lib loads it now (after a test changed their role, status or profile). */
export async function actorFor(db: Db, userId: string): Promise<Actor> {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`no actor for ${userId}`);
  return actor;
}

/** A creator's Stripe Connect state: none yet, fully onboarded, details missing, or restricted by Stripe. */
export type PayoutAccount = "none" | "active" | "incomplete" | "restricted";

const PAYOUT_ACCOUNTS: Record<PayoutAccount, Partial<typeof creatorProfiles.$inferInsert>> = {
  none: { stripeAccountId: null, payoutsEnabled: false, stripeDetailsSubmitted: false, stripeTransfersCapability: null },
  active: { payoutsEnabled: true, stripeDetailsSubmitted: true, stripeTransfersCapability: "active" },
  incomplete: { payoutsEnabled: false, stripeDetailsSubmitted: false, stripeTransfersCapability: "inactive", stripeRequirementsDue: ["external_account"] },
  restricted: { payoutsEnabled: false, stripeDetailsSubmitted: true, stripeTransfersCapability: "inactive", stripeDisabledReason: "requirements.past_due" },
};

/** Puts a creator's Connect account in `state` (any state but "none" keeps or creates an `acct_test_…` id). */
export async function setPayoutAccount(db: Db, creatorId: string, state: PayoutAccount): Promise<void> {
  const account = state === "none" ? {} : { stripeAccountId: sql`coalesce(${creatorProfiles.stripeAccountId}, ${`acct_test_${uniqueTag()}`})` };
  await db
    .update(creatorProfiles)
    .set({ ...PAYOUT_ACCOUNTS[state], ...account })
    .where(eq(creatorProfiles.userId, creatorId));
}

export type Creator = Actor & { creatorHandle: string };
export type CreatorSpec = UserSpec & { handle?: string; bio?: string; payoutAccount?: PayoutAccount };

/** A person with a creator profile (display name "<name> Studio"); no payout account unless `payoutAccount` says so. */
export async function makeCreator(db: Db, spec: CreatorSpec = {}): Promise<Creator> {
  const name = spec.name ?? "Creator";
  const user = await makeUser(db, { ...spec, name });
  const handle = spec.handle ?? `maker-${uniqueTag()}`.slice(0, 32);
  await db.insert(creatorProfiles).values({ userId: user.id, handle, displayName: `${name} Studio`, bio: spec.bio ?? "" });
  if (spec.payoutAccount && spec.payoutAccount !== "none") await setPayoutAccount(db, user.id, spec.payoutAccount);
  return { ...user, creatorHandle: handle };
}

// Content -----------------------------------------------------------------------------------------------------

export function promptContent(template = "Write a {{tone}} email to {{name}}."): ListingContent {
  const names = [...new Set([...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))];
  return {
    kind: "prompt",
    template,
    variables: names.map((n) => ({ name: n, description: `the ${n}`, example: "" })),
    targetModel: "GPT-4o",
    exampleOutputs: [],
  };
}

/** A prompt with documented variables and an example output, as a real listing shows it. */
export const samplePromptContent: ListingContent = {
  kind: "prompt",
  template: "Write a {{tone}} product description for {{product}}.",
  variables: [
    { name: "tone", description: "Voice", example: "playful" },
    { name: "product", description: "What you sell", example: "a lamp" },
  ],
  targetModel: "gpt-4o",
  exampleOutputs: [{ input: "playful, a lamp", output: "Meet the lamp that lights up your jokes." }],
};

/** A test (the product kind) whose answers cycle A, B, C, D. */
export function testContent(passMark = 60, questions = 5): ListingContent {
  return {
    kind: "test",
    passMark,
    questions: Array.from({ length: questions }, (_, i) => ({
      id: `q${i + 1}`,
      question: `Question ${i + 1}?`,
      choices: ["A", "B", "C", "D"],
      correctIndex: i % 4,
      explanation: `Because ${"ABCD"[i % 4]}.`,
    })),
  };
}

export function contentFor(kind: ListingKind, fileId: string | null = null): ListingContent {
  switch (kind) {
    case "prompt":
      return promptContent();
    case "preset":
      return { kind: "preset", tool: "Lightroom", settings: { exposure: 0.3, contrast: 12 }, notes: "" };
    case "template":
      return { kind: "template", format: "json", body: { sections: ["intro", "body"] }, notes: "" };
    case "test":
      return testContent();
    case "model":
      return { kind: "model", baseModel: "SDXL", license: "MIT", format: "safetensors", fileId, fileName: "", fileSizeBytes: 0, sha256: "", usage: "" };
  }
}

// Listings ----------------------------------------------------------------------------------------------------

export type VersionSpec = { content?: ListingContent; status?: "draft" | "pending_review" | "approved" | "rejected"; fileId?: string | null };

export type ListingSpec = {
  kind?: ListingKind;
  status?: ListingStatus;
  /** Default 500. */
  priceCents?: number;
  title?: string;
  /** Content of a single approved version 1 (ignored when `versions` is given). */
  content?: ListingContent;
  /** Versions 1, 2, 3…; default one approved version. */
  versions?: VersionSpec[];
  /** Any other listing column. */
  values?: Partial<NewListing>;
};

export type ListingFixture = Listing & { currentVersionId: string | null; versionId: string; versions: ListingVersion[] };

/**
 * A listing of `creator` with its versions; the current version is the newest approved one, and the public
 * preview is built from it. `versionId` is the first version's id.
 */
export async function makeListing(db: Db, creator: { id: string }, spec: ListingSpec = {}): Promise<ListingFixture> {
  const specs = spec.versions ?? [{ content: spec.content }];
  const kind = spec.kind ?? specs[0]?.content?.kind ?? "prompt";
  const contents = specs.map((v) => v.content ?? contentFor(kind, v.fileId ?? null));
  const liveIndex = specs.map((v) => v.status ?? "approved").lastIndexOf("approved");
  const status = spec.status ?? "published";
  const slug = `l-${uniqueTag()}`;
  const [listing] = await db
    .insert(listings)
    .values({
      creatorId: creator.id,
      slug,
      kind,
      status,
      title: spec.title ?? `Listing ${slug}`,
      summary: "A useful asset",
      category: "writing",
      priceCents: spec.priceCents ?? 500,
      preview: liveIndex >= 0 ? buildPreview(contents[liveIndex]) : {},
      publishedAt: status === "published" ? new Date() : null,
      ...spec.values,
    })
    .returning();
  const versions: ListingVersion[] = [];
  for (const [i, v] of specs.entries()) {
    const approved = (v.status ?? "approved") === "approved";
    const [row] = await db
      .insert(listingVersions)
      .values({
        listingId: listing.id,
        number: i + 1,
        content: contents[i],
        fileId: v.fileId ?? null,
        reviewStatus: v.status ?? "approved",
        reviewedAt: approved ? new Date() : null,
        changelog: `v${i + 1}`,
      })
      .returning();
    versions.push(row);
  }
  const current = liveIndex >= 0 ? versions[liveIndex] : undefined;
  if (current) await db.update(listings).set({ currentVersionId: current.id }).where(eq(listings.id, listing.id));
  return { ...listing, currentVersionId: current?.id ?? null, versionId: versions[0].id, versions };
}

export type ListingRowSpec = Partial<Omit<NewListing, "status" | "publishedAt">> & {
  status?: ListingStatus;
  creatorId: string;
  publishedAt?: Date | SQL | null;
};

/**
 * A bare listing row (no versions) with any column set, for catalog and search tests that insert many. Published
 * rows are dated one second apart in insertion order, so "newest" is deterministic.
 */
export async function makeListingRow(db: Db, values: ListingRowSpec): Promise<{ id: string; slug: string }> {
  const n = ++seq;
  const status = values.status ?? "published";
  const [row] = await db
    .insert(listings)
    .values({
      kind: "prompt",
      title: `Listing ${n}`,
      category: "writing",
      summary: "",
      description: "",
      slug: `listing-${n}-${uniqueTag()}`,
      publishedAt: status === "published" ? sql`now() - make_interval(secs => ${n})` : null,
      ...values,
      status,
    })
    .returning({ id: listings.id, slug: listings.slug });
  return row;
}

// Orders and files --------------------------------------------------------------------------------------------

/** The columns every order row starts from: who bought which version of whose listing, and the price split at `feeBps`. */
export function orderValues(buyerId: string, listing: { id: string; creatorId: string; versionId: string }, priceCents: number, feeBps = 2000) {
  return { buyerId, listingId: listing.id, creatorId: listing.creatorId, versionId: listing.versionId, ...splitPrice(priceCents, feeBps) };
}

/** An order of `buyer` for the listing (default: paid, for its first version, fee 20%). */
export async function makeOrder(
  db: Db,
  buyer: { id: string },
  listing: { id: string; creatorId: string; versions: { id: string }[]; priceCents: number },
  opts: { status?: OrderStatus; versionIndex?: number } = {},
) {
  const status = opts.status ?? "paid";
  const price = listing.priceCents;
  const fee = Math.floor(price / 5);
  const [order] = await db
    .insert(orders)
    .values({
      buyerId: buyer.id,
      listingId: listing.id,
      creatorId: listing.creatorId,
      versionId: listing.versions[opts.versionIndex ?? 0].id,
      status,
      priceCents: price,
      feeCents: fee,
      creatorShareCents: price - fee,
      refundedCents: status === "refunded" ? price : 0,
      paidAt: status === "pending" || status === "expired" || status === "failed" ? null : new Date(),
      refundedAt: status === "refunded" ? new Date() : null,
    })
    .returning();
  return order;
}

/** A new person who owns the listing (a paid order of 500 for one of its versions). */
export async function makeOwner(db: Db, listingId: string, creatorId: string): Promise<Actor> {
  const buyer = await makeUser(db);
  const [version] = await db.select({ id: listingVersions.id }).from(listingVersions).where(eq(listingVersions.listingId, listingId)).limit(1);
  await db.insert(orders).values({
    buyerId: buyer.id,
    listingId,
    creatorId,
    versionId: version.id,
    status: "paid",
    priceCents: 500,
    feeCents: 100,
    creatorShareCents: 400,
    paidAt: new Date(),
  });
  return buyer;
}

export async function makeFile(db: Db, ownerId: string, filename = "weights.safetensors") {
  const data = new Uint8Array(randomBytes(64));
  const [row] = await db
    .insert(files)
    .values({
      ownerId,
      filename,
      contentType: "application/octet-stream",
      byteSize: data.length,
      sha256: createHash("sha256").update(data).digest("hex"),
      data,
    })
    .returning();
  return { ...row, data };
}

/**
 * A processed image row (three bytes of original and thumbnail) owned by `ownerId` (null: a demo image); `width` and
 * `height` are the original's recorded size (the thumbnail's is a quarter of it).
 */
export async function makeImage(db: Db, ownerId: string | null, opts: { createdAt?: Date; width?: number; height?: number } = {}) {
  const width = opts.width ?? 800;
  const height = opts.height ?? 600;
  const [row] = await db
    .insert(images)
    .values({
      ownerId,
      hash: randomBytes(8).toString("hex"),
      contentType: "image/png",
      width,
      height,
      byteSize: 3,
      data: new Uint8Array([1, 2, 3]),
      thumbContentType: "image/png",
      thumbWidth: Math.round(width / 4),
      thumbHeight: Math.round(height / 4),
      thumbData: new Uint8Array([4, 5, 6]),
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
    })
    .returning();
  return row;
}

/** A repeatable random source for generated test catalogs: `rand(n)` is an integer in [0, n), the same sequence per seed. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}
