// /admin/listings/[listingId] — one listing in any status as an admin sees it: facts, creator, versions, reports and
// audit history, and what can be done about it from here (remove a published listing, open what waits for approval).
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Records } from "@/components/admin-users/account-records";
import { AccountBadges } from "@/components/admin-users/account-badges";
import { RemoveListingForm } from "@/components/admin/remove-listing-form";
import { StatusBadge, VersionBadge } from "@/components/dashboard/status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db/client";
import { adminListingDetail, type AdminListingDetail } from "@/lib/admin/listing-detail";
import { requireAdminPage } from "@/lib/auth/session";
import { categoryName } from "@/lib/catalog/categories";
import { formatCount, formatDate, formatPrice, formatTimestamp } from "@/lib/format";
import { KIND_LABELS } from "@/lib/listings/kinds";
import { REPORT_REASON_LABELS, type ReportReason } from "@/lib/reports/reasons";
import { removeListingAction, restoreListingAction } from "../../moderation/actions";

export const metadata: Metadata = { title: "Listing · Admin", robots: { index: false } };

type Props = { params: Promise<{ listingId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminListingPage({ params, searchParams }: Props) {
  const admin = await requireAdminPage();
  const { listingId } = await params;
  const detail = await adminListingDetail(await getDb(), admin, listingId);
  if (!detail) notFound();
  const { listing, creator } = detail;
  const done = (await searchParams).done;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Link href="/admin/listings" className="text-sm text-brand-700 hover:underline">
          ← Listings
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold break-words">{listing.title}</h1>
          <StatusBadge status={listing.status} />
        </div>
        {listing.summary ? <p className="text-slate-600">{listing.summary}</p> : null}
      </div>
      {done === "removed" ? <Alert tone="success">Removed. The creator has been told why, in Agora and by email, and may answer once.</Alert> : null}
      {done === "restored" ? <Alert tone="success">Restored. It is back in the catalog, and the creator has been told, in Agora and by email.</Alert> : null}

      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm text-slate-600 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">Creator</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <Link href={`/admin/users/${creator.id}`} className="text-brand-700 hover:underline">
            {creator.name} (@{creator.handle})
          </Link>
          {creator.status !== "active" ? <AccountBadges status={creator.status} role="user" /> : null}
        </dd>
        <dt className="font-medium text-slate-700">Kind</dt>
        <dd>
          {KIND_LABELS[listing.kind]} · {categoryName(listing.category)}
        </dd>
        <dt className="font-medium text-slate-700">Price</dt>
        <dd>{formatPrice(listing.priceCents, listing.currency)}</dd>
        <dt className="font-medium text-slate-700">Sales</dt>
        <dd>
          {listing.salesCount.toLocaleString("en-US")} ·{" "}
          <Link href={`/admin/orders?listing=${listing.id}`} className="text-brand-700 hover:underline">
            All orders for this listing →
          </Link>
        </dd>
        <dt className="font-medium text-slate-700">Rating</dt>
        <dd>{listing.ratingCount ? `${listing.ratingAvg.toFixed(1)} from ${formatCount(listing.ratingCount, "rating")}` : "No ratings yet"}</dd>
        <dt className="font-medium text-slate-700">Created</dt>
        <dd>{formatDate(listing.createdAt)}</dd>
        <dt className="font-medium text-slate-700">First published</dt>
        <dd>{listing.publishedAt ? formatDate(listing.publishedAt) : "Never"}</dd>
        <dt className="font-medium text-slate-700">Listing id</dt>
        <dd className="font-mono text-xs break-all">{listing.id}</dd>
      </dl>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {listing.status === "published" ? (
          <Link href={`/l/${listing.slug}`} className="text-brand-700 hover:underline">
            View in the catalog →
          </Link>
        ) : null}
        <Link href={`/admin/listings?creator=${creator.id}`} className="text-brand-700 hover:underline">
          All listings by this creator →
        </Link>
      </p>

      <Section id="moderation-title" title="Moderation" className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6">
        <ModerationPanel detail={detail} />
      </Section>

      <Section id="versions-title" title="Versions" className="space-y-3">
        <Records
          caption="Versions, newest first"
          count={detail.versions.length}
          empty="No versions yet."
          columns={["Version", "Status", "Submitted", "Reviewed", "Notes"]}
        >
          {detail.versions.map((v) => (
            <tr key={v.id}>
              <td className="px-3 py-2 whitespace-nowrap">
                v{v.number}
                {v.live ? (
                  <Badge tone="info" className="ml-2">
                    Live
                  </Badge>
                ) : null}
              </td>
              <td className="px-3 py-2">
                {v.reviewStatus === "pending_review" ? (
                  <Link href={`/admin/moderation/${v.id}`} className="hover:underline">
                    <VersionBadge status={v.reviewStatus} />
                  </Link>
                ) : (
                  <VersionBadge status={v.reviewStatus} />
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-600">{v.submittedAt ? formatTimestamp(v.submittedAt) : "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-600">{v.reviewedAt ? formatTimestamp(v.reviewedAt) : "—"}</td>
              <td className="px-3 py-2 text-xs text-slate-600">{v.reviewReason ?? v.changelog}</td>
            </tr>
          ))}
        </Records>
      </Section>

      <Section id="reports-title" title="Reports" className="space-y-3">
        {detail.reports.length ? (
          <p className="text-sm text-slate-600">
            {formatCount(detail.openReports, "open report")} about this listing or its reviews.{" "}
            <Link href={`/admin/reports?q=${listing.id}`} className="text-brand-700 hover:underline">
              Open reports in the queue →
            </Link>
          </p>
        ) : null}
        <Records
          caption="Reports, newest first"
          count={detail.reports.length}
          empty="Nobody has reported this listing or its reviews."
          columns={["Report", "On", "Reason", "Status", "Filed"]}
        >
          {detail.reports.map((r) => (
            <tr key={r.id}>
              <td className="px-3 py-2">
                <Link href={`/admin/reports/${r.id}`} className="font-mono text-xs hover:underline">
                  {r.id.slice(0, 8)}
                </Link>
                <div className="text-xs text-slate-500">by {r.reporterName}</div>
              </td>
              <td className="px-3 py-2">{r.targetType === "review" ? "A review" : "The listing"}</td>
              <td className="px-3 py-2">{REPORT_REASON_LABELS[r.reason as ReportReason] ?? r.reason}</td>
              <td className="px-3 py-2">
                <Badge tone={r.status === "open" ? "warning" : "neutral"}>{r.status}</Badge>
                {r.resolution ? <div className="text-xs text-slate-500">{r.resolution.replaceAll("_", " ")}</div> : null}
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatTimestamp(r.createdAt)}</td>
            </tr>
          ))}
        </Records>
      </Section>

      <Section id="audit-title" title="Audit history" className="space-y-3">
        <Records
          caption="Audit history, newest first"
          count={detail.audit.length}
          empty="Nothing in the audit log yet."
          columns={["When", "Action", "By", "Details"]}
        >
          {detail.audit.map((a) => (
            <tr key={a.id}>
              <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatTimestamp(a.createdAt)}</td>
              <td className="px-3 py-2 font-mono text-xs">{a.action}</td>
              <td className="px-3 py-2">{a.actorEmail ?? "system"}</td>
              <td className="px-3 py-2 text-xs text-slate-600">
                {typeof a.details.reason === "string" ? a.details.reason : typeof a.details.note === "string" ? a.details.note : ""}
              </td>
            </tr>
          ))}
        </Records>
        <p className="text-xs text-slate-500">
          <Link href={`/admin/audit?targetType=listing&targetId=${listing.id}`} className="text-brand-700 hover:underline">
            Full audit log for this listing
          </Link>
        </p>
      </Section>
    </div>
  );
}

/** What an admin can do about the listing in its status, and where a decision waits if one does. */
function ModerationPanel({ detail }: { detail: AdminListingDetail }) {
  const { listing } = detail;
  const pendingVersion = detail.versions.find((v) => v.reviewStatus === "pending_review");
  const waiting =
    pendingVersion || detail.pendingRevisionId ? (
      <p className="text-sm">
        {pendingVersion ? (
          <Link href={`/admin/moderation/${pendingVersion.id}`} className="text-brand-700 hover:underline">
            Version {pendingVersion.number} is waiting for approval: review it →
          </Link>
        ) : (
          <Link href={`/admin/moderation/changes/${detail.pendingRevisionId}`} className="text-brand-700 hover:underline">
            Changes to its details are waiting for approval: review them →
          </Link>
        )}
      </p>
    ) : null;
  const reason = listing.statusReason ? (
    <p className="text-sm text-slate-700">
      <span className="font-medium">Reason given:</span> <span className="whitespace-pre-line">{listing.statusReason}</span>
    </p>
  ) : null;
  switch (listing.status) {
    case "published":
      return (
        <>
          {waiting}
          <p className="text-sm text-slate-600">
            Removing takes it out of the catalog, search and the API at once. Buyers keep what they bought; the creator is told why and may answer once.
          </p>
          <RemoveListingForm listingId={listing.id} title={listing.title} action={removeListingAction} back="listing" />
        </>
      );
    case "removed":
      return (
        <>
          {reason}
          {detail.counterNoticeReportId ? (
            <p className="text-sm">
              <Link href={`/admin/reports/${detail.counterNoticeReportId}`} className="text-brand-700 hover:underline">
                The creator has answered this removal: decide it in the case →
              </Link>
            </p>
          ) : (
            <>
              <p className="text-sm text-slate-600">
                Removed by a moderator. A counter-notice from the creator would reopen the case in the reports queue; if the removal was a mistake, restore it
                here.
              </p>
              {detail.versions.some((v) => v.live) ? (
                <RemoveListingForm listingId={listing.id} title={listing.title} action={restoreListingAction} mode="restore" />
              ) : (
                <p className="text-sm text-slate-600">It has no approved version, so it cannot be restored.</p>
              )}
            </>
          )}
        </>
      );
    default:
      return (
        <>
          {waiting}
          {reason}
          <p className="text-sm text-slate-600">
            {listing.status === "pending_review"
              ? "Not in the catalog until a version is approved."
              : "Not in the catalog: its creator publishes it (through approval) or unpublishes it. Nothing to act on here."}
          </p>
        </>
      );
  }
}
