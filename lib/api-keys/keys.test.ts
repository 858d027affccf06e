// API keys in lib against a real database: creation shows the key once and stores only its hash, the cap on active
// keys, and revocation by the owner alone.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import { makeUser } from "@/lib/testing/fixtures";
import { createApiKey, listApiKeys, MAX_ACTIVE_KEYS, revokeApiKey } from "./keys";
import type { ApiKeyScope } from "./scopes";

const db = () => testDatabase().db;

describe("creating, listing and revoking keys", () => {
  it("shows the key once and stores only its sha256 hash and a short prefix", async () => {
    const user = await makeUser(db());
    const { key, apiKey } = await createApiKey(db(), user, { name: "  Nightly sync  ", scopes: ["downloads", "library:read", "downloads"] });

    expect(key).toMatch(/^agora_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: "Nightly sync", prefix: key.slice(0, 12), scopes: ["downloads", "library:read"], lastUsedAt: null, revokedAt: null });
    const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row.keyHash).toBe(createHash("sha256").update(key).digest("hex"));
    const [{ hits }] = await queryRows<{ hits: number }>(
      db(),
      sql`select count(*)::int as hits from api_keys where row_to_json(api_keys)::text like ${`%${key}%`}`,
    );
    expect(hits).toBe(0);

    const listed = await listApiKeys(db(), user);
    expect(listed).toHaveLength(1);
    expect(Object.keys(listed[0])).not.toContain("keyHash");
    expect(JSON.stringify(listed)).not.toContain(key);
  });

  it("refuses a key without a name or a scope, and an unknown scope", async () => {
    const user = await makeUser(db());
    await expect(createApiKey(db(), user, { name: " ", scopes: ["downloads"] })).rejects.toMatchObject({ code: "input.invalid", status: 400 });
    await expect(createApiKey(db(), user, { name: "x", scopes: [] })).rejects.toMatchObject({ code: "input.invalid" });
    await expect(createApiKey(db(), user, { name: "x", scopes: ["admin" as ApiKeyScope] })).rejects.toMatchObject({ code: "input.invalid" });
    expect(await listApiKeys(db(), user)).toEqual([]);
  });

  it("caps active keys per account; a revoked key frees its place", async () => {
    const user = await makeUser(db());
    const made = [];
    for (let i = 0; i < MAX_ACTIVE_KEYS; i++) made.push(await createApiKey(db(), user, { name: `k${i}`, scopes: ["downloads"] }));
    await expect(createApiKey(db(), user, { name: "one more", scopes: ["downloads"] })).rejects.toMatchObject({ code: "apikey.limit_reached", status: 409 });
    await revokeApiKey(db(), user, made[0].apiKey.id);
    await expect(createApiKey(db(), user, { name: "one more", scopes: ["downloads"] })).resolves.toMatchObject({ apiKey: { name: "one more" } });
  });

  it("lets only the owner revoke a key: someone else's is not found", async () => {
    const owner = await makeUser(db());
    const other = await makeUser(db());
    const { apiKey } = await createApiKey(db(), owner, { name: "mine", scopes: ["downloads"] });
    await expect(revokeApiKey(db(), other, apiKey.id)).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(revokeApiKey(db(), other, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    const revoked = await revokeApiKey(db(), owner, apiKey.id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    await expect(revokeApiKey(db(), owner, apiKey.id)).rejects.toMatchObject({ code: "apikey.already_revoked" });
  });
});
