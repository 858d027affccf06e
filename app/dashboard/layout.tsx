import type { ReactNode } from "react";
import { StudioNav } from "@/components/dashboard/studio-nav";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <div>
      <StudioNav />
      {children}
    </div>
  );
}
