import type { Metadata } from "next";
import { UsersTable } from "@/components/admin-users/users-table";
import { Pager } from "@/components/payouts/pager";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { searchUsers, userSearchSchema, type UserSearch } from "@/lib/admin/users";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Users · Admin", robots: { index: false } };

function href(search: UserSearch, page: number): string {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.status) params.set("status", search.status);
  if (search.role) params.set("role", search.role);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireAdminPage();
  const search = userSearchSchema.parse(await searchParams);
  const result = await searchUsers(await getDb(), user, search);
  const select = "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Users</h1>
      <form method="get" role="search" aria-label="Find accounts" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 sm:max-w-sm">
          <label htmlFor="user-q" className="block text-sm font-medium text-slate-700">
            Email, name or handle
          </label>
          <input
            id="user-q"
            name="q"
            type="search"
            defaultValue={search.q}
            placeholder="ada@example.com, Ada, @ada-studio"
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="user-status" className="block text-sm font-medium text-slate-700">
            Status
          </label>
          <select id="user-status" name="status" defaultValue={search.status ?? ""} className={`mt-1 block ${select}`}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
            <option value="banned">Banned</option>
          </select>
        </div>
        <div>
          <label htmlFor="user-role" className="block text-sm font-medium text-slate-700">
            Role
          </label>
          <select id="user-role" name="role" defaultValue={search.role ?? ""} className={`mt-1 block ${select}`}>
            <option value="">Any role</option>
            <option value="user">Not admin</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <p className="text-sm text-slate-600" aria-live="polite">
        {result.total.toLocaleString("en-US")} {result.total === 1 ? "account" : "accounts"}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState title="No accounts match">Try part of an email, a name or a creator handle, or clear the filters.</EmptyState>
      ) : (
        <>
          <UsersTable users={result.rows} />
          <Pager label="Account pages" page={result.page} pageCount={result.pageCount} href={(p) => href(search, p)} />
        </>
      )}
    </div>
  );
}
