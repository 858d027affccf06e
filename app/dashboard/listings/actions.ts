"use server";
// Dashboard listing actions: parse input with zod, call lib (which checks the actor and owns the transaction),
// revalidate. The editor calls these with plain objects and gets a result it can show, never a thrown error.
import { redirect } from "next/navigation";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser, requireCreator } from "@/lib/auth/session";
import { revalidateListingEverywhere } from "@/lib/catalog/cache";
import { renderMarkdown } from "@/lib/catalog/markdown";
import { isDomainError } from "@/lib/errors";
import { contentDraftSchema, type ContentDraft } from "@/lib/listings/content-draft";
import { DESCRIPTION_MAX, newListingSchema, validateDetailsForm, type ListingDetailsForm } from "@/lib/listings/details";
import type { ListingStatus } from "@/db/schema";
import { uuidSchema } from "@/lib/uuid";
import {
  createListing,
  deleteDraftListing,
  duplicateListing,
  republishListing,
  saveListingDetails,
  setListingCover,
  unpublishListing,
} from "@/lib/listings/editing";
import { CHANGELOG_MAX, discardContentDraft, saveContentDraft, submitForApproval } from "@/lib/listings/versions";
import { validatedAction } from "@/lib/validated-action";
import type { ModelFileCheck } from "@/lib/files/model-inspect";
import { ownModelFileCheck } from "@/lib/files/model-inspect-store";
import type { License, LicenseChoice } from "@/lib/licenses/licenses";
import { saveDraftLicense } from "@/lib/listings/license";
import type { EditorResult } from "@/components/dashboard/editor-actions";

const listingId = uuidSchema("We couldn't find that listing.");

async function run<T extends object>(work: () => Promise<T>): Promise<EditorResult<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    unstable_rethrow(error);
    if (isDomainError(error)) return { ok: false, error: error.publicMessage };
    console.error("[dashboard] unexpected failure", error);
    return { ok: false, error: "Something went wrong on our side. Your work is kept in this browser; try again in a moment." };
  }
}

export const createListingAction = validatedAction(newListingSchema, async (data) => {
  const ref = await createListing(await getDb(), await getCurrentUser(), data);
  redirect(`/dashboard/listings/${ref.id}`);
});

const detailsFormSchema = z.object({
  title: z.string().max(1000),
  summary: z.string().max(5000),
  description: z.string().max(DESCRIPTION_MAX * 2),
  category: z.string().max(100),
  tags: z.string().max(5000),
  price: z.string().max(40),
});

export async function saveDetailsAction(id: string, form: ListingDetailsForm): Promise<EditorResult<{ savedAt: string; slug: string; status: ListingStatus }>> {
  const parsedId = listingId.safeParse(id);
  const parsedForm = detailsFormSchema.safeParse(form);
  if (!parsedId.success || !parsedForm.success) return { ok: false, error: "Some of the details are not valid." };
  const checked = validateDetailsForm(parsedForm.data);
  if (!checked.ok) return { ok: false, error: "Fix the highlighted fields to save.", fieldErrors: checked.errors };
  return run(async () => {
    const ref = await saveListingDetails(await getDb(), await getCurrentUser(), parsedId.data, checked.details);
    if (ref.status === "published") revalidateListingEverywhere(ref);
    return { savedAt: new Date().toISOString(), slug: ref.slug, status: ref.status };
  });
}

const contentInputSchema = z.object({ draft: contentDraftSchema, changelog: z.string().max(CHANGELOG_MAX) });

export async function saveContentAction(
  id: string,
  input: { draft: ContentDraft; changelog: string },
): Promise<EditorResult<{ savedAt: string; versionNumber: number; draft: ContentDraft; status: ListingStatus }>> {
  const parsedId = listingId.safeParse(id);
  const parsed = contentInputSchema.safeParse(input);
  if (!parsedId.success) return { ok: false, error: "We couldn't find that listing." };
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "The content could not be read." };
  return run(async () => {
    const saved = await saveContentDraft(await getDb(), await getCurrentUser(), parsedId.data, parsed.data);
    return { savedAt: saved.updatedAt.toISOString(), versionNumber: saved.versionNumber, draft: saved.draft, status: saved.status };
  });
}

export async function submitForApprovalAction(id: string): Promise<EditorResult<{ versionNumber: number; status: ListingStatus }>> {
  const parsedId = listingId.safeParse(id);
  if (!parsedId.success) return { ok: false, error: "We couldn't find that listing." };
  return run(async () => {
    const ref = await submitForApproval(await getDb(), await getCurrentUser(), parsedId.data);
    revalidateListingEverywhere(ref);
    return { versionNumber: ref.versionNumber, status: ref.status };
  });
}

export async function saveLicenseAction(id: string, choice: LicenseChoice): Promise<EditorResult<{ versionNumber: number; license: License }>> {
  const parsedId = listingId.safeParse(id);
  if (!parsedId.success) return { ok: false, error: "We couldn't find that listing." };
  return run(async () => {
    const saved = await saveDraftLicense(await getDb(), await getCurrentUser(), parsedId.data, choice);
    revalidateListingEverywhere(saved);
    return { versionNumber: saved.versionNumber, license: saved.license };
  });
}

export async function checkModelFileAction(fileId: string): Promise<EditorResult<{ check: ModelFileCheck }>> {
  return run(async () => ({ check: await ownModelFileCheck(await getDb(), await getCurrentUser(), fileId) }));
}

export async function discardDraftAction(id: string): Promise<EditorResult> {
  const parsedId = listingId.safeParse(id);
  if (!parsedId.success) return { ok: false, error: "We couldn't find that listing." };
  return run(async () => {
    const ref = await discardContentDraft(await getDb(), await getCurrentUser(), parsedId.data);
    revalidateListingEverywhere(ref);
    return {};
  });
}

export async function setCoverAction(id: string, imageId: string | null): Promise<EditorResult> {
  const parsedId = listingId.safeParse(id);
  const parsedImage = uuidSchema().nullable().safeParse(imageId);
  if (!parsedId.success || !parsedImage.success) return { ok: false, error: "We couldn't find that image. Upload it again." };
  return run(async () => {
    const ref = await setListingCover(await getDb(), await getCurrentUser(), parsedId.data, parsedImage.data);
    if (ref.status === "published") revalidateListingEverywhere(ref);
    return {};
  });
}

export async function unpublishAction(id: string): Promise<EditorResult<{ status: ListingStatus }>> {
  const parsedId = listingId.safeParse(id);
  if (!parsedId.success) return { ok: false, error: "We couldn't find that listing." };
  return run(async () => {
    const ref = await unpublishListing(await getDb(), await getCurrentUser(), parsedId.data);
    revalidateListingEverywhere(ref);
    return { status: ref.status };
  });
}

export async function republishAction(id: string): Promise<EditorResult<{ status: ListingStatus }>> {
  const parsedId = listingId.safeParse(id);
  if (!parsedId.success) return { ok: false, error: "We couldn't find that listing." };
  return run(async () => {
    const ref = await republishListing(await getDb(), await getCurrentUser(), parsedId.data);
    revalidateListingEverywhere(ref);
    return { status: ref.status };
  });
}

/** Duplicates and opens the copy in the editor. */
export async function duplicateAction(id: string): Promise<EditorResult> {
  const parsedId = listingId.safeParse(id);
  if (!parsedId.success) return { ok: false, error: "We couldn't find that listing." };
  const result = await run(async () => {
    const copy = await duplicateListing(await getDb(), await getCurrentUser(), parsedId.data);
    revalidateListingEverywhere(copy);
    return { copyId: copy.id };
  });
  if (result.ok) redirect(`/dashboard/listings/${result.copyId}`);
  return result;
}

/** Deletes a never-published draft and returns to the listings table. */
export async function deleteDraftAction(id: string, stay = false): Promise<EditorResult> {
  const parsedId = listingId.safeParse(id);
  if (!parsedId.success) return { ok: false, error: "We couldn't find that listing." };
  const result = await run(async () => {
    const ref = await deleteDraftListing(await getDb(), await getCurrentUser(), parsedId.data);
    revalidateListingEverywhere(ref);
    return {};
  });
  if (result.ok && !stay) redirect("/dashboard/listings?deleted=1");
  return result;
}

/** The description's live preview, rendered and sanitized exactly as the listing page will show it. */
export async function renderMarkdownAction(markdown: string): Promise<string> {
  await requireCreator().catch(() => {
    throw new Error("not allowed");
  });
  const text = z
    .string()
    .max(DESCRIPTION_MAX * 2)
    .catch("")
    .parse(markdown);
  return renderMarkdown(text);
}
