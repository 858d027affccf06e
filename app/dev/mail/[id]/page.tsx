// GET /dev/mail/[id] — development only (404 in production): one mail rendered, both parts, links clickable.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { MailPreview } from "@/components/email/mail-preview";
import { OutboxStatusBadge } from "@/components/email/outbox-status-badge";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db/client";
import { devMail, devMailPageEnabled } from "@/lib/email/dev-outbox";
import { formatTimestamp } from "@/lib/format";

export const metadata: Metadata = { title: "Mail (development)", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function DevMailDetailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!devMailPageEnabled()) notFound();
  const mail = await devMail(await getDb(), (await params).id);
  if (!mail) notFound();
  return (
    <div className="space-y-6">
      <Link href="/dev/mail" className="text-sm text-brand-700 hover:underline">
        ← All mail
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{mail.rendered?.subject ?? mail.template}</h1>
        <OutboxStatusBadge status={mail.status} />
      </div>
      <p className="text-sm text-slate-600">
        {mail.template} · queued {formatTimestamp(mail.createdAt)} · {mail.attempts} attempt{mail.attempts === 1 ? "" : "s"}
        {mail.sentAt ? ` · sent ${formatTimestamp(mail.sentAt)}` : ""}
      </p>
      {mail.lastError ? <Alert tone="error">{mail.lastError}</Alert> : null}
      {mail.rendered ? (
        <MailPreview
          to={mail.toAddress}
          subject={mail.rendered.subject}
          headers={mail.rendered.headers}
          html={mail.rendered.html}
          text={mail.rendered.text}
          htmlUrl={`/dev/mail/${mail.id}/html`}
        />
      ) : (
        <Alert tone="error">This mail cannot be rendered: {mail.renderError}</Alert>
      )}
    </div>
  );
}
