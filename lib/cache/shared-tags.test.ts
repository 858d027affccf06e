// Revalidated cache tags shared between server processes through the database: what one process revalidates, every
// other applies at its next read, once; a new process catches up on the last day; an unreachable database never
// breaks a cache read.
import { sql, type SQL } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { queryRows } from "@/db/client";
import { testDatabase } from "@/db/testing/setup";
import { createSharedTags, type Durations } from "./shared-tags.mjs";

/** `$n` placeholders as drizzle parameters, so the module's statements run on Postgres and PGlite alike. */
function query(text: string, params: unknown[]) {
  const chunks: SQL[] = text.split(/\$(\d+)/).map((part, i) => (i % 2 ? sql`${sql.param(params[Number(part) - 1])}` : sql.raw(part)));
  return queryRows<Record<string, unknown>>(testDatabase().db, sql.join(chunks, sql.raw("")));
}

/** A server process: its shared tags, what it applied to its own memory, and a clock the test moves. */
function process_(counting?: { queries: number }) {
  const applied: { tags: string[]; durations: Durations }[] = [];
  const clock = { now: 0 };
  const shared = createSharedTags({
    query: (text, params) => {
      if (counting) counting.queries++;
      return query(text, params);
    },
    apply: (tags, durations) => applied.push({ tags: [...tags].sort(), durations }),
    now: () => clock.now,
    syncEveryMs: 1_000,
  });
  return { shared, applied, clock };
}

beforeEach(async () => {
  await queryRows(testDatabase().db, sql`delete from cache_tag_revalidations`);
});

describe("revalidated cache tags shared between processes", () => {
  it("applies in another process at its next read what one process revalidated, once, and not back in the one that did", async () => {
    const a = process_();
    const b = process_();
    await a.shared.sync();
    await b.shared.sync();

    await a.shared.publish(["listings", "listing:neon-portraits"], { expire: 0 });
    const stored = await queryRows<{ kind: string }>(testDatabase().db, sql`select distinct jsonb_typeof(durations) as kind from cache_tag_revalidations`);
    expect(stored).toEqual([{ kind: "object" }]);
    b.clock.now += 1_000;
    await b.shared.sync();
    expect(b.applied).toEqual([{ tags: ["listing:neon-portraits", "listings"], durations: { expire: 0 } }]);

    // Read again (the rows are still within the late-commit window): nothing is applied twice.
    b.clock.now += 1_000;
    await b.shared.sync();
    expect(b.applied).toHaveLength(1);
    // The process that revalidated applied it itself (Next did): its own row is not applied again.
    a.clock.now += 1_000;
    await a.shared.sync();
    expect(a.applied).toEqual([]);

    // Revalidated again later (by b, without durations: expired at once): a applies the new revalidation.
    await b.shared.publish(["listings"], undefined);
    a.clock.now += 1_000;
    await a.shared.sync();
    expect(a.applied).toEqual([{ tags: ["listings"], durations: undefined }]);
  });

  it("reads the database at most once a second, however many cache reads ask", async () => {
    const counting = { queries: 0 };
    const b = process_(counting);
    await Promise.all([b.shared.sync(), b.shared.sync(), b.shared.sync()]);
    expect(counting.queries).toBe(1);
    b.clock.now += 999;
    await b.shared.sync();
    expect(counting.queries).toBe(1);

    await process_().shared.publish(["creator:marble-works"], { expire: 0 });
    await b.shared.sync();
    expect(b.applied).toEqual([]);
    b.clock.now += 1;
    await b.shared.sync();
    expect(counting.queries).toBe(2);
    expect(b.applied).toEqual([{ tags: ["creator:marble-works"], durations: { expire: 0 } }]);
  });

  it("catches a new process up on the last day's revalidations at its first read, and forgets older ones", async () => {
    await process_().shared.publish(["listing:recent"], { expire: 0 });
    await queryRows(
      testDatabase().db,
      sql`insert into cache_tag_revalidations (tag, durations, revalidated_at) values ('listing:old', null, now() - interval '25 hours')`,
    );
    const fresh = process_();
    await fresh.shared.sync();
    expect(fresh.applied).toEqual([{ tags: ["listing:recent"], durations: { expire: 0 } }]);

    // The next revalidation written deletes what is older than a day.
    await process_().shared.publish(["listings"], { expire: 0 });
    const tags = await queryRows<{ tag: string }>(testDatabase().db, sql`select tag from cache_tag_revalidations order by tag`);
    expect(tags.map((t) => t.tag)).toEqual(["listing:recent", "listings"]);
  });

  it("applies a revalidation committed after a later one was read (a lower version arriving late)", async () => {
    const b = process_();
    await process_().shared.publish(["listing:first"], { expire: 0 });
    await process_().shared.publish(["listing:second"], { expire: 0 });
    await b.shared.sync();
    expect(b.applied.flatMap((a) => a.tags).sort()).toEqual(["listing:first", "listing:second"]);
    // A writer that took its version before the last one read, and committed after that read.
    const [{ low }] = await queryRows<{ low: number }>(testDatabase().db, sql`select min(version)::int as low from cache_tag_revalidations`);
    await queryRows(testDatabase().db, sql`insert into cache_tag_revalidations (tag, durations, version) values ('listing:late', null, ${low - 1})`);
    b.clock.now += 1_000;
    await b.shared.sync();
    expect(b.applied.at(-1)).toEqual({ tags: ["listing:late"], durations: undefined });
  });

  it("forgets what it applied a minute ago, so its memory does not grow with every tag it ever saw", async () => {
    const b = process_();
    await b.shared.sync();
    await process_().shared.publish(["listing:forgotten"], { expire: 0 });
    // Kept inside the late-commit window however slow the machine is, so every read below reads the row again.
    await queryRows(testDatabase().db, sql`update cache_tag_revalidations set revalidated_at = now() + interval '1 hour'`);
    b.clock.now += 1_000;
    await b.shared.sync();
    expect(b.applied).toHaveLength(1);
    // A minute later the tag is forgotten, so the next read of its row applies it again (which only expires entries
    // made since): the forgetting shows. Before that minute, every read of it was skipped.
    b.clock.now += 61_000;
    await b.shared.sync();
    b.clock.now += 1_000;
    await b.shared.sync();
    expect(b.applied.map((a) => a.tags)).toEqual([["listing:forgotten"], ["listing:forgotten"]]);
  });

  it("holds a cache read at most 250 ms for a database that does not answer, and the reads after it not at all", async () => {
    vi.useFakeTimers();
    try {
      let answer: (rows: Record<string, unknown>[]) => void = () => {};
      const applied: string[][] = [];
      const clock = { now: 0 };
      const hanging = createSharedTags({
        query: () => new Promise((resolve) => (answer = resolve)),
        apply: (tags) => applied.push(tags),
        now: () => clock.now,
      });
      let firstDone = false;
      const first = hanging.sync().then(() => (firstDone = true));
      await vi.advanceTimersByTimeAsync(249);
      expect(firstDone).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(firstDone).toBe(true);
      await first;
      // While that read still hangs, a cache read a moment later does not wait for it.
      clock.now += 1_000;
      let secondDone = false;
      const second = hanging.sync().then(() => (secondDone = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(secondDone).toBe(true);
      await second;
      // When the database answers, what it read is applied.
      answer([{ tag: "listing:late-answer", durations: null, version: 1 }]);
      await vi.advanceTimersByTimeAsync(0);
      expect(applied).toEqual([["listing:late-answer"]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reports an unreachable database and carries on: a read is not failed, a revalidation stays applied where it was made", async () => {
    const errors: string[] = [];
    const down = createSharedTags({
      query: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")),
      apply: () => {
        throw new Error("nothing to apply while the database is away");
      },
      onError: (error, during) => errors.push(`${during}: ${(error as Error).message}`),
    });
    await expect(down.sync()).resolves.toBeUndefined();
    await expect(down.publish(["listings"], { expire: 0 })).resolves.toBeUndefined();
    expect(errors).toEqual(["sync: connect ECONNREFUSED 127.0.0.1:5432", "publish: connect ECONNREFUSED 127.0.0.1:5432"]);
  });
});
