// What is waiting for an admin, each with how long the oldest has waited and a link to the queue.
import Link from "@/components/ui/link";
import type { OverviewQueues } from "@/lib/admin/overview";
import { formatDateTime } from "@/lib/format";

function waited(since: Date | null, now: Date): string {
  if (!since) return "";
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
  const wait = hours < 1 ? "under an hour" : hours < 48 ? `${hours} hour${hours === 1 ? "" : "s"}` : `${Math.floor(hours / 24)} days`;
  return `Oldest waiting ${wait} (since ${formatDateTime(since)})`;
}

export function QueueCards({ queues, now }: { queues: OverviewQueues; now: Date }) {
  const payoutsNeedingAttention = queues.payouts.failed + queues.payouts.held + queues.payouts.stuck;
  const cards = [
    {
      title: "Approvals",
      count: queues.approvals.waiting,
      what: "waiting for approval",
      detail: waited(queues.approvals.oldestSubmittedAt, now),
      href: "/admin/moderation",
      link: "Open the approval queue",
    },
    {
      title: "Reports",
      count: queues.reports.open,
      what: "open reports",
      detail: waited(queues.reports.oldestAt, now),
      href: "/admin/reports",
      link: "Open the reports",
    },
    {
      title: "Payouts",
      count: payoutsNeedingAttention,
      what: "payouts needing attention",
      detail: payoutsNeedingAttention
        ? `${queues.payouts.failed} failed, ${queues.payouts.held} held${queues.payouts.stuck ? `, ${queues.payouts.stuck} in flight for over a day` : ""}`
        : "",
      href: queues.payouts.oldestPeriod ? `/admin/settlements/${queues.payouts.oldestPeriod}` : "/admin/settlements",
      link: "Open settlements",
    },
  ];
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      {cards.map((c) => (
        <li key={c.title} className={`rounded-xl border bg-white p-4 ${c.count > 0 ? "border-amber-300" : "border-slate-200"}`}>
          <h3 className="text-sm font-medium text-slate-500">{c.title}</h3>
          <p className="mt-1 text-2xl font-semibold tabular-nums">
            {c.count.toLocaleString("en-US")} <span className="text-sm font-normal text-slate-600">{c.what}</span>
          </p>
          {c.detail ? <p className="mt-1 text-xs text-slate-500">{c.detail}</p> : <p className="mt-1 text-xs text-slate-500">Nothing waiting.</p>}
          <Link href={c.href} className="mt-2 inline-block text-sm text-brand-700 hover:underline">
            {c.link} →
          </Link>
        </li>
      ))}
    </ul>
  );
}
