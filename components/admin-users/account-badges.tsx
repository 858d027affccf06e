// An account's status and role as badges: suspended and banned stand out, admins are marked.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { UserRow } from "@/lib/admin/users";

const STATUS: Record<UserRow["status"], { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  suspended: { label: "Suspended", tone: "warning" },
  banned: { label: "Banned", tone: "danger" },
};

export function AccountBadges({ status, role }: Pick<UserRow, "status" | "role">) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>
      {role === "admin" ? <Badge tone="brand">Admin</Badge> : null}
    </span>
  );
}
