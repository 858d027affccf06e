// Creator profiles: becoming a creator (with an optional avatar) and reading a profile by handle.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { creatorProfiles, type CreatorProfile } from "@/db/schema";
import { assertActive, assertEmailVerified, type Actor } from "@/lib/auth/actor";
import { DomainError, parseInput } from "@/lib/errors";
import { uuidSchema } from "@/lib/uuid";
import { assertOwnImages } from "@/lib/listings/access";

const RESERVED_HANDLES = new Set(["admin", "agora", "api", "support", "help", "dashboard", "library", "browse", "settings", "about"]);

export const creatorProfileSchema = z.object({
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_-]{2,31}$/, "Use 3–32 lowercase letters, digits, - or _, starting with a letter or digit.")
    .refine((h) => !RESERVED_HANDLES.has(h), "That handle is reserved. Pick another one."),
  displayName: z.string().trim().min(2, "Enter a display name (2 characters or more).").max(60, "Display name is too long (60 at most)."),
  bio: z.string().trim().max(1000, "Bio is too long (1,000 characters at most).").default(""),
  // An image the person uploaded as an avatar (POST /api/uploads/images?purpose=avatar); empty for none.
  avatarImageId: z
    .union([uuidSchema("Upload the avatar again."), z.literal("")])
    .optional()
    .transform((v) => v || undefined),
});

export type CreatorProfileInput = z.input<typeof creatorProfileSchema>;

export async function findCreatorByHandle(db: Db, handle: string): Promise<CreatorProfile | undefined> {
  const [row] = await db
    .select()
    .from(creatorProfiles)
    .where(sql`lower(${creatorProfiles.handle}) = ${handle.toLowerCase()}`)
    .limit(1);
  return row;
}

/** Makes the acting user a creator. One profile per user; handles are unique regardless of case. */
export async function becomeCreator(db: Db, actor: Actor | null, input: CreatorProfileInput): Promise<CreatorProfile> {
  const user = assertEmailVerified(assertActive(actor));
  const data = parseInput(creatorProfileSchema, input);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(creatorProfiles).where(eq(creatorProfiles.userId, user.id)).limit(1);
    if (existing) throw new DomainError("creator.already_creator");
    if (await findCreatorByHandle(tx, data.handle)) throw new DomainError("creator.handle_taken");
    if (data.avatarImageId) await assertOwnImages(tx, user.id, [data.avatarImageId]);
    const [created] = await tx
      .insert(creatorProfiles)
      .values({ userId: user.id, handle: data.handle, displayName: data.displayName, bio: data.bio, avatarImageId: data.avatarImageId ?? null })
      .onConflictDoNothing()
      .returning();
    if (!created) throw new DomainError("creator.handle_taken");
    return created;
  });
}
