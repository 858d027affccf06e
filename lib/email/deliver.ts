// Delivery of the outbox (placeholder until the sender lands).
import "server-only";

export type DeliverySummary = { claimed: number; sent: number; retried: number; failed: number; kept: number };

export async function deliverMail(_options: { ids?: string[] } = {}): Promise<DeliverySummary> {
  return { claimed: 0, sent: 0, retried: 0, failed: 0, kept: 0 };
}
