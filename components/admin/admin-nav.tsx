"use client";
// The one navigation across the admin pages, with the current page marked for screen readers; it scrolls sideways on
// narrow screens.
import Link from "next/link";
import { usePathname } from "next/navigation";

export const ADMIN_AREAS = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/moderation", label: "Approvals", exact: false },
  { href: "/admin/reports", label: "Reports", exact: false },
  { href: "/admin/users", label: "Users", exact: false },
  { href: "/admin/orders", label: "Orders", exact: false },
  { href: "/admin/settlements", label: "Settlements", exact: false },
  { href: "/admin/email", label: "Email", exact: false },
  { href: "/admin/audit", label: "Audit log", exact: false },
] as const;

export function AdminNav() {
  const path = usePathname();
  const current = (area: (typeof ADMIN_AREAS)[number]) => (area.exact ? path === area.href : path === area.href || path.startsWith(`${area.href}/`));
  return (
    <nav aria-label="Admin" className="-mx-4 mb-6 overflow-x-auto border-b border-slate-200 px-4">
      <ul className="flex gap-1">
        {ADMIN_AREAS.map((area) => (
          <li key={area.href}>
            <Link
              href={area.href}
              aria-current={current(area) ? "page" : undefined}
              className={`inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                current(area) ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {area.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
