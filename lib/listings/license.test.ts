import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { files, listingSearch, listingVersions } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { storeFile } from "@/lib/files/files";
import { ggufFile, pickleFile, safetensorsFile } from "@/lib/files/testing/model-files";
import { LICENSE_PRESETS } from "@/lib/licenses/licenses";
import { approveVersion } from "@/lib/moderation/approvals";
import { makeAdmin, makeCreator, type Creator } from "@/lib/testing/fixtures";
import type { Actor } from "@/lib/auth/actor";
import { createListing, saveListingDetails } from "./editing";
import { saveDraftLicense, versionLicense } from "./license";
import { DETAILS, validDraft } from "./testing/fixtures";
import { saveContentDraft, submitForApproval } from "./versions";

async function promptListing(creator: Creator) {
  const { db } = testDatabase();
  const { id } = await createListing(db, creator, { kind: "prompt", title: "Licensed prompt", category: "writing" });
  await saveListingDetails(db, creator, id, DETAILS);
  await saveContentDraft(db, creator, id, { draft: validDraft("prompt") });
  return id;
}

async function pendingVersionId(listingId: string) {
  const [v] = await testDatabase()
    .db.select({ id: listingVersions.id })
    .from(listingVersions)
    .where(and(eq(listingVersions.listingId, listingId), eq(listingVersions.reviewStatus, "pending_review")));
  return v.id;
}

async function approve(admin: Actor, listingId: string) {
  await approveVersion(testDatabase().db, admin, { versionId: await pendingVersionId(listingId) });
}

async function modelListing(creator: Creator, bytes: Uint8Array, filename: string) {
  const { db } = testDatabase();
  const file = await storeFile(db, creator, { filename, contentType: null, bytes });
  const { id } = await createListing(db, creator, { kind: "model", title: "A small model", category: "coding" });
  await saveListingDetails(db, creator, id, { ...DETAILS, category: "coding" });
  await saveContentDraft(db, creator, id, { draft: validDraft("model", file.id) });
  await saveDraftLicense(db, creator, id, { id: "apache-2.0" });
  return { id, file };
}

describe("licenses on versions", () => {
  it("a new listing can't be submitted until its creator chooses a license", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const id = await promptListing(creator);
    await expect(submitForApproval(db, creator, id)).rejects.toMatchObject({ code: "license.required", status: 400 });
    await saveDraftLicense(db, creator, id, { id: "cc-by-4.0" });
    await expect(submitForApproval(db, creator, id)).resolves.toMatchObject({ status: "pending_review", versionNumber: 1 });
  });

  it("a preset fixes its rights; custom terms keep the creator's flags", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const id = await promptListing(creator);
    const preset = await saveDraftLicense(db, creator, id, { id: "cc-by-nc-4.0", commercialUse: true } as never);
    expect(preset.license).toMatchObject({ id: "cc-by-nc-4.0", commercialUse: false, creditRequired: true, url: LICENSE_PRESETS["cc-by-nc-4.0"].url });
    const custom = await saveDraftLicense(db, creator, id, {
      id: "custom",
      name: "Studio license",
      terms: "Use it in client work; do not resell the prompt itself.",
      commercialUse: true,
      derivatives: false,
      resaleOfOutputs: true,
      creditRequired: false,
    });
    expect(custom.license).toEqual({
      id: "custom",
      name: "Studio license",
      terms: "Use it in client work; do not resell the prompt itself.",
      commercialUse: true,
      derivatives: false,
      resaleOfOutputs: true,
      creditRequired: false,
    });
    await expect(saveDraftLicense(db, creator, id, { id: "custom", name: "X", terms: "", commercialUse: true })).rejects.toMatchObject({
      code: "input.invalid",
    });
    await expect(saveDraftLicense(db, creator, id, { id: "gpl-3.0" })).rejects.toMatchObject({ code: "input.invalid" });
  });

  it("each version keeps its own license: a buyer of version 1 keeps version 1's license after version 2 changes it", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const id = await promptListing(creator);
    await saveDraftLicense(db, creator, id, { id: "agora-standard-commercial" });
    await submitForApproval(db, creator, id);
    await approve(admin, id);
    const [v1] = await db.select().from(listingVersions).where(eq(listingVersions.listingId, id));

    // A license change on a live listing is a new draft version, starting from the live content.
    const changed = await saveDraftLicense(db, creator, id, { id: "agora-standard-personal" });
    expect(changed.versionNumber).toBe(2);
    await saveContentDraft(db, creator, id, { draft: validDraft("prompt"), changelog: "Personal use only from now on." });
    await submitForApproval(db, creator, id);
    await approve(admin, id);

    expect(await versionLicense(db, v1.id)).toMatchObject({ id: "agora-standard-commercial", commercialUse: true });
    const versions = await db.select().from(listingVersions).where(eq(listingVersions.listingId, id));
    const v2 = versions.find((v) => v.number === 2)!;
    expect(await versionLicense(db, v2.id)).toMatchObject({ id: "agora-standard-personal", commercialUse: false });
  });

  it("a new content version starts under the license of the version before it", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const id = await promptListing(creator);
    await saveDraftLicense(db, creator, id, { id: "mit" });
    await submitForApproval(db, creator, id);
    await approve(admin, id);
    const saved = await saveContentDraft(db, creator, id, { draft: validDraft("prompt"), changelog: "Better wording." });
    expect(await versionLicense(db, saved.versionId)).toMatchObject({ id: "mit" });
    await expect(submitForApproval(db, creator, id)).resolves.toMatchObject({ versionNumber: 2 });
  });

  it("search's commercial_use follows the live version's license", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const id = await promptListing(creator);
    await saveDraftLicense(db, creator, id, { id: "cc-by-nc-4.0" });
    await submitForApproval(db, creator, id);
    await approve(admin, id);
    const commercial = async () => (await db.select().from(listingSearch).where(eq(listingSearch.listingId, id)))[0]?.commercialUse;
    expect(await commercial()).toBe(false);
    // The new license waits for approval: search keeps the live version's until then.
    await saveDraftLicense(db, creator, id, { id: "cc-by-4.0" });
    await saveContentDraft(db, creator, id, { draft: validDraft("prompt"), changelog: "Now open for commercial use." });
    await submitForApproval(db, creator, id);
    expect(await commercial()).toBe(false);
    await approve(admin, id);
    expect(await commercial()).toBe(true);
  });
});

describe("model files at submission", () => {
  it("a model version whose file passes the check is submitted, and the check is kept on the file", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const bytes = ggufFile({ "general.architecture": { type: "string", value: "llama" } }, [{ name: "w", dims: [32], type: 0 }]);
    const { id, file } = await modelListing(creator, bytes, "tiny.gguf");
    await expect(submitForApproval(db, creator, id)).resolves.toMatchObject({ status: "pending_review" });
    const [row] = await db.select({ inspection: files.inspection }).from(files).where(eq(files.id, file.id));
    expect(row.inspection).toMatchObject({ ok: true, report: { format: "gguf", architecture: "llama", parameterCount: 32 } });
  });

  it("a pickle renamed .safetensors can't be submitted, and the creator is told why and how to convert", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const { id } = await modelListing(creator, pickleFile(), "model.safetensors");
    const refusal = submitForApproval(db, creator, id);
    await expect(refusal).rejects.toMatchObject({ code: "file.content_refused", status: 422 });
    await expect(refusal).rejects.toThrow(/arbitrary code/);
    const [version] = await db.select().from(listingVersions).where(eq(listingVersions.listingId, id));
    expect(version.reviewStatus).toBe("draft");
  });

  it("a safetensors file whose header lies about its length can't be submitted", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const bytes = safetensorsFile([{ name: "w", dtype: "F32", shape: [64] }]).slice(0, 100);
    const { id } = await modelListing(creator, bytes, "w.safetensors");
    await expect(submitForApproval(db, creator, id)).rejects.toMatchObject({ code: "file.content_refused" });
  });
});

describe("model file check at upload", () => {
  it("an upload through the server keeps the check on the file row, a refusal included", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const good = await storeFile(db, creator, {
      filename: "w.safetensors",
      contentType: null,
      bytes: safetensorsFile([{ name: "w", dtype: "BF16", shape: [8] }]),
    });
    const bad = await storeFile(db, creator, { filename: "w.safetensors", contentType: null, bytes: pickleFile() });
    const inspection = async (id: string) => (await db.select({ inspection: files.inspection }).from(files).where(eq(files.id, id)))[0].inspection;
    expect(await inspection(good.id)).toMatchObject({ ok: true, report: { format: "safetensors", parameterCount: 8, dtypes: ["BF16"] } });
    expect(await inspection(bad.id)).toMatchObject({ ok: false, code: "model_file.pickle" });
  });
});
