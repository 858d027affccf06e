// Test fixtures for library and review tests: people, listings with versions per kind, orders and files.
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, files, listings, listingVersions, orders, users, type ListingKind, type ListingStatus, type OrderStatus } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import type { ListingContent } from "@/lib/listings/content";

let seq = 0;
const next = () => `${Date.now().toString(36)}${(++seq).toString(36)}${randomBytes(2).toString("hex")}`;

export async function makeUser(db: Db, opts: { name?: string; role?: "user" | "admin"; status?: "active" | "suspended" | "banned" } = {}): Promise<Actor> {
  const id = next();
  const [row] = await db
    .insert(users)
    .values({ email: `u${id}@example.test`, name: opts.name ?? `User ${id}`, role: opts.role ?? "user", status: opts.status ?? "active" })
    .returning();
  return (await loadActor(db, row.id)) ?? { ...row, creatorHandle: null };
}

export async function makeCreator(db: Db, name = "Creator"): Promise<Actor> {
  const user = await makeUser(db, { name });
  await db.insert(creatorProfiles).values({ userId: user.id, handle: `c${next()}`.slice(0, 30), displayName: `${name} Studio` });
  return (await loadActor(db, user.id))!;
}

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

export async function makeFile(db: Db, ownerId: string, filename = "weights.safetensors") {
  const data = new Uint8Array(randomBytes(64));
  const [row] = await db
    .insert(files)
    .values({ ownerId, filename, contentType: "application/octet-stream", byteSize: data.length, sha256: createHash("sha256").update(data).digest("hex"), data })
    .returning();
  return row;
}

type VersionSpec = { content?: ListingContent; status?: "draft" | "pending_review" | "approved" | "rejected"; fileId?: string | null };

/** A listing with versions (default: one approved); the current version is the newest approved one. */
export async function makeListing(
  db: Db,
  creator: Actor,
  opts: { kind?: ListingKind; status?: ListingStatus; priceCents?: number; versions?: VersionSpec[] } = {},
) {
  const kind = opts.kind ?? "prompt";
  const slug = `l-${next()}`;
  const [listing] = await db
    .insert(listings)
    .values({ creatorId: creator.id, slug, kind, status: opts.status ?? "published", title: `Listing ${slug}`, category: "writing", priceCents: opts.priceCents ?? 500 })
    .returning();
  const specs = opts.versions ?? [{}];
  const versions = [];
  for (const [i, spec] of specs.entries()) {
    const [v] = await db
      .insert(listingVersions)
      .values({
        listingId: listing.id,
        number: i + 1,
        content: spec.content ?? contentFor(kind),
        fileId: spec.fileId ?? null,
        reviewStatus: spec.status ?? "approved",
        changelog: `v${i + 1}`,
      })
      .returning();
    versions.push(v);
  }
  const current = [...versions].reverse().find((v) => v.reviewStatus === "approved");
  if (current) await db.update(listings).set({ currentVersionId: current.id }).where(eq(listings.id, listing.id));
  return { ...listing, currentVersionId: current?.id ?? null, versions };
}

export async function makeOrder(
  db: Db,
  buyer: Actor,
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
