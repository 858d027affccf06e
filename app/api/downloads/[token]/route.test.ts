import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { testDatabase } from "@/db/testing/setup";
import { contentFor, makeCreator, makeFile, makeListing, makeOrder, makeUser } from "@/lib/testing/fixtures";
import { GET as download } from "@/app/api/library/[listingId]/download/route";
import { GET as json } from "@/app/api/library/[listingId]/json/route";
import { GET } from "./route";

// The session is the only thing faked: every access decision runs through lib against the test database.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.actor }));

const req = (url: string) => new Request(`http://localhost${url}`);
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

async function world() {
  const { db } = testDatabase();
  const creator = await makeCreator(db);
  const file = await makeFile(db, creator.id, 'lora "v1".safetensors');
  const model = await makeListing(db, creator, { kind: "model", versions: [{ content: contentFor("model", file.id) }] });
  const preset = await makeListing(db, creator, { kind: "preset" });
  const buyer = await makeUser(db);
  await makeOrder(db, buyer, model);
  await makeOrder(db, buyer, preset);
  return { model, preset, buyer, file };
}

describe("download routes", () => {
  beforeEach(() => {
    session.actor = null;
  });

  it("an owner is redirected to a signed link that serves the bytes as a private, uncached attachment", async () => {
    const { model, buyer, file } = await world();
    session.actor = buyer;
    const redirect = await download(req(`/api/library/${model.id}/download?version=1`), params({ listingId: model.id }));
    expect(redirect.status).toBe(303);
    const location = redirect.headers.get("location")!;
    expect(location).toMatch(/^\/api\/downloads\/[\w-]+\.[\w-]+$/);

    const res = await GET(req(location), params({ token: location.split("/").pop()! }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="lora _v1_.safetensors"; filename*=UTF-8''lora%20_v1_.safetensors`);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(file.data));
  });

  it("answers 404 to strangers, signed-out visitors and guessed tokens alike", async () => {
    const { model, buyer } = await world();
    session.actor = buyer;
    const location = (await download(req(`/api/library/${model.id}/download`), params({ listingId: model.id }))).headers.get("location")!;
    const token = location.split("/").pop()!;

    session.actor = await makeUser(testDatabase().db);
    expect((await GET(req(location), params({ token }))).status).toBe(404);
    expect((await download(req(`/api/library/${model.id}/download`), params({ listingId: model.id }))).status).toBe(404);
    session.actor = null;
    expect((await GET(req(location), params({ token }))).status).toBe(404);
    session.actor = buyer;
    for (const guess of ["x", `${token.split(".")[0]}.AAAA`, "a".repeat(600)]) {
      const res = await GET(req(`/api/downloads/${guess}`), params({ token: guess }));
      expect(res.status).toBe(404);
      expect(res.headers.get("cache-control")).toContain("no-store");
    }
  });

  it("serves a preset's settings as a .json attachment only to people with access", async () => {
    const { preset, buyer } = await world();
    session.actor = buyer;
    const res = await json(req(`/api/library/${preset.id}/json`), params({ listingId: preset.id }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-disposition")).toContain(`${preset.slug}-v1.json`);
    expect(JSON.parse(await res.text())).toEqual({ exposure: 0.3, contrast: 12 });

    session.actor = await makeUser(testDatabase().db);
    expect((await json(req(`/api/library/${preset.id}/json`), params({ listingId: preset.id }))).status).toBe(404);
    expect((await json(req(`/api/library/${preset.id}/json?version=abc`), params({ listingId: preset.id }))).status).toBe(400);
  });
});
