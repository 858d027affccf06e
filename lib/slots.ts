// A counting limit on concurrent work inside one process: at most `max` holders of a slot at once, waiters in order.

/** The limit's state: keep it where every caller finds the same object (on globalThis when chunks must share it). */
export type Slots = { running: number; waiting: (() => void)[] };

export function newSlots(): Slots {
  return { running: 0, waiting: [] };
}

/** Runs `work` once fewer than `max` others hold one of `slots`, and frees its slot when `work` settles. */
export async function inSlot<T>(slots: Slots, max: number, work: () => Promise<T>): Promise<T> {
  while (slots.running >= max) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  slots.running++;
  try {
    return await work();
  } finally {
    slots.running--;
    slots.waiting.shift()?.();
  }
}
