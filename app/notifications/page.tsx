import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { userOrSignIn } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listNotifications } from "@/lib/notifications/notifications";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await userOrSignIn("/notifications");
  const items = await listNotifications(await getDb(), user, { limit: 50 });
  const unread = items.some((n) => !n.readAt);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">Notifications</h1>
        {unread ? (
          <form action={markAllReadAction}>
            <Button variant="secondary" type="submit">
              Mark all as read
            </Button>
          </form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <EmptyState title="You're all caught up">Sales, reviews, refunds and new versions of what you own will show up here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white" data-testid="notification-list">
          {items.map((n) => (
            <li key={n.id} className={`p-4 ${n.readAt ? "" : "bg-brand-50"}`}>
              <div className="flex items-start justify-between gap-4">
                <div>
                  <p className="font-medium">
                    {n.link ? (
                      <Link href={n.link} className="hover:text-brand-700">
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                  </p>
                  {n.body ? <p className="mt-1 text-sm text-slate-600">{n.body}</p> : null}
                </div>
                <time className="flex-none text-xs text-slate-500" dateTime={n.createdAt.toISOString()}>
                  {formatDateTime(n.createdAt)}
                </time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
