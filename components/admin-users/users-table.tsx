// The admin's list of accounts: who they are, their creator handle, status and role, when they joined.
import Link from "@/components/ui/link";
import { DataTable } from "@/components/ui/table";
import type { UserRow } from "@/lib/admin/users";
import { formatDate } from "@/lib/format";
import { AccountBadges } from "./account-badges";

export function UsersTable({ users }: { users: UserRow[] }) {
  return (
    <DataTable caption="Accounts" columns={["Account", "Creator", "Status", "Joined"]} minWidth="min-w-[36rem]">
      {users.map((u) => (
        <tr key={u.id}>
          <td className="px-3 py-2">
            <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 hover:underline">
              {u.name}
            </Link>
            <div className="text-xs text-slate-500">{u.email}</div>
          </td>
          <td className="px-3 py-2">{u.creatorHandle ? `@${u.creatorHandle}` : <span className="text-slate-400">—</span>}</td>
          <td className="px-3 py-2">
            <AccountBadges status={u.status} role={u.role} />
          </td>
          <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatDate(u.createdAt)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
