import { describe, expect, it } from "vitest";
import { issueDownloadToken, verifyDownloadToken } from "./download-links";

const claims = {
  userId: "11111111-1111-4111-8111-111111111111",
  fileId: "22222222-2222-4222-8222-222222222222",
  listingId: "33333333-3333-4333-8333-333333333333",
};
const secret = "test-secret-for-download-links";
const now = Date.UTC(2026, 0, 1);

describe("download links", () => {
  it("verifies a fresh token for the user it was issued to", () => {
    const token = issueDownloadToken(claims, { now, secret, ttlSeconds: 300 });
    expect(verifyDownloadToken(token, claims.userId, { now: now + 60_000, secret })).toEqual({
      ok: true,
      claims: { ...claims, expiresAt: now / 1000 + 300 },
    });
  });

  it("expires after its time to live", () => {
    const token = issueDownloadToken(claims, { now, secret, ttlSeconds: 300 });
    expect(verifyDownloadToken(token, claims.userId, { now: now + 299_000, secret }).ok).toBe(true);
    expect(verifyDownloadToken(token, claims.userId, { now: now + 300_000, secret })).toEqual({ ok: false, reason: "expired" });
  });

  it("is bound to its user", () => {
    const token = issueDownloadToken(claims, { now, secret });
    expect(verifyDownloadToken(token, "44444444-4444-4444-8444-444444444444", { now, secret })).toEqual({ ok: false, reason: "wrong_user" });
  });

  it("rejects any change to the payload or the signature, and another secret", () => {
    const token = issueDownloadToken(claims, { now, secret });
    const [payload, signature] = token.split(".");
    const decoded = Buffer.from(payload, "base64url").toString();
    // Swap the file, extend the expiry, or re-target the listing: the signature no longer matches.
    for (const forged of [
      decoded.replace(claims.fileId, "55555555-5555-4555-8555-555555555555"),
      decoded.replace(/\.(\d+)$/, (_, exp: string) => `.${Number(exp) + 86_400}`),
      decoded.replace(claims.listingId, "66666666-6666-4666-8666-666666666666"),
    ]) {
      const tampered = `${Buffer.from(forged).toString("base64url")}.${signature}`;
      expect(verifyDownloadToken(tampered, claims.userId, { now, secret })).toEqual({ ok: false, reason: "bad_signature" });
    }
    const flipped = `${payload}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    expect(verifyDownloadToken(flipped, claims.userId, { now, secret })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyDownloadToken(`${payload}.${signature.slice(0, 10)}`, claims.userId, { now, secret })).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyDownloadToken(token, claims.userId, { now, secret: "another-secret" })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("rejects malformed tokens without throwing", () => {
    for (const junk of ["", "abc", "a.b.c", "../../etc/passwd", "x".repeat(600), "é.é"]) {
      expect(verifyDownloadToken(junk, claims.userId, { now, secret }).ok).toBe(false);
    }
  });
});
