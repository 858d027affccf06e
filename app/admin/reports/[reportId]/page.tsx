import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ReportDecision, type OutcomeOption } from "@/components/admin/report-decision";
import { StatusBadge } from "@/components/dashboard/status-badge";
import { Badge } from "@/components/ui/badge";
import { getDb } from "@/db/client";
import { requireAdminPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import type { ListingStatus } from "@/lib/listings/status";
import { reportCase } from "@/lib/reports/queue";
import { REPORT_REASON_LABELS, REPORT_TARGET_LABELS } from "@/lib/reports/reasons";
import { outcomesFor, type ReportOutcome } from "@/lib/reports/resolve";
import { resolveReportAction } from "../actions";

export const metadata: Metadata = { title: "Report · Admin" };

const OUTCOMES: Record<ReportOutcome, Omit<OutcomeOption, "value">> = {
  review_hidden: { label: "Hide the review", hint: "The review leaves the listing page and its rating.", destructive: false },
  listing_removed: { label: "Remove the listing", hint: "It leaves the catalog, search and the API; buyers keep what they bought.", destructive: true },
  listing_restored: { label: "Restore the listing", hint: "The counter-notice is upheld: the listing returns to the catalog.", destructive: false },
  creator_warned: { label: "Warn the person responsible", hint: "They get your note as a warning; nothing else changes.", destructive: false },
  creator_suspended: { label: "Suspend the account", hint: "They can't buy, sell or review until an admin reactivates them.", destructive: true },
  dismissed: { label: "Dismiss", hint: "Nothing to act on; the reporter is told.", destructive: false },
};

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[10rem_1fr]">
      <dt className="text-sm font-medium text-slate-500">{term}</dt>
      <dd className="whitespace-pre-line text-sm">{children}</dd>
    </div>
  );
}

export default async function ReportCasePage({ params }: { params: Promise<{ reportId: string }> }) {
  const user = await requireAdminPage();
  const { reportId } = await params;
  const report = await reportCase(await getDb(), user, reportId);
  if (!report) notFound();
  const reopened = report.counterNoticeAt !== null && report.status === "open";
  const removedAndClosed = report.listing?.status === "removed" && !reopened;
  const outcomes = outcomesFor(report.targetType, reopened)
    // A listing removed through another report can't be removed again: what is left is to warn, suspend or dismiss.
    .filter((o) => !(removedAndClosed && o === "listing_removed"))
    .map((value) => ({ value, ...OUTCOMES[value] }));
  return (
    <div className="space-y-6">
      <Link href="/admin/reports" className="text-sm text-brand-700 hover:underline">
        ← Reports
      </Link>
      <div>
        <h1 className="text-2xl font-bold">
          Report about a {REPORT_TARGET_LABELS[report.targetType]}: {report.targetLabel}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge tone={report.status === "open" ? "warning" : "neutral"}>{report.status}</Badge>
          {reopened ? <Badge tone="severe">Reopened by a counter-notice</Badge> : null}
          {report.otherOpen ? <Badge tone="info">{report.otherOpen} other open reports about it</Badge> : null}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="space-y-6">
          <section className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <h2 className="mb-3 text-lg font-semibold">The report</h2>
            <dl className="space-y-2">
              <Row term="Reason">{REPORT_REASON_LABELS[report.reason] ?? report.reason}</Row>
              <Row term="Details">{report.details || "—"}</Row>
              <Row term="Sent by">
                {report.reporterName} ({report.reporterEmail}) on {formatDateTime(new Date(report.createdAt))}
              </Row>
              {report.reason === "copyright" ? (
                <>
                  <Row term="Work claimed">{report.claimedWork ?? "—"}</Row>
                  <Row term="Claimant contact">{report.claimantContact ?? "—"}</Row>
                  <Row term="Good-faith statement">{report.goodFaithAt ? `Confirmed ${formatDateTime(new Date(report.goodFaithAt))}` : "Not confirmed"}</Row>
                </>
              ) : null}
              {report.resolvedAt ? (
                <Row term="Decided">
                  {(report.resolution ?? report.status).replace(/_/g, " ")} by {report.resolvedByName ?? "an admin"} on{" "}
                  {formatDateTime(new Date(report.resolvedAt))}
                  {report.resolutionNote ? `\n${report.resolutionNote}` : ""}
                </Row>
              ) : null}
            </dl>
          </section>
          {report.counterNoticeText ? (
            <section className="rounded-2xl border border-amber-300 bg-amber-50 p-4 sm:p-6">
              <h2 className="mb-2 text-lg font-semibold">The creator&apos;s counter-notice</h2>
              <p className="whitespace-pre-line text-sm">{report.counterNoticeText}</p>
              {report.counterNoticeAt ? <p className="mt-2 text-xs text-slate-600">Sent {formatDateTime(new Date(report.counterNoticeAt))}</p> : null}
            </section>
          ) : null}
          <section className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <h2 className="text-lg font-semibold">In context</h2>
            {report.listing ? (
              <div className="space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{report.listing.title}</span>
                  <StatusBadge status={report.listing.status as ListingStatus} />
                </p>
                <p className="text-sm text-slate-600">{report.listing.summary}</p>
                {report.listing.statusReason ? <p className="text-sm text-red-700">Reason on the listing: {report.listing.statusReason}</p> : null}
                <p className="flex flex-wrap gap-3 text-sm">
                  {report.listing.status === "published" ? (
                    <Link href={`/l/${report.listing.slug}`} className="text-brand-700 hover:underline">
                      Public page
                    </Link>
                  ) : null}
                  <Link href={`/library/${report.listing.id}`} className="text-brand-700 hover:underline">
                    Paid content (admin view)
                  </Link>
                  <Link href={`/admin/listings/${report.listing.id}`} className="text-brand-700 hover:underline">
                    The listing&apos;s admin page
                  </Link>
                </p>
              </div>
            ) : null}
            {report.review ? (
              <blockquote className="rounded-lg border-l-4 border-slate-300 bg-slate-50 p-3 text-sm">
                <p className="font-medium" aria-label={`${report.review.rating} out of 5 stars`}>
                  {"★".repeat(report.review.rating)}
                  <span className="text-slate-300">{"★".repeat(5 - report.review.rating)}</span>
                </p>
                <p className="mt-1 whitespace-pre-line">{report.review.body || "(no text)"}</p>
                <footer className="mt-1 text-xs text-slate-500">
                  — {report.review.authorName}
                  {report.review.hidden ? " · hidden" : ""}
                </footer>
              </blockquote>
            ) : null}
            {report.subject ? (
              <p className="text-sm">
                About:{" "}
                <Link href={`/admin/users/${report.subject.id}`} className="text-brand-700 hover:underline">
                  {report.subject.name}
                </Link>{" "}
                ({report.subject.email}
                {report.subject.handle ? `, @${report.subject.handle}` : ""}) — account {report.subject.status}
                {report.subject.handle ? (
                  <>
                    {" · "}
                    <Link href={`/c/${report.subject.handle}`} className="text-brand-700 hover:underline">
                      storefront
                    </Link>
                  </>
                ) : null}
              </p>
            ) : null}
          </section>
        </div>
        <aside className="lg:sticky lg:top-20 lg:self-start">
          <section className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
            <h2 className="mb-3 text-lg font-semibold">Decision</h2>
            {report.status === "open" ? (
              <ReportDecision reportId={report.id} outcomes={outcomes} resolve={resolveReportAction} />
            ) : (
              <p className="text-sm text-slate-600">This report is {report.status}.</p>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
