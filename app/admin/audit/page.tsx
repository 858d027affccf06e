import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { auditActions, auditFilterSchema, listAuditLog, type AuditFilter, type AuditLogRow } from "@/lib/admin/audit-log";
import { requireAdminPage } from "@/lib/auth/session";
import { formatTimestamp } from "@/lib/format";
import { AUDIT_TARGET_TYPES } from "@/lib/moderation/audit";

export const metadata: Metadata = { title: "Audit log · Admin", robots: { index: false } };

const FILTER_KEYS = ["actor", "action", "targetType", "targetId", "from", "to"] as const;

function query(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key]) params.set(key, filter[key]);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const q = params.toString();
  return q ? `?${q}` : "";
}

/** Where an entry's target can be looked at, when an admin page shows it. */
function targetHref(row: AuditLogRow): string | null {
  switch (row.targetType) {
    case "user":
      return `/admin/users/${row.targetId}`;
    case "order":
      return `/admin/orders?q=${encodeURIComponent(row.targetId)}`;
    case "settlement_run":
      return /^\d{4}-\d{2}$/.test(row.targetId) ? `/admin/settlements/${row.targetId}` : null;
    case "listing":
      return `/admin/listings/${row.targetId}`;
    case "listing_version":
      return `/admin/moderation/${row.targetId}`;
    default:
      return null;
  }
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage();
  const raw = await searchParams;
  const filter: AuditFilter = Object.fromEntries(
    [...FILTER_KEYS, "cursor"].map((k) => [k, Array.isArray(raw[k]) ? raw[k][0] : raw[k]]).filter(([, v]) => v !== undefined),
  );
  const parsed = auditFilterSchema.safeParse(filter);
  const db = await getDb();
  const [page, actions] = await Promise.all([parsed.success ? listAuditLog(db, admin, filter) : null, auditActions(db, admin)]);
  const input = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";
  const label = "block text-sm font-medium text-slate-700";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Audit log</h1>
        {parsed.success ? (
          <ButtonLink href={`/admin/audit/export${query(filter)}`} variant="secondary" prefetch={false}>
            Export CSV
          </ButtonLink>
        ) : null}
      </div>

      <form
        method="get"
        aria-label="Filter the audit log"
        className="grid grid-cols-1 gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <div>
          <label htmlFor="audit-actor" className={label}>
            Actor
          </label>
          <input id="audit-actor" name="actor" defaultValue={filter.actor} placeholder="Email, name or id" className={input} />
        </div>
        <div>
          <label htmlFor="audit-action" className={label}>
            Action
          </label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={input}>
            <option value="">Any action</option>
            {[...new Set([...actions, ...(filter.action ? [filter.action] : [])])].map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-target-type" className={label}>
            Target type
          </label>
          <select id="audit-target-type" name="targetType" defaultValue={filter.targetType ?? ""} className={input}>
            <option value="">Any target</option>
            {AUDIT_TARGET_TYPES.map((t) => (
              <option key={t} value={t}>
                {t.replace("_", " ")}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-target-id" className={label}>
            Target id
          </label>
          <input id="audit-target-id" name="targetId" defaultValue={filter.targetId} placeholder="An id or a month like 2026-10" className={input} />
        </div>
        <div>
          <label htmlFor="audit-from" className={label}>
            From (UTC)
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from} className={input} />
        </div>
        <div>
          <label htmlFor="audit-to" className={label}>
            To (UTC, included)
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to} className={input} />
        </div>
        <div className="flex items-end gap-2 sm:col-span-2">
          <Button type="submit">Filter</Button>
          <Link href="/admin/audit" className="px-2 py-2 text-sm text-brand-700 hover:underline">
            Clear filters
          </Link>
        </div>
      </form>

      {!parsed.success ? (
        <Alert tone="error">{parsed.error.issues[0]?.message ?? "These filters are not valid."}</Alert>
      ) : page && page.rows.length === 0 ? (
        <EmptyState title={filter.cursor ? "No older entries" : FILTER_KEYS.some((k) => filter[k]) ? "No entries match" : "No admin actions yet"}>
          {filter.cursor
            ? "You have reached the oldest entry for these filters."
            : "Every admin action (approvals, refunds, settlements, account changes) is recorded here. Try other filters or a wider date range."}
        </EmptyState>
      ) : page ? (
        <>
          <DataTable caption="Audit log entries, newest first" columns={["When", "Actor", "Action", "Target", "Details"]} minWidth="min-w-[48rem]">
            {page.rows.map((row) => {
              const href = targetHref(row);
              return (
                <tr key={row.id} className="align-top">
                  <td className="px-3 py-2 whitespace-nowrap text-slate-600">{formatTimestamp(row.createdAt)}</td>
                  <td className="px-3 py-2">
                    {row.actorId ? (
                      <Link href={`/admin/users/${row.actorId}`} className="text-brand-700 hover:underline">
                        {row.actorEmail ?? row.actorId}
                      </Link>
                    ) : (
                      <span className="text-slate-500">system</span>
                    )}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{row.action}</td>
                  <td className="px-3 py-2 text-xs">
                    <span className="text-slate-500">{row.targetType.replace("_", " ")}</span>{" "}
                    {href ? (
                      <Link href={href} className="font-mono break-all text-brand-700 hover:underline">
                        {row.targetId}
                      </Link>
                    ) : (
                      <span className="font-mono break-all">{row.targetId}</span>
                    )}
                  </td>
                  <td className="max-w-xs px-3 py-2 text-xs break-words text-slate-600">
                    {Object.keys(row.details).length ? JSON.stringify(row.details) : "—"}
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <nav aria-label="Audit log pages" className="flex items-center justify-between gap-3 text-sm">
            {filter.cursor ? (
              <Link href={`/admin/audit${query(filter)}`} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100">
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <Link
                href={`/admin/audit${query(filter, { cursor: page.nextCursor })}`}
                rel="next"
                className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100"
              >
                Older →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        </>
      ) : null}
    </div>
  );
}
