// Tabs between the dashboard's pages ("New listing" is current on its own page, "Listings" on every other listing page).
import { TabNav } from "@/components/ui/tab-nav";

const TABS = [
  { href: "/dashboard", label: "Overview", exact: true },
  { href: "/dashboard/listings", label: "Listings" },
  { href: "/dashboard/listings/new", label: "New listing", exact: true },
  { href: "/dashboard/payouts", label: "Payouts" },
];

export function DashboardNav() {
  return <TabNav label="Dashboard" tabs={TABS} />;
}
