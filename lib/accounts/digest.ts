// One-way digests for the secrets Agora hands out and only needs to recognise later (email links, recovery codes,
// device cookies): the database keeps the sha256, never the value.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe secret (32 bytes, 256 bits, by default). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** The hex sha256 of a secret: high-entropy values need no slow hash. */
export function digest(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
