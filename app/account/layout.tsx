import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold">Account</h1>
      <AccountNav />
      {children}
    </div>
  );
}
