import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, listings, listingVersions, notifications, searchTerms, type ListingStatus } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { removeListing } from "@/lib/moderation/listings";
import { approveVersion, rejectVersion, approvalItem } from "@/lib/moderation/approvals";
import { approvalQueuePage } from "@/lib/moderation/queue";
import { buildPreview } from "./preview";
import { creatorListings, listingForEditor } from "./queries";
import { canMove, STATUS_MOVES } from "./status";
import { createListing, deleteDraftListing, duplicateListing, republishListing, saveListingDetails, unpublishListing } from "./editing";
import { makeAdmin, makeCreator, makeOwner } from "@/lib/testing/fixtures";
import { DETAILS, promptDraft, validDraft } from "./testing/fixtures";
import { saveDraftLicense } from "./license";
import { discardContentDraft, saveContentDraft, submitForApproval } from "./versions";

const STATUSES: ListingStatus[] = ["draft", "pending_review", "published", "rejected", "unpublished", "removed"];

async function listingRow(id: string) {
  const [row] = await testDatabase().db.select().from(listings).where(eq(listings.id, id));
  return row;
}

async function pendingVersionId(listingId: string): Promise<string> {
  const [v] = await testDatabase()
    .db.select({ id: listingVersions.id })
    .from(listingVersions)
    .where(and(eq(listingVersions.listingId, listingId), eq(listingVersions.reviewStatus, "pending_review")));
  return v.id;
}

/** A prompt listing brought to `status` through the real flows. */
async function listingIn(status: ListingStatus, creator: Actor, admin: Actor): Promise<string> {
  const { db } = testDatabase();
  const { id } = await createListing(db, creator, { kind: "prompt", title: `A listing in ${status}`, category: "writing" });
  await saveListingDetails(db, creator, id, { ...DETAILS, title: `Listing that is ${status}` });
  await saveContentDraft(db, creator, id, { draft: validDraft("prompt") });
  await saveDraftLicense(db, creator, id, { id: "mit" });
  if (status === "draft") return id;
  await submitForApproval(db, creator, id);
  if (status === "pending_review") return id;
  if (status === "rejected") {
    await rejectVersion(db, admin, { versionId: await pendingVersionId(id), reason: "Please add a clearer summary." });
    return id;
  }
  await approveVersion(db, admin, { versionId: await pendingVersionId(id) });
  if (status === "published") return id;
  if (status === "unpublished") await unpublishListing(db, creator, id);
  if (status === "removed") await removeListing(db, admin, { listingId: id, reason: "Violates the content rules." });
  return id;
}

describe("status machine table", () => {
  it("allows exactly the listing status moves ARCHITECTURE.md lists, each by the right role", () => {
    const allowed = new Set(STATUS_MOVES.map((m) => `${m.from}>${m.to}>${m.by}`));
    expect(allowed).toEqual(
      new Set([
        "draft>pending_review>creator",
        "pending_review>published>admin",
        "pending_review>rejected>admin",
        "rejected>draft>creator",
        "published>unpublished>creator",
        "unpublished>published>creator",
        "published>removed>admin",
        "removed>published>admin",
      ]),
    );
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        for (const by of ["creator", "admin"] as const) {
          expect(canMove(from, to, by), `${from} → ${to} by ${by}`).toBe(allowed.has(`${from}>${to}>${by}`));
        }
      }
    }
  });
});

describe("every operation from every status", () => {
  type Op = "submit" | "approve" | "reject" | "revise" | "unpublish" | "republish" | "remove" | "delete";
  // Expected listing status after the operation, or the error code it must fail with.
  const expected: Record<ListingStatus, Record<Op, ListingStatus | "deleted" | { error: string }>> = {
    draft: {
      submit: "pending_review",
      approve: { error: "approval.not_found" },
      reject: { error: "approval.not_found" },
      revise: "draft",
      unpublish: { error: "listing.bad_transition" },
      republish: { error: "listing.bad_transition" },
      remove: { error: "listing.bad_transition" },
      delete: "deleted",
    },
    pending_review: {
      submit: { error: "listing.locked" },
      approve: "published",
      reject: "rejected",
      revise: { error: "listing.locked" },
      unpublish: { error: "listing.bad_transition" },
      republish: { error: "listing.bad_transition" },
      remove: { error: "listing.bad_transition" },
      delete: { error: "listing.not_draft" },
    },
    published: {
      submit: { error: "version.nothing_to_submit" },
      approve: { error: "approval.not_found" },
      reject: { error: "approval.not_found" },
      revise: "published",
      unpublish: "unpublished",
      republish: { error: "listing.bad_transition" },
      remove: "removed",
      delete: { error: "listing.not_draft" },
    },
    rejected: {
      submit: { error: "version.nothing_to_submit" },
      approve: { error: "approval.not_found" },
      reject: { error: "approval.not_found" },
      revise: "draft",
      unpublish: { error: "listing.bad_transition" },
      republish: { error: "listing.bad_transition" },
      remove: { error: "listing.bad_transition" },
      delete: "deleted",
    },
    unpublished: {
      submit: { error: "version.nothing_to_submit" },
      approve: { error: "approval.not_found" },
      reject: { error: "approval.not_found" },
      revise: "unpublished",
      unpublish: { error: "listing.bad_transition" },
      republish: "published",
      remove: { error: "listing.bad_transition" },
      delete: { error: "listing.not_draft" },
    },
    removed: {
      submit: { error: "listing.locked" },
      approve: { error: "approval.not_found" },
      reject: { error: "approval.not_found" },
      revise: { error: "listing.locked" },
      unpublish: { error: "listing.bad_transition" },
      republish: { error: "listing.bad_transition" },
      remove: { error: "listing.bad_transition" },
      delete: { error: "listing.not_draft" },
    },
  };

  for (const status of STATUSES) {
    it(`from ${status}`, async () => {
      const { db } = testDatabase();
      const creator = await makeCreator(db);
      const admin = await makeAdmin(db);
      for (const [op, outcome] of Object.entries(expected[status]) as [Op, ListingStatus | "deleted" | { error: string }][]) {
        const id = await listingIn(status, creator, admin);
        expect((await listingRow(id)).status).toBe(status);
        const pending = async () => {
          const versionId = await pendingVersionId(id).catch(() => null);
          if (!versionId) throw Object.assign(new Error("no pending version"), { code: "approval.not_found" });
          return versionId;
        };
        const run = async () => {
          switch (op) {
            case "submit":
              return submitForApproval(db, creator, id);
            case "approve":
              return approveVersion(db, admin, { versionId: await pending() });
            case "reject":
              return rejectVersion(db, admin, { versionId: await pending(), reason: "Not good enough yet, sorry." });
            case "revise":
              return saveContentDraft(db, creator, id, { draft: promptDraft({ targetModel: "Claude" }), changelog: "Model" });
            case "unpublish":
              return unpublishListing(db, creator, id);
            case "republish":
              return republishListing(db, creator, id);
            case "remove":
              return removeListing(db, admin, { listingId: id, reason: "Violates the content rules." });
            case "delete":
              return deleteDraftListing(db, creator, id);
          }
        };
        if (typeof outcome === "object") {
          await expect(run(), `${op} from ${status}`).rejects.toMatchObject({ code: outcome.error });
          expect((await listingRow(id)).status, `${op} from ${status} leaves the status`).toBe(status);
        } else {
          await run();
          const row = await listingRow(id);
          if (outcome === "deleted") expect(row, `${op} from ${status}`).toBeUndefined();
          else expect(row.status, `${op} from ${status}`).toBe(outcome);
        }
      }
    });
  }
});

describe("publishing and versions", () => {
  it("approval of a first version publishes with preview, current version, published date, search words and notices", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const id = await listingIn("pending_review", creator, admin);
    expect((await listingRow(id)).publishedAt).toBeNull();
    const queue = await approvalQueuePage(db, admin, { creator: creator.creatorHandle.toLowerCase() });
    const item = queue.rows.find((q) => q.listingId === id);
    expect(item).toMatchObject({ type: "version", number: 1, isUpdate: false });

    await approveVersion(db, admin, { versionId: item!.id });
    const row = await listingRow(id);
    expect(row.status).toBe("published");
    expect(row.currentVersionId).toBe(item!.id);
    expect(row.publishedAt).toBeInstanceOf(Date);
    expect(row.preview).toEqual(
      buildPreview({ ...validDraft("prompt"), exampleOutputs: [{ input: "desk lamp", output: "A lamp that keeps up with you." }] } as never),
    );
    const terms = await db.select().from(searchTerms).where(eq(searchTerms.term, "published"));
    expect(terms[0]?.listingCount).toBeGreaterThanOrEqual(1);
    const notes = await db.select().from(notifications).where(eq(notifications.userId, creator.id));
    expect(notes.map((n) => n.type)).toContain("version_approved");
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, item!.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["listing_version.submit", "listing_version.approve"]));
    expect((await approvalQueuePage(db, admin, { creator: creator.creatorHandle.toLowerCase() })).rows.some((q) => q.listingId === id)).toBe(false);
    await expect(approveVersion(db, admin, { versionId: item!.id })).rejects.toMatchObject({ code: "approval.already_decided" });
  });

  it("editing a live listing's content makes version 2 wait while version 1 stays live; approval switches and notifies owners", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const id = await listingIn("published", creator, admin);
    const v1 = (await listingRow(id)).currentVersionId!;
    const owners = [await makeOwner(db, id, creator.id), await makeOwner(db, id, creator.id)];
    const bystander = await makeCreator(db);

    const edited = promptDraft({ targetModel: "Claude Sonnet" });
    const saved = await saveContentDraft(db, creator, id, { draft: edited });
    expect(saved.versionNumber).toBe(2);
    // Saving again edits the same draft rather than making version 3.
    expect((await saveContentDraft(db, creator, id, { draft: edited })).versionId).toBe(saved.versionId);
    expect((await listingRow(id)).currentVersionId).toBe(v1);

    await expect(submitForApproval(db, creator, id)).rejects.toMatchObject({ code: "version.changelog_required" });
    await saveContentDraft(db, creator, id, { draft: edited, changelog: "Tuned for Claude." });
    await submitForApproval(db, creator, id);
    let row = await listingRow(id);
    expect(row.status).toBe("published");
    expect(row.currentVersionId).toBe(v1);
    expect((row.preview as { targetModel: string }).targetModel).toBe("GPT-4o");
    // Immutable while waiting: no edits until an admin has decided.
    await expect(saveContentDraft(db, creator, id, { draft: validDraft("prompt") })).rejects.toMatchObject({ code: "version.pending" });

    const item = await approvalItem(db, admin, saved.versionId);
    expect(item?.live?.number).toBe(1);
    expect(item?.diff?.filter((d) => d.op !== "same")).toEqual([
      { op: "del", text: "targetModel: GPT-4o" },
      { op: "add", text: "targetModel: Claude Sonnet" },
    ]);

    const [dashboardRow] = (await creatorListings(db, creator)).filter((l) => l.id === id);
    expect([dashboardRow.liveVersion, dashboardRow.pendingVersion, dashboardRow.draftVersion]).toEqual([1, 2, null]);

    const outcome = await approveVersion(db, admin, { versionId: saved.versionId });
    expect(outcome.ownersNotified).toBe(2);
    row = await listingRow(id);
    expect(row.currentVersionId).toBe(saved.versionId);
    expect((row.preview as { targetModel: string }).targetModel).toBe("Claude Sonnet");
    for (const owner of owners) {
      const [note] = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, owner.id), eq(notifications.type, "new_version")));
      expect(note.body).toBe("Tuned for Claude.");
      expect(note.link).toBe(`/l/${row.slug}`);
    }
    expect(await db.select().from(notifications).where(eq(notifications.userId, bystander.id))).toHaveLength(0);
  });

  it("a rejected update leaves the live version, tells the creator why, and the next edit is version 3", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const id = await listingIn("published", creator, admin);
    const v1 = (await listingRow(id)).currentVersionId;
    await saveContentDraft(db, creator, id, { draft: promptDraft({ targetModel: "Other" }), changelog: "Other model" });
    await submitForApproval(db, creator, id);
    await rejectVersion(db, admin, { versionId: await pendingVersionId(id), reason: "The examples no longer match the model." });
    const row = await listingRow(id);
    expect([row.status, row.currentVersionId]).toEqual(["published", v1]);
    const [note] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, creator.id), eq(notifications.type, "version_rejected")));
    expect(note.body).toBe("The examples no longer match the model.");
    const editor = await listingForEditor(db, creator, id);
    expect(editor?.versions.find((v) => v.number === 2)).toMatchObject({ approvalStatus: "rejected", approvalNote: "The examples no longer match the model." });
    expect((await saveContentDraft(db, creator, id, { draft: validDraft("prompt"), changelog: "Fixed" })).versionNumber).toBe(3);
  });

  it("a rejected first version shows its reason on the listing; revising returns it to draft", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const id = await listingIn("rejected", creator, admin);
    expect((await listingRow(id)).statusReason).toBe("Please add a clearer summary.");
    await saveListingDetails(db, creator, id, { ...DETAILS, summary: "A much clearer summary." });
    const row = await listingRow(id);
    expect([row.status, row.statusReason]).toEqual(["draft", null]);
    // Revising starts version 2 from the rejected content, so a details-only fix can be resubmitted.
    const editor = await listingForEditor(db, creator, id);
    expect(editor?.draft).toMatchObject({ number: 2, content: { targetModel: "GPT-4o" } });
    expect(editor?.lastRejection).toEqual({ number: 1, reason: "Please add a clearer summary." });
    await expect(submitForApproval(db, creator, id)).rejects.toMatchObject({ code: "version.changelog_required" });
    await saveContentDraft(db, creator, id, { draft: editor!.draft!.content, changelog: "Clearer summary." });
    await submitForApproval(db, creator, id);
    expect((await listingRow(id)).status).toBe("pending_review");
  });

  it("republishing needs no approval and keeps the approved version; unpublishing keeps it too", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const id = await listingIn("published", creator, admin);
    const { currentVersionId, publishedAt } = await listingRow(id);
    await unpublishListing(db, creator, id);
    await republishListing(db, creator, id);
    const row = await listingRow(id);
    expect([row.status, row.currentVersionId, row.publishedAt?.getTime()]).toEqual(["published", currentVersionId, publishedAt?.getTime()]);
  });

  it("discarding unsubmitted changes drops the draft version and keeps the live one", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const id = await listingIn("published", creator, admin);
    await saveContentDraft(db, creator, id, { draft: promptDraft({ targetModel: "X" }) });
    await discardContentDraft(db, creator, id);
    const editor = await listingForEditor(db, creator, id);
    expect(editor?.draft).toBeNull();
    expect(editor?.versions.map((v) => v.number)).toEqual([1]);
    expect(editor?.startingContent).toMatchObject({ targetModel: "GPT-4o" });
  });

  it("a live listing's new text waits for approval (slug kept); a draft's slug follows its title", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const live = await listingIn("published", creator, admin);
    const before = await listingRow(live);
    const saved = await saveListingDetails(db, creator, live, { ...DETAILS, title: "A brand new title for it" });
    expect(saved.revisionPending).toBe(true);
    expect(await listingRow(live)).toMatchObject({ title: before.title, slug: before.slug });

    const { id: draft } = await createListing(db, creator, { kind: "test", title: "First name", category: "education" });
    await saveListingDetails(db, creator, draft, { ...DETAILS, title: "Second name entirely" });
    expect((await listingRow(draft)).slug).toBe("second-name-entirely");
  });

  it("duplicates details, cover and latest content into a new draft", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const admin = await makeAdmin(db);
    const id = await listingIn("published", creator, admin);
    const copy = await duplicateListing(db, creator, id);
    const row = await listingRow(copy.id);
    expect(row).toMatchObject({ status: "draft", title: "Listing that is published (copy)", priceCents: DETAILS.priceCents, currentVersionId: null });
    expect(row.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const editor = await listingForEditor(db, creator, copy.id);
    expect(editor?.draft?.number).toBe(1);
    expect(editor?.draft?.content).toMatchObject({ kind: "prompt", targetModel: "GPT-4o" });
  });

  it("slugs are unique: the same title twice gets a short suffix", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const a = await createListing(db, creator, { kind: "prompt", title: "Écrire: le Guide!", category: "writing" });
    const b = await createListing(db, creator, { kind: "prompt", title: "Écrire: le Guide!", category: "writing" });
    expect(a.slug).toBe("ecrire-le-guide");
    expect(b.slug).toMatch(/^ecrire-le-guide-[a-z0-9]{6}$/);
  });

  it("a first submission needs valid content: problems are listed in plain words", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const { id } = await createListing(db, creator, { kind: "preset", title: "Moody film look", category: "photography" });
    await saveContentDraft(db, creator, id, { draft: { kind: "preset", tool: "Lightroom", settingsText: '{\n  "a": 1,\n}', notes: "" } });
    await expect(submitForApproval(db, creator, id)).rejects.toMatchObject({ code: "version.invalid", message: expect.stringContaining("line 3") });
    expect((await listingRow(id)).status).toBe("draft");
  });

  it("two admins deciding the same version at once: exactly one decision lands", async () => {
    const { db } = testDatabase();
    const creator = await makeCreator(db);
    const [a, b] = [await makeAdmin(db), await makeAdmin(db)];
    const id = await listingIn("pending_review", creator, a);
    const versionId = await pendingVersionId(id);
    const results = await Promise.allSettled([
      approveVersion(db, a, { versionId }),
      rejectVersion(db, b, { versionId, reason: "Rejected at the same moment." }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toMatchObject({ code: "approval.already_decided" });
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, versionId));
    expect(audits.filter((x) => !["listing_version.submit", "listing_version.license"].includes(x.action))).toHaveLength(1);
  });
});
