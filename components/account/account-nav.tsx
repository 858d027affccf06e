"use client";
// Tabs between the account settings pages (scrolls sideways on a phone), the current one marked for screen readers.
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/account", label: "Profile", exact: true },
  { href: "/account/security", label: "Security", exact: false },
  { href: "/account/notifications", label: "Notifications", exact: false },
  { href: "/account/api-keys", label: "API keys", exact: false },
  { href: "/account/data", label: "Your data", exact: false },
] as const;

export function AccountNav() {
  const path = usePathname();
  const current = (tab: (typeof TABS)[number]) => (tab.exact ? path === tab.href : path === tab.href || path.startsWith(`${tab.href}/`));
  return (
    <nav aria-label="Account settings" className="-mx-4 mb-6 overflow-x-auto border-b border-slate-200 px-4">
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
