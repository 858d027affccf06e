// GET /dev/mail — development only (404 in production): every mail in the outbox, newest first. Without SMTP_URL
// mail is kept here instead of being sent.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { OutboxStatusBadge } from "@/components/email/outbox-status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { devMailPageEnabled, devOutbox } from "@/lib/email/dev-outbox";
import { env } from "@/lib/env";
import { formatTimestamp } from "@/lib/format";
import { runSweepAction } from "./actions";

export const metadata: Metadata = { title: "Mail (development)", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function DevMailPage() {
  if (!devMailPageEnabled()) notFound();
  const mails = await devOutbox(await getDb());
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Mail outbox</h1>
        <Alert tone="info" role="note">
          {env().SMTP_URL
            ? "SMTP_URL is set: mail is sent through it. This page shows what went out."
            : "SMTP_URL is not set: mail is kept here instead of being sent. This page does not exist in production."}
        </Alert>
      </div>
      <form action={runSweepAction} className="flex flex-wrap gap-3">
        <Button type="submit" variant="secondary">
          Run the sweep now
        </Button>
        <Button type="submit" variant="secondary" name="releaseDigests" value="1">
          Send held sales digests now
        </Button>
      </form>
      {mails.length === 0 ? (
        <EmptyState title="No mail yet">Sign up, buy something or approve a version: the mail it causes appears here.</EmptyState>
      ) : (
        <DataTable caption="Outbox" columns={["Created", "To", "Subject", "Template", "Status"]} minWidth="min-w-[48rem]">
          {mails.map((mail) => (
            <tr key={mail.id}>
              <td className="whitespace-nowrap px-3 py-2 text-slate-500">{formatTimestamp(mail.createdAt)}</td>
              <td className="px-3 py-2 break-all">{mail.toAddress}</td>
              <td className="px-3 py-2">
                <Link href={`/dev/mail/${mail.id}`} className="font-medium text-brand-700 hover:underline">
                  {mail.rendered?.subject ?? `(cannot render: ${mail.renderError})`}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{mail.template}</td>
              <td className="px-3 py-2">
                <OutboxStatusBadge status={mail.status} />
                {mail.lastError ? <p className="mt-1 text-xs text-red-700">{mail.lastError}</p> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
