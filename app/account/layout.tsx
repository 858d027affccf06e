// Account settings: the tabs above every page under /account; each page names itself with its own h1.
import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl">
      <AccountNav />
      {children}
    </div>
  );
}
