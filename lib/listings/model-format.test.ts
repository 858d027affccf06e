// A model version's format is what the model file check found in its file, not what the editor sent; the admin's
// approval item carries the license the version is submitted under.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listingVersions } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { storeFile } from "@/lib/files/files";
import { ggufFile, safetensorsFile } from "@/lib/files/testing/model-files";
import { approvalItem } from "@/lib/moderation/approvals";
import { makeAdmin, makeCreator } from "@/lib/testing/fixtures";
import { createListing, saveListingDetails } from "./editing";
import { saveDraftLicense } from "./license";
import { DETAILS, validDraft } from "./testing/fixtures";
import { saveContentDraft, submitForApproval } from "./versions";
import type { ModelDraft } from "./content-draft";

describe("model format from the file check", () => {
  it("saves the format the file check found, whatever the editor sent", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const file = await storeFile(db, creator, {
      filename: "weights.bin",
      contentType: null,
      bytes: ggufFile({ "general.architecture": { type: "string", value: "llama" } }, []),
    });
    const { id } = await createListing(db, creator, { kind: "model", title: "A GGUF model", category: "coding" });
    await saveListingDetails(db, creator, id, { ...DETAILS, category: "coding" });
    await saveContentDraft(db, creator, id, { draft: { ...(validDraft("model", file.id) as ModelDraft), format: "safetensors" } });
    const [version] = await db.select({ content: listingVersions.content }).from(listingVersions).where(eq(listingVersions.listingId, id));
    expect(version.content).toMatchObject({ kind: "model", format: "gguf", fileId: file.id });
  });

  it("the approval item shows the version's license to the admin", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const file = await storeFile(db, creator, {
      filename: "model.safetensors",
      contentType: null,
      bytes: safetensorsFile([{ name: "w", dtype: "F32", shape: [4, 4] }]),
    });
    const { id } = await createListing(db, creator, { kind: "model", title: "A small model", category: "coding" });
    await saveListingDetails(db, creator, id, { ...DETAILS, category: "coding" });
    await saveContentDraft(db, creator, id, { draft: validDraft("model", file.id) });
    await saveDraftLicense(db, creator, id, { id: "apache-2.0" });
    await submitForApproval(db, creator, id);
    const [pending] = await db.select({ id: listingVersions.id }).from(listingVersions).where(eq(listingVersions.listingId, id));
    const item = await approvalItem(db, admin, pending.id);
    expect(item?.license).toMatchObject({ id: "apache-2.0", commercialUse: true });
    expect(item?.content).toMatchObject({ kind: "model", format: "safetensors" });
  });
});
