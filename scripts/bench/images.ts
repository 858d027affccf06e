// Image pipeline bench: a 5 MB 4000×3000 JPEG → cover + thumbnail, and refusing a 50,000×50,000 PNG header
// bomb. Each case runs in its own child process so its peak RSS is its own. One JSON object per line.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { processImage } from "@/lib/images/pipeline";
import { headerBombPng, jpeg, largePhotoJpeg } from "@/lib/images/testing/fixtures";
import { runMain } from "../support/main";

type Case = { name: string; file: string; expect: "ok" | "refused"; targetMs: number; runs: number };

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

async function runCase(c: Case, warmupFile: string) {
  const input = readFileSync(c.file);
  // Warm libvips up on a small image, so the timing is the pipeline's, not the library's first load.
  await processImage(readFileSync(warmupFile));
  const baselineRss = process.resourceUsage().maxRSS * 1024;
  const times: number[] = [];
  let outcome = "";
  for (let i = 0; i < c.runs; i++) {
    const started = performance.now();
    try {
      const out = await processImage(input);
      outcome = `ok ${out.width}×${out.height} + ${out.thumbWidth}×${out.thumbHeight} (${out.byteSize} + ${out.thumbData.byteLength} bytes)`;
    } catch (error) {
      outcome = `refused: ${(error as { code?: string }).code ?? String(error)}`;
    }
    times.push(performance.now() - started);
  }
  const peakRss = process.resourceUsage().maxRSS * 1024;
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const ok = c.expect === "ok" ? outcome.startsWith("ok") : outcome.startsWith("refused");
  console.log(
    JSON.stringify({
      bench: "images",
      case: c.name,
      inputBytes: input.byteLength,
      runs: c.runs,
      medianMs: Math.round(median * 10) / 10,
      maxMs: Math.round(times[times.length - 1] * 10) / 10,
      targetMs: c.targetMs,
      withinTarget: median <= c.targetMs,
      peakRssMb: mb(peakRss),
      rssGrowthMb: mb(peakRss - baselineRss),
      outcome,
      ok,
    }),
  );
}

async function main() {
  const [, , flag, caseJson, warmupFile] = process.argv;
  if (flag === "--case") return runCase(JSON.parse(caseJson) as Case, warmupFile);

  const dir = mkdtempSync(path.join(tmpdir(), "agora-bench-images-"));
  try {
    const photo = path.join(dir, "photo-4000x3000.jpg");
    const bomb = path.join(dir, "bomb-50000x50000.png");
    const warmup = path.join(dir, "warmup.jpg");
    writeFileSync(photo, await largePhotoJpeg());
    writeFileSync(bomb, headerBombPng(50_000, 50_000));
    writeFileSync(warmup, await jpeg(900, 700));
    const cases: Case[] = [
      { name: "jpeg_4000x3000_to_cover_and_thumb", file: photo, expect: "ok", targetMs: 400, runs: 7 },
      { name: "png_header_bomb_50000x50000_rejected", file: bomb, expect: "refused", targetMs: 50, runs: 25 },
    ];
    let failed = false;
    for (const c of cases) {
      const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], "--case", JSON.stringify(c), warmup], {
        stdio: ["ignore", "inherit", "inherit"],
      });
      if (child.status !== 0) failed = true;
    }
    if (failed) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
