import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { IMAGE_MAX_BYTES, processImage, sniffImageFormat } from "./pipeline";
import {
  gpsJpeg,
  headerBombPng,
  htmlRenamedPng,
  jpeg,
  jpegZipPolyglot,
  largePhotoJpeg,
  png,
  sidewaysJpeg,
  svgRenamedPng,
  truncatedJpeg,
  webp,
} from "./testing/fixtures";

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected the image to be refused");
}

describe("image pipeline: good files", () => {
  it("turns a 4000×3000 JPEG under 5 MB into a 1600-wide cover and a 300×200 WebP thumbnail", async () => {
    const input = await largePhotoJpeg();
    expect(input.byteLength).toBeLessThanOrEqual(IMAGE_MAX_BYTES);
    const out = await processImage(input);
    expect(out).toMatchObject({ width: 1600, height: 1200, thumbWidth: 300, thumbHeight: 200, contentType: "image/jpeg", sourceFormat: "jpeg" });
    expect(out.hash).toMatch(/^[0-9a-f]{64}$/);
    const cover = await sharp(out.data).metadata();
    const thumb = await sharp(out.thumbData).metadata();
    expect([cover.format, cover.width, cover.height]).toEqual(["jpeg", 1600, 1200]);
    expect([thumb.format, thumb.width, thumb.height]).toEqual(["webp", 300, 200]);
    expect(out.byteSize).toBe(out.data.byteLength);
  });

  it("accepts PNG (with alpha) and WebP by content and never enlarges a small-enough cover", async () => {
    const fromPng = await processImage(await png(1000, 700));
    expect([fromPng.sourceFormat, fromPng.width, fromPng.height, fromPng.contentType]).toEqual(["png", 1000, 700, "image/webp"]);
    expect((await sharp(fromPng.data).metadata()).hasAlpha).toBe(true);
    const fromWebp = await processImage(await webp(900, 600));
    expect([fromWebp.sourceFormat, fromWebp.width, fromWebp.height]).toEqual(["webp", 900, 600]);
  });

  it("turns a sideways photo upright using its EXIF orientation", async () => {
    const out = await processImage(await sidewaysJpeg());
    expect(out.width).toBe(800);
    expect(out.height).toBe(1200);
    expect((await sharp(out.data).metadata()).orientation ?? 1).toBe(1);
  });

  it("crops avatars to a square with a square thumbnail", async () => {
    const out = await processImage(await jpeg(900, 600), "avatar");
    expect([out.width, out.height, out.thumbWidth, out.thumbHeight]).toEqual([512, 512, 96, 96]);
  });
});

describe("image pipeline: hostile and wrong files", () => {
  it("refuses a 50,000×50,000 PNG header bomb from its header, fast and without decoding", async () => {
    const bomb = headerBombPng(50_000, 50_000);
    expect(bomb.byteLength).toBeLessThan(200);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const error = await refusal(processImage(bomb));
    const elapsed = performance.now() - started;
    expect(error.code).toBe("image.too_many_pixels");
    expect(error.status).toBe(413);
    expect(error.publicMessage).toContain("50,000×50,000");
    expect(elapsed).toBeLessThan(500);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses a truncated JPEG as damaged", async () => {
    const error = await refusal(processImage(await truncatedJpeg()));
    expect(error.code).toBe("image.corrupt");
    expect(error.publicMessage).toMatch(/damaged or incomplete/);
  });

  it("refuses an SVG and an HTML page renamed .png by their contents", async () => {
    for (const file of [svgRenamedPng(), htmlRenamedPng()]) {
      expect(sniffImageFormat(file)).toBeNull();
      const error = await refusal(processImage(file));
      expect(error.code).toBe("image.wrong_type");
      expect(error.status).toBe(415);
    }
  });

  it("re-encodes a JPEG/ZIP polyglot so the archive is gone", async () => {
    const polyglot = await jpegZipPolyglot();
    expect(polyglot.includes(Buffer.from("PK\x03\x04", "latin1"))).toBe(true);
    const out = await processImage(polyglot);
    const cover = Buffer.from(out.data);
    const thumb = Buffer.from(out.thumbData);
    for (const bytes of [cover, thumb]) {
      expect(bytes.includes(Buffer.from("PK\x03\x04", "latin1"))).toBe(false);
      expect(bytes.includes(Buffer.from("polyglot payload"))).toBe(false);
    }
  });

  it("strips GPS and every other EXIF field", async () => {
    const input = await gpsJpeg();
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.exif?.includes(Buffer.from("AgoraCam"))).toBe(true);
    const out = await processImage(input);
    for (const bytes of [out.data, out.thumbData]) {
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(Buffer.from(bytes).includes(Buffer.from("AgoraCam"))).toBe(false);
      expect(Buffer.from(bytes).includes(Buffer.from("Secret Person"))).toBe(false);
    }
  });

  it("refuses images below 800×600 with their size in the message", async () => {
    const error = await refusal(processImage(await jpeg(640, 480)));
    expect(error.code).toBe("image.too_small");
    expect(error.publicMessage).toBe("This image is 640×480; covers need at least 800×600 pixels.");
  });

  it("refuses files over 5 MB before looking inside", async () => {
    const big = Buffer.alloc(IMAGE_MAX_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    const error = await refusal(processImage(big));
    expect(error.code).toBe("image.too_large");
    expect(error.status).toBe(413);
  });

  it("refuses an empty file and a JPEG signature followed by garbage", async () => {
    expect((await refusal(processImage(new Uint8Array()))).code).toBe("image.empty");
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x41)]);
    expect((await refusal(processImage(garbage))).code).toBe("image.corrupt");
  });
});
