// Calling with an API key, against a real database: GET /api/v1/me/library and the library download routes; revocation
// and a ban stop a key at once, scopes and the per-key rate limit hold, and a key downloads only what its owner owns.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { apiKeys, users } from "@/db/schema";
import { testDatabase } from "@/db/testing/setup";
import type { Actor } from "@/lib/auth/actor";
import { contentFor, makeAdmin, makeCreator, makeFile, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";
import { GET as downloadRoute } from "@/app/api/library/[listingId]/download/route";
import { GET as jsonRoute } from "@/app/api/library/[listingId]/json/route";
import { GET as signedLinkRoute } from "@/app/api/downloads/[token]/route";
import { GET as meLibrary } from "./route";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/keys";
import type { ApiKeyScope } from "@/lib/api-keys/scopes";

// Only the browser session is faked; keys, access and entitlement run through lib against the test database.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));

const db = () => testDatabase().db;
const withKey = (path: string, key?: string) => new Request(`http://localhost${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

async function keyFor(actor: Actor, scopes: ApiKeyScope[] = ["library:read", "downloads"]) {
  return (await createApiKey(db(), actor, { name: "script", scopes })).key;
}

async function world() {
  const creator = await makeCreator(db());
  const file = await makeFile(db(), creator.id, "lora.safetensors");
  const model = await makeListing(db(), creator, { kind: "model", versions: [{ content: contentFor("model", file.id) }] });
  const preset = await makeListing(db(), creator, { kind: "preset" });
  const buyer = await makeUser(db());
  await makeOrder(db(), buyer, model);
  await makeOrder(db(), buyer, preset);
  return { creator, model, preset, buyer, file };
}

beforeEach(() => {
  session.actor = null;
});
afterEach(() => vi.unstubAllEnvs());

describe("calling with a key", () => {
  it("lists the owner's library on /api/v1/me/library in pages, and records the key's last use", async () => {
    const { buyer, model, preset } = await world();
    const key = await keyFor(buyer);

    const first = await meLibrary(withKey("/api/v1/me/library?limit=1", key));
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-limit")).toBe("120");
    const page1 = await first.json();
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await (await meLibrary(withKey(`/api/v1/me/library?limit=1&cursor=${page1.nextCursor}`, key))).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const ids = [...page1.items, ...page2.items].map((i: { listing: { id: string } }) => i.listing.id).sort();
    expect(ids).toEqual([model.id, preset.id].sort());
    const modelItem = [...page1.items, ...page2.items].find((i: { listing: { kind: string } }) => i.listing.kind === "model");
    expect(modelItem.links.download).toBe(`/api/library/${model.id}/download`);

    const [row] = await db().select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.userId, buyer.id));
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });

  it("narrows to a title search and to what was updated since bought, as the library page does", async () => {
    const { buyer, creator, preset } = await world();
    const lamp = await makeListing(db(), creator, { kind: "prompt", title: "Lamp 50% prompts", versions: [{}, {}] });
    await makeOrder(db(), buyer, lamp, { versionIndex: 0 });
    const key = await keyFor(buyer);
    const slugs = async (query: string) =>
      ((await (await meLibrary(withKey(`/api/v1/me/library?${query}`, key))).json()) as { items: { listing: { slug: string } }[] }).items.map(
        (i) => i.listing.slug,
      );

    expect(await slugs("q=LAMP")).toEqual([lamp.slug]);
    expect(await slugs("q=50%25")).toEqual([lamp.slug]);
    expect(await slugs("updated=true")).toEqual([lamp.slug]);
    expect(await slugs("updated=1&q=lamp")).toEqual([lamp.slug]);
    expect((await slugs("updated=false")).sort()).toEqual((await slugs("")).sort());
    expect(await slugs("q=nothing+like+it")).toEqual([]);
    expect(await slugs(`q=${encodeURIComponent(preset.title)}&updated=1`)).toEqual([]);
  });

  it("answers a bad parameter with {error, parameter, message}", async () => {
    const { buyer } = await world();
    const key = await keyFor(buyer);
    for (const [query, parameter] of [
      ["limit=0", "limit"],
      ["limit=abc", "limit"],
      ["cursor=%24%24", "cursor"],
      [`cursor=${Buffer.from("nope").toString("base64url")}`, "cursor"],
      [`q=${"x".repeat(101)}`, "q"],
      ["updated=yes", "updated"],
    ]) {
      const res = await meLibrary(withKey(`/api/v1/me/library?${query}`, key));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "invalid_parameter", parameter, message: expect.stringContaining(parameter) });
    }
  });

  it("needs a key on /api/v1/me/library even from a signed-in browser, and refuses a malformed or unknown one", async () => {
    const { buyer } = await world();
    session.actor = buyer;
    const none = await meLibrary(withKey("/api/v1/me/library"));
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: "apikey.missing" });
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="agora"');
    for (const header of ["Basic abc", "Bearer", "Bearer agora_unknown", "Bearer sk_live_x"]) {
      const res = await meLibrary(new Request("http://localhost/api/v1/me/library", { headers: { authorization: header } }));
      expect(res.status).toBe(401);
      expect((await res.json()).error).toBe("apikey.invalid");
    }
  });

  it("keeps each scope to its endpoints: library:read can't download, downloads can't list", async () => {
    const { buyer, model, preset } = await world();
    const readKey = await keyFor(buyer, ["library:read"]);
    const downloadKey = await keyFor(buyer, ["downloads"]);

    const refused = await downloadRoute(withKey(`/api/library/${model.id}/download`, readKey), params({ listingId: model.id }));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "apikey.scope_missing", message: expect.stringContaining('"downloads" scope') });
    expect((await jsonRoute(withKey(`/api/library/${preset.id}/json`, readKey), params({ listingId: preset.id }))).status).toBe(403);
    const listRefused = await meLibrary(withKey("/api/v1/me/library", downloadKey));
    expect(listRefused.status).toBe(403);
    expect((await listRefused.json()).error).toBe("apikey.scope_missing");

    expect((await meLibrary(withKey("/api/v1/me/library", readKey))).status).toBe(200);
    expect((await jsonRoute(withKey(`/api/library/${preset.id}/json`, downloadKey), params({ listingId: preset.id }))).status).toBe(200);
  });

  it("downloads an owned file with the key through the signed link, and the link is the owner's alone", async () => {
    const { buyer, model, file } = await world();
    const key = await keyFor(buyer, ["downloads"]);
    const redirect = await downloadRoute(withKey(`/api/library/${model.id}/download`, key), params({ listingId: model.id }));
    expect(redirect.status).toBe(303);
    const location = redirect.headers.get("location")!;
    const token = location.split("/").pop()!;

    const bytes = await signedLinkRoute(withKey(location, key), params({ token }));
    expect(bytes.status).toBe(200);
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(Buffer.from(file.data!));

    const strangerKey = await keyFor(await makeUser(db()), ["downloads"]);
    expect((await signedLinkRoute(withKey(location, strangerKey), params({ token }))).status).toBe(404);
  });

  it("can't download what its owner doesn't own, even when the owner is an admin", async () => {
    const { model, preset } = await world();
    const strangerKey = await keyFor(await makeUser(db()), ["downloads"]);
    expect((await downloadRoute(withKey(`/api/library/${model.id}/download`, strangerKey), params({ listingId: model.id }))).status).toBe(404);
    expect((await jsonRoute(withKey(`/api/library/${preset.id}/json`, strangerKey), params({ listingId: preset.id }))).status).toBe(404);

    const admin = await makeAdmin(db());
    session.actor = admin;
    // The admin's browser session may inspect the content; the admin's key may not.
    expect((await jsonRoute(withKey(`/api/library/${preset.id}/json`), params({ listingId: preset.id }))).status).toBe(200);
    const adminKey = await keyFor(admin, ["downloads"]);
    expect((await jsonRoute(withKey(`/api/library/${preset.id}/json`, adminKey), params({ listingId: preset.id }))).status).toBe(404);
  });

  it("stops a key revoked between two requests, even from a browser that is still signed in", async () => {
    const { buyer, preset } = await world();
    const { key, apiKey } = await createApiKey(db(), buyer, { name: "ci", scopes: ["library:read", "downloads"] });
    expect((await meLibrary(withKey("/api/v1/me/library", key))).status).toBe(200);

    await revokeApiKey(db(), buyer, apiKey.id);
    session.actor = buyer;
    const refused = await meLibrary(withKey("/api/v1/me/library", key));
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toBe("apikey.revoked");
    expect((await jsonRoute(withKey(`/api/library/${preset.id}/json`, key), params({ listingId: preset.id }))).status).toBe(401);
  });

  it("refuses the key of a banned owner on the next request, and works again after reactivation", async () => {
    const { buyer } = await world();
    const key = await keyFor(buyer);
    expect((await meLibrary(withKey("/api/v1/me/library", key))).status).toBe(200);

    await db().update(users).set({ status: "banned" }).where(eq(users.id, buyer.id));
    const refused = await meLibrary(withKey("/api/v1/me/library", key));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toBe("auth.banned");

    await db().update(users).set({ status: "suspended" }).where(eq(users.id, buyer.id));
    // Suspended owners keep reading what they bought.
    expect((await meLibrary(withKey("/api/v1/me/library", key))).status).toBe(200);
  });

  it("rate limits each key on its own: 429 with Retry-After, while another key still works", async () => {
    vi.stubEnv("API_KEY_RATE_LIMIT_PER_MINUTE", "3");
    const { buyer } = await world();
    const busy = await keyFor(buyer);
    const calm = await keyFor(buyer);
    for (let i = 0; i < 3; i++) expect((await meLibrary(withKey("/api/v1/me/library", busy))).status).toBe(200);

    const limited = await meLibrary(withKey("/api/v1/me/library", busy));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await limited.json()).error).toBe("apikey.rate_limited");
    expect((await meLibrary(withKey("/api/v1/me/library", calm))).status).toBe(200);
  });
});
