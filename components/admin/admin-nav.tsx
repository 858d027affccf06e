// The one navigation across the admin pages.
import { TabNav } from "@/components/ui/tab-nav";

export const ADMIN_AREAS = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/moderation", label: "Approvals" },
  { href: "/admin/reports", label: "Reports" },
  { href: "/admin/listings", label: "Listings" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/settlements", label: "Settlements" },
  { href: "/admin/email", label: "Email" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminNav() {
  return <TabNav label="Admin" tabs={ADMIN_AREAS} />;
}
