"use client";
// Tabs between the dashboard's pages, with the current one marked for screen readers.
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/dashboard", label: "Overview", exact: true },
  { href: "/dashboard/listings", label: "Listings", exact: false },
  { href: "/dashboard/listings/new", label: "New listing", exact: true },
  { href: "/dashboard/payouts", label: "Payouts", exact: false },
] as const;

export function DashboardNav() {
  const path = usePathname();
  const current = (tab: (typeof TABS)[number]) =>
    tab.exact ? path === tab.href : path.startsWith(tab.href) && !TABS.some((t) => t !== tab && t.exact && path === t.href && t.href.startsWith(tab.href));
  return (
    <nav aria-label="Dashboard" className="-mx-4 mb-6 overflow-x-auto border-b border-slate-200 px-4">
      <ul className="flex gap-1">
        {TABS.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={current(tab) ? "page" : undefined}
              className={`inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                current(tab) ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
