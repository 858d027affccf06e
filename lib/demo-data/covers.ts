// A pool of abstract listing covers drawn as SVG and encoded locally with sharp (no network, no fonts).
// Encoded covers are cached under .data/seed-covers, so reseeding (tests, --reset) skips the encoding.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { Random } from "./random";
import type { ProcessedImage } from "@/lib/images/pipeline";

export const COVER_SIZE = { width: 1600, height: 1000 } as const;
export const THUMB_SIZE = { width: 300, height: 200 } as const;

/** A processed cover (lib/images/pipeline's shape), always WebP, drawn rather than uploaded. */
export type CoverImage = Omit<ProcessedImage, "sourceFormat" | "contentType"> & { contentType: "image/webp" };

const PALETTES: readonly (readonly [string, string, string, string])[] = [
  ["#0f172a", "#1e3a8a", "#38bdf8", "#f472b6"],
  ["#1a1a2e", "#7c3aed", "#f59e0b", "#fde68a"],
  ["#042f2e", "#0f766e", "#5eead4", "#fef3c7"],
  ["#3b0764", "#be185d", "#fb923c", "#fde047"],
  ["#111827", "#374151", "#e5e7eb", "#ef4444"],
  ["#172554", "#0ea5e9", "#a7f3d0", "#ffffff"],
  ["#431407", "#c2410c", "#fdba74", "#fff7ed"],
  ["#052e16", "#16a34a", "#bef264", "#ecfccb"],
  ["#1e1b4b", "#6366f1", "#c4b5fd", "#f0abfc"],
  ["#27272a", "#a16207", "#facc15", "#fef9c3"],
  ["#0c4a6e", "#0284c7", "#f0f9ff", "#fb7185"],
  ["#4c0519", "#e11d48", "#fda4af", "#fff1f2"],
];

function coverSvg(index: number): string {
  const rng = Random.for("cover", index);
  const [deep, mid, light, accent] = PALETTES[index % PALETTES.length];
  const { width, height } = COVER_SIZE;
  const angle = rng.int(0, 359);
  const shapes: string[] = [];
  const style = index % 4;
  for (let i = 0; i < rng.int(4, 8); i++) {
    const x = rng.int(-200, width + 200);
    const y = rng.int(-200, height + 200);
    const fill = rng.pick([mid, light, accent]);
    const opacity = (0.15 + rng.next() * 0.45).toFixed(2);
    if (style === 0) shapes.push(`<circle cx="${x}" cy="${y}" r="${rng.int(160, 560)}" fill="url(#glow)" opacity="${(0.45 + rng.next() * 0.5).toFixed(2)}"/>`);
    else if (style === 1)
      shapes.push(
        `<rect x="${x}" y="${y}" width="${rng.int(200, 700)}" height="${rng.int(200, 700)}" rx="${rng.int(0, 80)}" fill="${fill}" opacity="${opacity}" transform="rotate(${rng.int(-45, 45)} ${x} ${y})"/>`,
      );
    else if (style === 2) {
      const amplitude = rng.int(60, 220);
      const base = rng.int(200, height - 100);
      shapes.push(
        `<path d="M0 ${base} C ${width * 0.3} ${base - amplitude}, ${width * 0.6} ${base + amplitude}, ${width} ${base - amplitude / 2} L ${width} ${height} L 0 ${height} Z" fill="${fill}" opacity="${opacity}"/>`,
      );
    } else
      shapes.push(
        `<polygon points="${x},${y} ${x + rng.int(150, 600)},${y + rng.int(-300, 300)} ${x + rng.int(-300, 300)},${y + rng.int(150, 600)}" fill="${fill}" opacity="${opacity}"/>`,
      );
  }
  const grid = Array.from(
    { length: 9 },
    (_, i) => `<line x1="${(i + 1) * 160}" y1="0" x2="${(i + 1) * 160 - 300}" y2="${height}" stroke="${light}" stroke-opacity="0.06" stroke-width="2"/>`,
  ).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs>
<linearGradient id="bg" gradientTransform="rotate(${angle} 0.5 0.5)"><stop offset="0" stop-color="${deep}"/><stop offset="1" stop-color="${mid}"/></linearGradient>
<radialGradient id="glow"><stop offset="0" stop-color="${accent}"/><stop offset="1" stop-color="${accent}" stop-opacity="0"/></radialGradient>
</defs>
<rect width="${width}" height="${height}" fill="url(#bg)"/>${grid}${shapes.join("")}
<circle cx="${rng.int(200, width - 200)}" cy="${rng.int(150, height - 150)}" r="${rng.int(60, 160)}" fill="none" stroke="${light}" stroke-width="6" stroke-opacity="0.5"/>
</svg>`;
}

// A local cache, never part of a deployment: without the turbopackIgnore the build's file trace copied whatever
// covers the last seed left (48 files) into the server's output, and a build running while a seed wrote them failed.
const CACHE_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "seed-covers");

async function encode(svg: string): Promise<{ cover: Buffer; thumb: Buffer }> {
  const cover = await sharp(Buffer.from(svg)).webp({ quality: 78, effort: 2 }).toBuffer();
  const thumb = await sharp(cover).resize(THUMB_SIZE.width, THUMB_SIZE.height, { fit: "cover" }).webp({ quality: 72, effort: 2 }).toBuffer();
  return { cover, thumb };
}

/** Writes via a temporary name, so a concurrent reader never sees half a file. */
async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

/** Encoded bytes of a cover, from the cache when this exact drawing was encoded before by this libvips. */
async function encodeCached(svg: string): Promise<{ cover: Buffer; thumb: Buffer }> {
  const key = createHash("sha256").update(`${sharp.versions.vips}\n${svg}`).digest("hex").slice(0, 32);
  const coverFile = path.join(CACHE_DIR, `${key}.webp`);
  const thumbFile = path.join(CACHE_DIR, `${key}.thumb.webp`);
  try {
    const [cover, thumb] = await Promise.all([readFile(coverFile), readFile(thumbFile)]);
    return { cover, thumb };
  } catch {
    // Not cached yet (or half written by a concurrent seed): encode it.
  }
  const encoded = await encode(svg);
  try {
    await mkdir(CACHE_DIR, { recursive: true });
    await writeAtomically(coverFile, encoded.cover);
    await writeAtomically(thumbFile, encoded.thumb);
  } catch {
    // The cache is an optimisation only (e.g. a read-only checkout).
  }
  return encoded;
}

async function renderCover(index: number): Promise<CoverImage> {
  const { cover, thumb } = await encodeCached(coverSvg(index));
  return {
    hash: createHash("sha256").update(cover).digest("hex"),
    contentType: "image/webp",
    width: COVER_SIZE.width,
    height: COVER_SIZE.height,
    byteSize: cover.byteLength,
    data: new Uint8Array(cover),
    thumbContentType: "image/webp",
    thumbWidth: THUMB_SIZE.width,
    thumbHeight: THUMB_SIZE.height,
    thumbData: new Uint8Array(thumb),
  };
}

/** `count` distinct covers; the same index always draws the same picture. */
export function generateCoverPool(count: number): Promise<CoverImage[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => renderCover(index)));
}
