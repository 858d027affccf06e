// The image pipeline (ARCHITECTURE.md, "Storage"): untrusted bytes → a clean cover and WebP thumbnail, or a clear refusal.
// The type comes from the bytes (magic numbers, then sharp's own reading), never from the name. Dimensions
// are checked from the header before any pixel is decoded, so a decompression bomb costs microseconds.
import { createHash } from "node:crypto";
import type SharpConstructor from "sharp";
import type { Metadata, OutputInfo } from "sharp";
import { DomainError } from "@/lib/errors";
import { formatBytes } from "@/lib/format";

// libvips is loaded on the first image processed, not with every route that shares these limits: a server that only
// moves model files never maps it (~6 MB of code, its thread pool and caches).
let loaded: Promise<typeof SharpConstructor> | undefined;
function loadSharp(): Promise<typeof SharpConstructor> {
  loaded ??= import("sharp").then(({ default: sharp }) => {
    // No libvips operation cache: every upload is different, and a server should not hold 50 MB for nothing.
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Well below sharp's default (268 MP): 40 MP decodes to at most ~160 MB of pixels. */
export const MAX_INPUT_PIXELS = 40_000_000;

export type ImageFormat = "jpeg" | "png" | "webp";
export type ImagePurpose = "cover" | "example" | "avatar";
export type ImageFocus = "center" | "top" | "bottom" | "left" | "right";
export const IMAGE_FOCUSES: readonly ImageFocus[] = ["center", "top", "bottom", "left", "right"];

type PurposeRules = {
  label: string;
  minWidth: number;
  minHeight: number;
  /** Longest allowed cover width; avatars are cropped to a square of this side instead. */
  maxWidth: number;
  square: boolean;
  thumb: { width: number; height: number };
};

export const IMAGE_RULES: Record<ImagePurpose, PurposeRules> = {
  cover: { label: "Covers", minWidth: 800, minHeight: 600, maxWidth: 1600, square: false, thumb: { width: 300, height: 200 } },
  example: { label: "Example images", minWidth: 256, minHeight: 256, maxWidth: 1600, square: false, thumb: { width: 300, height: 200 } },
  avatar: { label: "Avatars", minWidth: 200, minHeight: 200, maxWidth: 512, square: true, thumb: { width: 96, height: 96 } },
};

export type ProcessedImage = {
  hash: string;
  contentType: "image/jpeg" | "image/webp";
  width: number;
  height: number;
  byteSize: number;
  data: Uint8Array;
  thumbContentType: "image/webp";
  thumbWidth: number;
  thumbHeight: number;
  thumbData: Uint8Array;
  sourceFormat: ImageFormat;
};

export const imageTooLarge = (bytes: number | null) =>
  new DomainError("image.too_large", { size: bytes ? formatBytes(bytes) : null, limit: formatBytes(IMAGE_MAX_BYTES) });

/** The image format the bytes start with (JPEG, PNG or WebP), or null for anything else (SVG, HTML, GIF, ZIP…). */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return "png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/** Header facts, without decoding pixels. */
async function readHeader(bytes: Uint8Array, expected: ImageFormat) {
  let meta: Metadata;
  try {
    const sharp = await loadSharp();
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new DomainError("image.corrupt");
  }
  if (meta.format !== expected) {
    throw new DomainError("image.wrong_type");
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw new DomainError("image.corrupt", { problem: "no_dimensions" });
  // Orientations 5–8 swap width and height once the image is turned upright.
  const swapped = (meta.orientation ?? 1) >= 5;
  return { width: swapped ? height : width, height: swapped ? width : height, pixels: width * height };
}

/**
 * Validates and re-encodes an uploaded image: upright (EXIF orientation applied), metadata stripped
 * (EXIF, GPS, XMP, ICC), only the decoded pixels survive, so trailing payloads (ZIP polyglots) are dropped.
 */
export async function processImage(input: Uint8Array, purpose: ImagePurpose = "cover", focus: ImageFocus = "center"): Promise<ProcessedImage> {
  const rules = IMAGE_RULES[purpose];
  if (input.byteLength === 0) throw new DomainError("image.empty");
  if (input.byteLength > IMAGE_MAX_BYTES) throw imageTooLarge(input.byteLength);
  const format = sniffImageFormat(input);
  if (!format) throw new DomainError("image.wrong_type");

  const header = await readHeader(input, format);
  if (header.pixels > MAX_INPUT_PIXELS) {
    throw new DomainError("image.too_many_pixels", { width: header.width, height: header.height, limitMegapixels: MAX_INPUT_PIXELS / 1_000_000 });
  }
  if (header.width < rules.minWidth || header.height < rules.minHeight) {
    throw new DomainError("image.too_small", {
      width: header.width,
      height: header.height,
      purpose: rules.label.toLowerCase(),
      minWidth: rules.minWidth,
      minHeight: rules.minHeight,
    });
  }

  const sharp = await loadSharp();
  let raw: { data: Buffer; info: OutputInfo };
  try {
    const decoder = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "truncated", autoOrient: true, sequentialRead: true });
    const resized = rules.square
      ? decoder.resize(rules.maxWidth, rules.maxWidth, { fit: "cover", position: focusPosition(focus) })
      : decoder.resize({ width: rules.maxWidth, withoutEnlargement: true });
    raw = await resized.toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
  } catch {
    throw new DomainError("image.corrupt", { problem: "truncated" });
  }

  const { width, height, channels } = raw.info;
  const pixels = () => sharp(raw.data, { raw: { width, height, channels } });
  // Opaque covers as JPEG (encodes ~5× faster than WebP at this size); transparent ones keep their alpha in WebP.
  const opaque = channels === 3;
  const [cover, thumb] = await Promise.all([
    opaque ? pixels().jpeg({ quality: 82 }).toBuffer() : pixels().webp({ quality: 82, effort: 2 }).toBuffer(),
    pixels()
      .resize(rules.thumb.width, rules.thumb.height, { fit: "cover", position: focusPosition(focus) })
      .webp({ quality: 78, effort: 2 })
      .toBuffer(),
  ]);
  return {
    hash: createHash("sha256").update(cover).digest("hex"),
    contentType: opaque ? "image/jpeg" : "image/webp",
    width,
    height,
    byteSize: cover.byteLength,
    data: new Uint8Array(cover.buffer, cover.byteOffset, cover.byteLength),
    thumbContentType: "image/webp",
    thumbWidth: rules.thumb.width,
    thumbHeight: rules.thumb.height,
    thumbData: new Uint8Array(thumb.buffer, thumb.byteOffset, thumb.byteLength),
    sourceFormat: format,
  };
}

function focusPosition(focus: ImageFocus): string {
  return focus === "center" ? "centre" : focus;
}
