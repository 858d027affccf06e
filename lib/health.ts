// Database reachability for the health endpoint, bounded so a hung database answers 503 quickly.
import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export async function checkDatabase(timeoutMs = 3000): Promise<"ok" | "down"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"down">((resolve) => {
    timer = setTimeout(() => resolve("down"), timeoutMs);
  });
  const probe = (async () => {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return "ok" as const;
  })().catch((error: unknown) => {
    console.error("[health] database check failed", error instanceof Error ? error.message : error);
    return "down" as const;
  });
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
