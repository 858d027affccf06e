// Test fixtures for the creator studio: people with roles, and ready-to-submit content for each kind.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { creatorProfiles, listingVersions, orders, users } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import type { ContentDraft, PromptDraft } from "../content-draft";
import type { Kind } from "../kinds";

let counter = 0;

export async function makeUser(db: Db, opts: { role?: "user" | "admin"; status?: "active" | "suspended"; creator?: boolean } = {}): Promise<Actor> {
  const n = ++counter;
  const tag = `${n}-${randomUUID().slice(0, 6)}`;
  const [user] = await db
    .insert(users)
    .values({ email: `studio-${tag}@example.test`, name: `Person ${n}`, role: opts.role ?? "user", status: opts.status ?? "active" })
    .returning({ id: users.id });
  if (opts.creator) await db.insert(creatorProfiles).values({ userId: user.id, handle: `maker-${tag}`, displayName: `Maker ${n}` });
  const actor = await loadActor(db, user.id);
  if (!actor) throw new Error("fixture user not loadable");
  return actor;
}

export const makeCreator = (db: Db, status: "active" | "suspended" = "active") => makeUser(db, { creator: true, status });
export const makeAdmin = (db: Db) => makeUser(db, { role: "admin" });

/** A paid order of `buyer` for the listing's live version (an owner). */
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

export const DETAILS = {
  title: "Crisp product descriptions",
  summary: "Turns bullet points into product copy.",
  description: "## What it does\n\nWrites **great** copy.",
  category: "writing" as const,
  tags: ["copywriting", "ecommerce"],
  priceCents: 900,
};

/** Draft content that passes its kind's schema once submitted. */
export function validDraft(kind: Kind, fileId: string | null = null): ContentDraft {
  switch (kind) {
    case "prompt":
      return {
        kind,
        template: "Write a description of {{product}} for {{audience}}.",
        variables: [
          { name: "product", description: "What you sell", example: "a desk lamp" },
          { name: "audience", description: "Who buys it", example: "students" },
        ],
        targetModel: "GPT-4o",
        exampleOutputs: [{ input: "desk lamp", output: "A lamp that keeps up with you.", imageId: null }],
      };
    case "preset":
      return { kind, tool: "Lightroom", settingsText: '{\n  "exposure": 0.3,\n  "contrast": 12\n}', notes: "" };
    case "template":
      return { kind, bodyText: '{\n  "name": "",\n  "sections": ["intro", "body"]\n}', notes: "Fill in the name." };
    case "test":
      return {
        kind,
        passMark: 50,
        timeLimitMinutes: null,
        questions: [
          { id: "q1", question: "2 + 2?", choices: ["3", "4"], correctIndex: 1, explanation: "Arithmetic." },
          { id: "q2", question: "Capital of France?", choices: ["Paris", "Rome", "Oslo"], correctIndex: 0, explanation: "" },
        ],
      };
    case "model":
      return { kind, baseModel: "Llama 3 8B", license: "Apache-2.0", format: "safetensors", fileId, fileName: "", fileSizeBytes: 0, sha256: "", usage: "Load it." };
  }
}

/** A valid prompt draft with some fields changed. */
export function promptDraft(changes: Partial<Omit<PromptDraft, "kind">> = {}): PromptDraft {
  return { ...(validDraft("prompt") as PromptDraft), ...changes };
}
