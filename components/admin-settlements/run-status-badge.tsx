// A settlement run's status for admins.
import { Badge, type BadgeTone } from "@/components/ui/badge";
const RUN_STATUS = {
  running: { label: "Running", tone: "info" },
  completed: { label: "Completed", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
} as const satisfies Record<string, { label: string; tone: BadgeTone }>;

export function RunStatusBadge({ status }: { status: keyof typeof RUN_STATUS }) {
  const s = RUN_STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}
