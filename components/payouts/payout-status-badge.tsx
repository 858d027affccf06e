// A payout's status as a coloured badge with the words a creator or admin reads.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PayoutStatus } from "@/lib/settlement/creator-payouts";

export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  pending: "Scheduled",
  held: "On hold",
  processing: "Sending",
  paid: "Paid",
  failed: "Failed",
  carried: "Carried over",
  reversed: "Reversed",
};

const TONES: Record<PayoutStatus, BadgeTone> = {
  pending: "info",
  held: "warning",
  processing: "progress",
  paid: "success",
  failed: "danger",
  carried: "neutral",
  reversed: "severe",
};

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  return <Badge tone={TONES[status]}>{PAYOUT_STATUS_LABELS[status]}</Badge>;
}
