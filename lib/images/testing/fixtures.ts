// Good and hostile image files generated on the fly for the pipeline's tests and the bench (never committed).
import sharp from "sharp";
import { IMAGE_MAX_BYTES } from "../pipeline";

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny PNG whose IHDR (valid CRC) claims `width`×`height` RGBA pixels: a decompression bomb's header. */
export function headerBombPng(width = 50_000, height = 50_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  // compression, filter, interlace = 0
  const idat = Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]); // an empty zlib stream
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", idat),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Deterministic pixels with gradients and grain, so JPEGs have a realistic size. */
export function photoPixels(width: number, height: number, seed = 1): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  let s = seed >>> 0 || 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const grain = (s >>> 24) & 0x3f;
      const i = (y * width + x) * 3;
      raw[i] = ((x * 255) / width + grain) & 255;
      raw[i + 1] = ((y * 255) / height + grain) & 255;
      raw[i + 2] = (((x + y) * 128) / width + grain) & 255;
    }
  }
  return raw;
}

export async function jpeg(width: number, height: number, quality = 80, seed = 1): Promise<Buffer> {
  return sharp(photoPixels(width, height, seed), { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

export async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

export async function webp(width: number, height: number): Promise<Buffer> {
  return sharp(photoPixels(width, height, 7), { raw: { width, height, channels: 3 } })
    .webp({ quality: 80 })
    .toBuffer();
}

/** A 4000×3000 photo-like JPEG just under the 5 MB limit (the bench's "5 MB JPEG"). */
export async function largePhotoJpeg(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const pixels = photoPixels(width, height, 42);
  let best: Buffer | null = null;
  for (const quality of [79, 77, 75, 72, 68, 60]) {
    const out = await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality })
      .toBuffer();
    if (out.byteLength <= IMAGE_MAX_BYTES) {
      best = out;
      break;
    }
  }
  if (!best) throw new Error("could not make a photo JPEG under the size limit");
  return best;
}

/** A valid JPEG cut off part-way through its scan data. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await jpeg(1200, 900, 85);
  return whole.subarray(0, Math.floor(whole.byteLength * 0.6));
}

export const svgRenamedPng = () =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><script>alert(document.cookie)</script><rect width="1200" height="900"/></svg>`,
  );

export const htmlRenamedPng = () => Buffer.from(`<!doctype html><html><body><img src=x onerror="alert(1)"><h1>not an image</h1></body></html>`);

/** A minimal valid ZIP (one stored file), built by hand. */
export function tinyZip(name = "payload.txt", content = "PK polyglot payload"): Buffer {
  const data = Buffer.from(content);
  const fileName = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const localSize = local.length + fileName.length + data.length;
  const centralSize = central.length + fileName.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(localSize, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

/** A real JPEG with a ZIP archive appended: both programs open it. */
export async function jpegZipPolyglot(): Promise<Buffer> {
  return Buffer.concat([await jpeg(1200, 900), tinyZip()]);
}

/** A JPEG carrying camera EXIF with GPS coordinates (and an author tag). */
export async function gpsJpeg(): Promise<Buffer> {
  return sharp(photoPixels(1200, 900, 3), { raw: { width: 1200, height: 900, channels: 3 } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Artist: "Secret Person", Make: "AgoraCam", Model: "Test 1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2964/100", GPSLongitudeRef: "E", GPSLongitude: "2/1 17/1 4020/100" },
    })
    .toBuffer();
}

/** A 1200×800 JPEG stored sideways with EXIF orientation 6 (turn 90° clockwise to view). */
export async function sidewaysJpeg(): Promise<Buffer> {
  return sharp(photoPixels(1200, 800, 5), { raw: { width: 1200, height: 800, channels: 3 } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
}
