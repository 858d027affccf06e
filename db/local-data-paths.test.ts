// Local data (the embedded database, the seed's cover cache under .data/) never becomes part of a build. Next's file
// trace follows a path built from process.cwd() and copies what it finds into the server's output: a build on a
// laptop where `npm run dev` had run carried its whole embedded database (about 1,900 files), and a build running while
// a seed wrote covers failed. Every such path is marked `turbopackIgnore`; this scan fails for one that is not.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const SOURCE_DIRS = ["app", "components", "db", "lib"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** `path.join(...)` / `path.resolve(...)` calls that start from process.cwd() and reach into .data, without the marker. */
function unmarkedLocalDataPaths(source: string): string[] {
  const calls = source.match(/path\.(?:join|resolve)\([^)]*process\.cwd\(\)[^)]*\)/g) ?? [];
  return calls.filter((call) => call.includes('".data"') && !call.includes("turbopackIgnore: true"));
}

describe("paths to local data", () => {
  it("finds an unmarked path and accepts a marked one", () => {
    expect(unmarkedLocalDataPaths('const a = path.join(process.cwd(), ".data", "pglite");')).toHaveLength(1);
    expect(unmarkedLocalDataPaths('const a = path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "x");')).toEqual([]);
    expect(unmarkedLocalDataPaths('const m = path.join(process.cwd(), "drizzle");')).toEqual([]);
  });

  it("every path from the working directory into .data in the app's source is kept out of the build's trace", () => {
    const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    const marked = files.filter((file) => readFileSync(file, "utf8").includes("turbopackIgnore: true"));
    const unmarked = files.flatMap((file) => unmarkedLocalDataPaths(readFileSync(file, "utf8")).map((call) => `${path.relative(ROOT, file)}: ${call}`));
    expect(unmarked).toEqual([]);
    // The two known ones (the embedded database's default directory, the seed's cover cache) are found and marked.
    expect(marked.map((file) => path.relative(ROOT, file)).sort()).toEqual(expect.arrayContaining(["db/client.ts", "lib/demo-data/covers.ts"]));
  });
});
