// `npm run bench`: runs every benchmark in scripts/bench/ (or those named) and passes on their JSON lines. Options
// after the names go to each bench: `npm run bench -- storage --size-mb 256`.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = path.join(process.cwd(), "scripts", "bench");
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith("--"));
const wanted = firstOption === -1 ? args : args.slice(0, firstOption);
const options = firstOption === -1 ? [] : args.slice(firstOption);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.endsWith(".test.ts") && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  // Server modules start with `import "server-only"`, which only resolves under the react-server condition. 64 MB
  // semi-spaces: seeding a large catalog keeps a million planned listings alive, and with V8's default young
  // generation more of each batch's rows are promoted and marked again with them (generating 200k listings without a
  // database: 13% less CPU).
  const run = spawnSync("npx", ["tsx", "--max-semi-space-size=64", "--conditions=react-server", path.join(dir, `${name}.ts`), ...options], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (run.status !== 0) {
    failed += 1;
    console.log(JSON.stringify({ bench: name, error: `exited with ${run.status}` }));
  }
}
process.exit(failed ? 1 : 0);
