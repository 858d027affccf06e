// `npm run bench`: runs every benchmark in scripts/bench/ (or those named) and passes on their JSON lines.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = path.join(process.cwd(), "scripts", "bench");
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.endsWith(".test.ts") && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  // Server modules start with `import "server-only"`, which only resolves under the react-server condition.
  const run = spawnSync("npx", ["tsx", "--conditions=react-server", path.join(dir, `${name}.ts`)], { stdio: ["ignore", "inherit", "inherit"] });
  if (run.status !== 0) {
    failed += 1;
    console.log(JSON.stringify({ bench: name, error: `exited with ${run.status}` }));
  }
}
process.exit(failed ? 1 : 0);
