import type { ReactNode } from "react";
import { DashboardNav } from "@/components/dashboard/studio-nav";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <div>
      <DashboardNav />
      {children}
    </div>
  );
}
