// transfer.reversed — a creator's payout transfer was reversed: the money goes back into their balance.
import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { reverseTransfer } from "@/lib/settlement/reversal";
import { readEventObject } from "./shapes";

const transferReversedShape = z.object({
  id: z.string(),
  amount: z.number().int(),
  // Cumulative: everything reversed on this transfer so far.
  amount_reversed: z.number().int().min(0),
});

export async function onTransferReversed(tx: Db, object: unknown): Promise<string> {
  const transfer = readEventObject(transferReversedShape, object);
  return reverseTransfer(tx, { transferId: transfer.id, amountReversedCents: transfer.amount_reversed });
}
