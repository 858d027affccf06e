import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeKeysetCursor, encodeKeysetCursor } from "./keyset-cursor";

const schema = z.tuple([z.iso.datetime(), z.uuid()]);
const key = ["2026-11-01T08:00:00.000001Z", "5b8f0a3e-9c1d-4f2a-8e7b-1a2b3c4d5e6f"] as const;

describe("keyset cursors", () => {
  it("read back the sort key they were made from", () => {
    expect(decodeKeysetCursor(schema, encodeKeysetCursor(key))).toEqual([...key]);
  });

  it("read anything else as no cursor: absent, not base64 JSON, another shape, or too long", () => {
    for (const cursor of [
      undefined,
      null,
      "",
      "%%%",
      Buffer.from("not json").toString("base64url"),
      encodeKeysetCursor([key[0]]),
      encodeKeysetCursor(["yesterday", key[1]]),
    ]) {
      expect(decodeKeysetCursor(schema, cursor)).toBeNull();
    }
    const long = encodeKeysetCursor([key[0], key[1], "x".repeat(300)]);
    expect(decodeKeysetCursor(z.tuple([z.string(), z.string(), z.string()]), long)).toBeNull();
    expect(decodeKeysetCursor(z.tuple([z.string(), z.string(), z.string()]), long, 1000)).toEqual([key[0], key[1], "x".repeat(300)]);
  });
});
