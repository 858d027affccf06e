// CLI: `npm run storage:migrate [-- --dry-run] [--batch N]` moves the bytes of files still kept in the database
// into the bucket named by S3_BUCKET (lib/storage/migrate.ts). Safe to stop and run again: it resumes, and a run
// with nothing left to move changes nothing.
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { formatBytes } from "@/lib/format";
import { configuredBucket } from "@/lib/storage/bucket";
import { migrateFilesToBucket } from "@/lib/storage/migrate";

const USAGE = "Usage: npm run storage:migrate [-- --dry-run] [--batch N]";

async function main(): Promise<number> {
  let values: { "dry-run"?: boolean; batch?: string };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { "dry-run": { type: "boolean", default: false }, batch: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    console.error(`Invalid arguments: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const batchSize = values.batch === undefined ? 100 : Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    console.error(`Invalid arguments: --batch must be a whole number from 1 to 10000\n${USAGE}`);
    return 2;
  }
  const bucket = configuredBucket();
  if (!bucket) {
    console.error("S3_BUCKET is not set: there is no bucket to move files to. Set the S3_* variables (README, Storage) and run again.");
    return 1;
  }
  const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined, pgliteDir: process.env.PGLITE_DIR ?? ".data/pglite" });
  try {
    await handle.migrate();
    const dryRun = values["dry-run"] ?? false;
    console.log(`${dryRun ? "Dry run: counting" : "Moving"} files kept in the database into bucket ${bucket.config.bucket}…`);
    const report = await migrateFilesToBucket(handle.db, bucket, { dryRun, batchSize, log: (line) => console.log(line) });
    console.log(
      JSON.stringify({
        dryRun: report.dryRun,
        pending: report.pending,
        pendingBytes: report.pendingBytes,
        moved: report.moved,
        movedBytes: report.movedBytes,
        alreadyInBucket: report.alreadyInBucket,
        failed: report.failed.length,
      }),
    );
    if (dryRun) console.log(`${report.pending} files (${formatBytes(report.pendingBytes)}) would move; ${report.alreadyInBucket} are already in the bucket.`);
    else
      console.log(
        `Moved ${report.moved} files (${formatBytes(report.movedBytes)}); ${report.failed.length} failed; ${report.alreadyInBucket} were already in the bucket.`,
      );
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Storage migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
