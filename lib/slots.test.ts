import { describe, expect, it } from "vitest";
import { inSlot, newSlots } from "./slots";

describe("inSlot", () => {
  it("never runs more than max at once, runs everything, and frees slots when work fails", async () => {
    const slots = newSlots();
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    const tasks = Array.from({ length: 12 }, (_, i) =>
      inSlot(slots, 3, async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 1 + (i % 4)));
        running--;
        if (i === 5) throw new Error(`task ${i} failed`);
        done.push(i);
        return i;
      }),
    );
    const results = await Promise.allSettled(tasks);
    expect(peak).toBe(3);
    expect(results[5]).toEqual({ status: "rejected", reason: new Error("task 5 failed") });
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
    expect(results[11]).toEqual({ status: "fulfilled", value: 11 });
    expect(slots).toEqual({ running: 0, waiting: [] });
  });
});
