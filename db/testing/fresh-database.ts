// A fresh, migrated database for one test file: a clone of the run's template on Postgres, memory PGlite otherwise.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DbHandle } from "@/db/client";
import { withDatabase } from "./global-setup";

export type TestDatabase = DbHandle & { name: string; drop: () => Promise<void> };

export async function createTestDatabase(template: string | null, poolMax = 10): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url || !template) {
    const handle = await openDatabase({ pgliteDir: "memory://" });
    await handle.migrate();
    return { ...handle, name: "memory", drop: handle.close };
  }
  const name = `agora_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Cloning a template fails if another session is connected to it at that moment; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + attempt * 25));
      }
    }
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ url: withDatabase(url, name), poolMax });
  return {
    ...handle,
    name,
    drop: async () => {
      await handle.close();
      const dropper = postgres(url, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
