// Reading one approved version's paid content for delivery, shaped per kind (a test never ships its answers).
import "server-only";
import { readLicense, type License } from "@/lib/licenses/licenses";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { files, listingVersions, type ListingVersion } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import {
  listingContentSchema,
  type ListingContent,
  type ModelContent,
  type PresetContent,
  type PromptContent,
  type TemplateContent,
} from "@/lib/listings/content";
import { approvedVersion, approvedVersions, deliveryAccess, type Delivery, type DeliveryListing, type VersionSummary } from "./access";

export type DeliveredFile = { id: string; filename: string; contentType: string; byteSize: number; sha256: string };

/** A test as the taker sees it before submitting: questions and choices, no correct answers or explanations. */
export type TestForTaker = {
  kind: "test";
  passMark: number;
  timeLimitMinutes: number | null;
  questions: { id: string; question: string; choices: string[] }[];
};

export type DeliveredContent = PromptContent | PresetContent | TemplateContent | TestForTaker | (ModelContent & { file: DeliveredFile | null });

export type DeliveredVersion = {
  listing: DeliveryListing;
  relation: Delivery["relation"];
  versions: VersionSummary[];
  /** For owners: the version number their order snapshotted at purchase. */
  purchasedVersion: number | null;
  version: { id: string; number: number; changelog: string; releasedAt: Date; current: boolean };
  content: DeliveredContent;
  /** The license that applies: for owners the one of the version they bought (kept for good), else the shown version's. */
  license: License | null;
};

/** Parses stored content for the listing's kind; content that fails its schema is not delivered half-valid. */
export function parseStoredContent(version: ListingVersion, kind: string): ListingContent {
  const parsed = listingContentSchema.safeParse(version.content);
  if (!parsed.success || parsed.data.kind !== kind) {
    throw new DomainError("library.content_invalid");
  }
  return parsed.data;
}

/** The file a version delivers: the version's own file column first, then the one its content names. */
export function versionFileId(version: ListingVersion, content: ListingContent): string | null {
  if (version.fileId) return version.fileId;
  return content.kind === "model" ? content.fileId : null;
}

async function fileMeta(db: Db, fileId: string | null): Promise<DeliveredFile | null> {
  if (!fileId) return null;
  const [row] = await db
    .select({ id: files.id, filename: files.filename, contentType: files.contentType, byteSize: files.byteSize, sha256: files.sha256 })
    .from(files)
    .where(eq(files.id, fileId))
    .limit(1);
  return row ?? null;
}

export function testForTaker(content: Extract<ListingContent, { kind: "test" }>): TestForTaker {
  return {
    kind: "test",
    passMark: content.passMark,
    timeLimitMinutes: content.timeLimitMinutes ?? null,
    questions: content.questions.map((q) => ({ id: q.id, question: q.question, choices: q.choices })),
  };
}

/**
 * The version to deliver (the current one unless `versionNumber` picks an older approved one) with
 * its content. Throws not_found for anyone without access and for unapproved or unknown versions.
 */
export async function readDelivery(db: Db, actor: Actor | null, listingId: string, versionNumber?: number): Promise<DeliveredVersion> {
  const delivery = await deliveryAccess(db, actor, listingId);
  const [versions, version] = await Promise.all([approvedVersions(db, delivery), approvedVersion(db, delivery, versionNumber)]);
  const stored = parseStoredContent(version, delivery.listing.kind);
  let content: DeliveredContent;
  if (stored.kind === "test") content = testForTaker(stored);
  else if (stored.kind === "model") content = { ...stored, file: await fileMeta(db, versionFileId(version, stored)) };
  else content = stored;
  let purchasedVersion: number | null = null;
  let license = readLicense(version.license);
  if (delivery.relation === "owner") {
    const [row] = await db
      .select({ number: listingVersions.number, license: listingVersions.license })
      .from(listingVersions)
      .where(eq(listingVersions.id, delivery.order.versionId))
      .limit(1);
    purchasedVersion = row?.number ?? null;
    license = readLicense(row?.license) ?? license;
  }
  return {
    listing: delivery.listing,
    relation: delivery.relation,
    versions,
    purchasedVersion,
    version: {
      id: version.id,
      number: version.number,
      changelog: version.changelog,
      releasedAt: version.reviewedAt ?? version.createdAt,
      current: version.id === delivery.listing.currentVersionId,
    },
    content,
    license,
  };
}

/** The JSON document a preset or template delivers as a .json download: the settings or the body. */
export async function versionJsonDocument(db: Db, actor: Actor | null, listingId: string, versionNumber?: number): Promise<{ filename: string; json: string }> {
  const delivered = await readDelivery(db, actor, listingId, versionNumber);
  const { content, listing, version } = delivered;
  if (content.kind !== "preset" && content.kind !== "template") throw new DomainError("not_found");
  const document = content.kind === "preset" ? content.settings : content.body;
  return { filename: `${listing.slug}-v${version.number}.json`, json: `${JSON.stringify(document, null, 2)}\n` };
}
