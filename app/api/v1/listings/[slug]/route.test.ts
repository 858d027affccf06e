// Contract of GET /api/v1/listings/{slug}: public fields and preview only; 404 for anything not published.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listingVersions, listings } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { makeCreator, makeListingRow } from "@/lib/testing/fixtures";
import { buildPreview } from "@/lib/listings/preview";
import { GET } from "./route";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn, revalidateTag: () => {} }));

const call = (slug: string) => GET(new Request(`http://test.local/api/v1/listings/${slug}`), { params: Promise.resolve({ slug }) });
let published = "";
const hidden: string[] = [];

beforeAll(async () => {
  const db = testDatabase().db;
  const creator = await makeCreator(db);
  const content = {
    kind: "test" as const,
    passMark: 70,
    questions: [{ id: "q1", question: "What is 2 + 2?", choices: ["3", "4"], correctIndex: 1, explanation: "Arithmetic." }],
  };
  const row = await makeListingRow(db, {
    creatorId: creator.id,
    kind: "test",
    title: "Arithmetic quiz",
    description: "# Hello\n\n<script>alert(1)</script>\n\nSee [site](https://example.com)",
    preview: buildPreview(content),
  });
  await db.insert(listingVersions).values({ listingId: row.id, number: 1, content, changelog: "First release", reviewStatus: "approved" });
  published = row.slug;
  for (const status of ["draft", "pending_review", "rejected", "unpublished", "removed"] as const) {
    hidden.push((await makeListingRow(db, { creatorId: creator.id, title: `Hidden ${status}`, status })).slug);
  }
  await db.update(listings).set({ updatedAt: sql`now()` });
});

describe("GET /api/v1/listings/{slug}", () => {
  it("answers the public listing with sanitized description, preview and versions, never the paid content", async () => {
    const response = await call(published);
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as {
      listing: { title: string; descriptionHtml: string; preview: { kind: string; questionCount: number } };
      versions: { number: number; changelog: string }[];
    };
    expect(body.listing.title).toBe("Arithmetic quiz");
    expect(body.listing.preview).toMatchObject({ kind: "test", questionCount: 1 });
    expect(body.versions).toEqual([expect.objectContaining({ number: 1, changelog: "First release" })]);
    expect(body.listing.descriptionHtml).not.toContain("<script");
    expect(body.listing.descriptionHtml).toContain('rel="nofollow noopener noreferrer"');
    expect(text).not.toContain("correctIndex");
    expect(text).not.toContain("Arithmetic.");
  });

  it("answers 404 for drafts, pending, rejected, unpublished and removed listings", async () => {
    for (const slug of hidden) expect((await call(slug)).status).toBe(404);
    expect((await call("no-such-listing")).status).toBe(404);
  });

  it("answers 400 for a malformed slug", async () => {
    const response = await call("Bad_Slug!");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { parameter: string }).parameter).toBe("slug");
  });
});
