// Order states only move forward (ARCHITECTURE.md, "Where money moves"), so late, duplicate or out-of-order events converge.
import type { OrderStatus } from "@/db/schema";

export type { OrderStatus };

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ["paid", "expired", "failed"],
  paid: ["refunded", "disputed"],
  disputed: ["paid", "refunded"],
  refunded: [],
  expired: [],
  failed: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}
