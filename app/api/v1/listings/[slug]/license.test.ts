// GET /api/v1/listings/{slug}: the live version's license and the model file check's facts, in the documented shape.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { files, listingVersions } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { modelFileCheck } from "@/lib/files/model-inspect-store";
import { ggufFile } from "@/lib/files/testing/model-files";
import { resolveLicense } from "@/lib/licenses/licenses";
import { makeCreator, makeListing } from "@/lib/testing/fixtures";
import { GET } from "./route";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, revalidateTag: () => {} }));

const call = (slug: string) => GET(new Request(`http://test.local/api/v1/listings/${slug}`), { params: Promise.resolve({ slug }) });
let modelSlug = "";
let customSlug = "";
let sha256 = "";

beforeAll(async () => {
  const { db } = testDatabase();
  const creator = await makeCreator(db);
  const bytes = ggufFile(
    {
      "general.architecture": { type: "string", value: "llama" },
      "general.file_type": { type: "u32", value: 15 },
      "llama.context_length": { type: "u32", value: 8192 },
    },
    [{ name: "w", dims: [64, 2], type: 2 }],
  );
  sha256 = createHash("sha256").update(bytes).digest("hex");
  const [file] = await db
    .insert(files)
    .values({ ownerId: creator.id, filename: "tiny.gguf", contentType: "application/octet-stream", byteSize: bytes.byteLength, sha256, data: bytes })
    .returning();
  await modelFileCheck(db, file);
  const model = await makeListing(db, creator, { kind: "model", versions: [{ fileId: file.id }] });
  await db
    .update(listingVersions)
    .set({ license: resolveLicense({ id: "cc-by-4.0" }) })
    .where(eq(listingVersions.id, model.versionId));
  modelSlug = model.slug;
  const custom = await makeListing(db, creator, {});
  const terms = {
    id: "custom" as const,
    name: "Studio terms",
    terms: "Use in client work; never resell.",
    commercialUse: true,
    derivatives: false,
    resaleOfOutputs: false,
    creditRequired: true,
  };
  await db
    .update(listingVersions)
    .set({ license: resolveLicense(terms) })
    .where(eq(listingVersions.id, custom.versionId));
  customSlug = custom.slug;
});

describe("GET /api/v1/listings/{slug} licenses and model files", () => {
  it("gives the license with its rights as flags, and the model file's format, size, hash, parameters and GGUF facts", async () => {
    const response = await call(modelSlug);
    expect(response.status).toBe(200);
    const { listing } = (await response.json()) as { listing: Record<string, unknown> };
    expect(listing.license).toEqual({
      id: "cc-by-4.0",
      name: "CC BY 4.0",
      url: "https://creativecommons.org/licenses/by/4.0/",
      commercialUse: true,
      derivatives: true,
      resaleOfOutputs: true,
      creditRequired: true,
    });
    expect(listing.modelFile).toMatchObject({
      format: "gguf",
      sha256,
      parameterCount: 128,
      dtypes: ["Q4_0"],
      architecture: "llama",
      quantization: "Q4_K_M",
      contextLength: 8192,
    });
  });

  it("gives custom terms with the creator's flags, and no model file for other kinds", async () => {
    const { listing } = (await (await call(customSlug)).json()) as { listing: Record<string, unknown> };
    expect(listing.license).toEqual({
      id: "custom",
      name: "Studio terms",
      terms: "Use in client work; never resell.",
      commercialUse: true,
      derivatives: false,
      resaleOfOutputs: false,
      creditRequired: true,
    });
    expect(listing.modelFile).toBeNull();
  });
});
