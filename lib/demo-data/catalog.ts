// Seeded listings and their versions: text and content from the kind generators, validated, with previews.
import type { listings, listingVersions } from "@/db/schema";
import { resolveLicense, type License, type PresetLicenseId } from "@/lib/licenses/licenses";
import { listingContentSchema, type ListingContent } from "@/lib/listings/content";
import type { Kind } from "@/lib/listings/kinds";
import { buildPreview } from "@/lib/listings/preview";
import type { Sales } from "./commerce";
import { seededToken } from "./ids";
import { LISTING_GENERATORS } from "./kinds";
import { describeListing, fitText, normalizeTags, slugFor, withEdition } from "./listing-text";
import type { ListingPlan } from "./plan";
import { Random } from "./random";

export type ListingRow = typeof listings.$inferInsert;
export type VersionRow = typeof listingVersions.$inferInsert;

const REJECTION_REASONS = [
  "The description promises results the example outputs don't show. Please add real examples.",
  "The cover image contains a third-party logo. Replace it and resubmit.",
  "This duplicates an existing listing by another creator.",
  "Several answers in the test are wrong (see questions 4 and 9). Fix them and resubmit.",
  "The model's license does not allow commercial resale.",
];

const REMOVAL_REASONS = [
  "Removed after a copyright complaint was upheld.",
  "Removed: misleading description confirmed by several buyer reports.",
  "Removed for sharing content the license does not permit.",
];

/** Parses generated content with the same schema the editor uses; a generator bug stops the seed here. */
function validContent(listing: ListingPlan, version: number, input: unknown): ListingContent {
  const parsed = listingContentSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`seed generated invalid ${listing.kind} content for listing ${listing.index} v${version}: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Licenses the demo creators choose, by kind (their own stream, so the rest of the demo data stays as it was). */
const DEMO_LICENSES: Record<Exclude<Kind, "model">, PresetLicenseId[]> = {
  prompt: ["agora-standard-personal", "agora-standard-commercial", "agora-standard-commercial", "cc-by-4.0", "cc-by-nc-4.0"],
  preset: ["agora-standard-personal", "agora-standard-commercial", "cc-by-4.0", "mit"],
  template: ["agora-standard-commercial", "mit", "cc-by-4.0", "agora-standard-personal"],
  test: ["agora-standard-personal", "cc-by-nc-4.0", "agora-standard-commercial"],
};

/** Seeded models carry their base model's license (named in their content): a preset when there is one, else custom terms. */
const MODEL_LICENSES: [RegExp, PresetLicenseId][] = [
  [/llama/i, "llama-community"],
  [/gemma/i, "gemma-terms"],
  [/open ?rail/i, "openrail-m"],
  [/apache/i, "apache-2.0"],
  [/^mit$/i, "mit"],
];

function demoLicense(plan: ListingPlan, content: ListingContent): License {
  if (content.kind !== "model") return resolveLicense({ id: Random.for("license", plan.index).pick(DEMO_LICENSES[content.kind]) });
  const preset = MODEL_LICENSES.find(([pattern]) => pattern.test(content.license));
  if (preset) return resolveLicense({ id: preset[1] });
  return resolveLicense({
    id: "custom",
    name: content.license || "Research use only",
    terms: `Released under the ${content.license || "base model's"} terms: research and personal use only, no commercial use; keep the original notices.`,
    commercialUse: false,
    derivatives: true,
    resaleOfOutputs: false,
    creditRequired: true,
  });
}

export type CatalogEntry = { listing: ListingRow; versions: VersionRow[] };

/** The listing row and version rows of one planned listing; `sales` supplies its counters. */
export function buildCatalogEntry(plan: ListingPlan, creatorId: string, adminId: string, coverIds: readonly string[], sales: Sales): CatalogEntry {
  const rng = Random.for("listing", plan.index);
  const draft = LISTING_GENERATORS[plan.kind](rng);
  const rejected = plan.status === "rejected" ? rng.pick(REJECTION_REASONS) : null;
  const contents = plan.versions.map((version) => validContent(plan, version.number, draft.contentFor(version.number)));
  const live = plan.currentVersion ?? plan.versions[plan.versions.length - 1];
  const title = fitText(withEdition(draft.title, rng), 120);
  if (title.length < 5) throw new Error(`seed generated a title that is too short: "${title}"`);

  const license = demoLicense(plan, contents[contents.length - 1]);
  const versions: VersionRow[] = plan.versions.map((version, i) => ({
    id: version.id,
    listingId: plan.id,
    number: version.number,
    content: contents[i],
    changelog: version.number === 1 ? "" : draft.changelogFor(version.number),
    fileId: null,
    license,
    reviewStatus: version.reviewStatus,
    reviewReason: version.reviewStatus === "rejected" ? rejected : null,
    reviewedBy: version.reviewedAt === null ? null : adminId,
    submittedAt: version.submittedAt === null ? null : new Date(version.submittedAt),
    reviewedAt: version.reviewedAt === null ? null : new Date(version.reviewedAt),
    createdAt: new Date(version.createdAt),
    updatedAt: new Date(version.reviewedAt ?? version.submittedAt ?? version.createdAt),
  }));

  const listing: ListingRow = {
    id: plan.id,
    creatorId,
    slug: slugFor(title, seededToken(plan.index, 0x5eed)),
    kind: plan.kind,
    status: plan.status,
    title,
    summary: fitText(draft.summary, 200),
    description: describeListing(draft, plan.kind, rng),
    category: draft.category,
    tags: normalizeTags(draft.tags),
    priceCents: plan.priceCents,
    currency: "usd",
    coverImageId: plan.coverIndex === null ? null : coverIds[plan.coverIndex],
    preview: buildPreview(contents[plan.versions.indexOf(live)]),
    currentVersionId: plan.currentVersion?.id ?? null,
    ratingSum: sales.ratingSum,
    ratingCount: sales.ratingCount,
    salesCount: sales.salesCount,
    statusReason: rejected ?? (plan.status === "removed" ? rng.pick(REMOVAL_REASONS) : null),
    publishedAt: plan.publishedAt === null ? null : new Date(plan.publishedAt),
    createdAt: new Date(plan.createdAt),
    updatedAt: new Date(plan.updatedAt),
  };
  return { listing, versions };
}
