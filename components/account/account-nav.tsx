// Tabs between the account settings pages.
import { TabNav } from "@/components/ui/tab-nav";

const TABS = [
  { href: "/account", label: "Profile", exact: true },
  { href: "/account/security", label: "Security" },
  { href: "/account/notifications", label: "Notifications" },
  { href: "/account/api-keys", label: "API keys" },
  { href: "/account/data", label: "Your data" },
];

export function AccountNav() {
  return <TabNav label="Account settings" tabs={TABS} />;
}
