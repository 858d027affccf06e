// CLI: `npm run db:seed -- --listings N [--reset]` migrates the configured database and seeds the demo catalog.
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "@/db/client";
import { describeSeedError } from "@/lib/demo-data/errors";
import { isEmpty, seedDatabase } from "@/lib/demo-data/seed";

const USAGE = "Usage: npm run db:seed -- --listings N [--reset]";

/** Bad command-line input: reported with the usage line, not as a seeding failure. */
class UsageError extends Error {}

const argsSchema = z.object({
  listings: z.coerce
    .number({ message: "--listings must be a number" })
    .int("--listings must be a whole number")
    .min(0, "--listings must be 0 or more")
    .max(1_000_000, "--listings must be at most 1,000,000"),
  reset: z.boolean(),
});

function parseCliArgs(argv: string[]): z.infer<typeof argsSchema> {
  let values: { listings?: string; reset?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { listings: { type: "string" }, reset: { type: "boolean", default: false } }, strict: true }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const parsed = argsSchema.safeParse({ listings: values.listings ?? "240", reset: values.reset ?? false });
  if (!parsed.success) throw new UsageError(`${parsed.error.issues.map((issue) => issue.message).join("; ")}\n${USAGE}`);
  return parsed.data;
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  const started = performance.now();
  const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined, pgliteDir: process.env.PGLITE_DIR ?? ".data/pglite" });
  try {
    await handle.migrate();
    if (!args.reset && !(await isEmpty(handle.db))) {
      console.error("The database already has data, so nothing was seeded.");
      console.error(`Run \`npm run db:seed -- --listings ${args.listings} --reset\` to wipe every table and seed again.`);
      return 1;
    }
    console.log(
      `Seeding ${args.listings} listings into ${handle.driver === "postgres" ? "Postgres (DATABASE_URL)" : `PGlite (${process.env.PGLITE_DIR ?? ".data/pglite"})`}${args.reset ? " after a reset" : ""}…`,
    );
    // Ctrl-C stops between batches and puts back what a parallel seed dropped for the load; a second one exits at once.
    const stop = new AbortController();
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        console.error(`\nStopping: keys and indexes dropped for the load are put back first (${signal} again exits at once, leaving them dropped)…`);
        stop.abort(new Error(`stopped by ${signal}; seed again with --reset to start over`));
      });
    }
    const summary = await seedDatabase(handle.db, {
      listings: args.listings,
      reset: args.reset,
      signal: stop.signal,
      // Parallel batches only pay off (and only work) with a Postgres connection pool.
      concurrency: handle.driver === "postgres" && args.listings >= 10_000 ? 3 : 1,
      log: (line) => console.log(line),
    });
    console.log(
      "Rows:",
      Object.entries(summary.rows)
        .map(([table, count]) => `${table} ${count}`)
        .join(", "),
    );
    console.log("\nDemo accounts (development only), password demo-password:");
    for (const account of summary.demoAccounts) console.log(`  ${account.email.padEnd(20)} ${account.persona}`);
    console.log(`\nSeeded in ${((performance.now() - started) / 1000).toFixed(1)} s (including migrations).`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`Invalid arguments: ${error.message}`);
    else console.error(`Seeding failed: ${describeSeedError(error)}`);
    process.exit(1);
  },
);
