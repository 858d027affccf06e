"use client";
// Tabs between the pages of an area (dashboard, account settings, admin): they scroll sideways on a phone and the
// current one is marked for screen readers. The current tab is the one whose address matches the page most closely
// (an `exact` tab only on its own address, the others on theirs and anything below).
import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";

export type Tab = { href: string; label: string; exact?: boolean };

function currentTab(tabs: readonly Tab[], path: string): Tab | undefined {
  const matches = tabs.filter((t) => path === t.href || (!t.exact && path.startsWith(`${t.href}/`)));
  return matches.sort((a, b) => b.href.length - a.href.length)[0];
}

export function TabNav({ label, tabs }: { label: string; tabs: readonly Tab[] }) {
  const current = currentTab(tabs, usePathname());
  return (
    <nav aria-label={label} className="-mx-4 mb-6 overflow-x-auto border-b border-slate-200 px-4">
      <ul className="flex gap-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab === current ? "page" : undefined}
              className={`inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                tab === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
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
