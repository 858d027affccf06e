// An outbox mail's status as a badge (development mail page).
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OutboxStatus } from "@/lib/email/outbox";

const LOOK: Record<OutboxStatus, { tone: BadgeTone; label: string }> = {
  pending: { tone: "progress", label: "Pending" },
  sending: { tone: "progress", label: "Sending" },
  sent: { tone: "success", label: "Sent" },
  failed: { tone: "danger", label: "Failed" },
  kept: { tone: "neutral", label: "Kept (no SMTP)" },
  digest: { tone: "info", label: "Waiting for digest" },
  digested: { tone: "neutral", label: "In a digest" },
  skipped: { tone: "neutral", label: "Skipped" },
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const look = LOOK[status];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
