// Every /admin page: admins only (anyone else gets a 404 here and again in each page), under one navigation.
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdminPage } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminPage();
  return (
    <div>
      <AdminNav />
      {children}
    </div>
  );
}
