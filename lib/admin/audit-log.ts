// The audit log as admins read it: filtered by actor, action, target and date range, newest first, paged by keyset
// (the entry id, which only grows), and the same selection as a CSV download.
import "server-only";
import { and, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/errors";
import { AUDIT_TARGET_TYPES } from "@/lib/moderation/audit";
import { csvField } from "@/lib/settlement/payout-export";
import { isUuid } from "@/lib/uuid";
import { containsPattern } from "@/lib/like-pattern";

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export holds; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || undefined);
const optionalDate = (label: string) =>
  z
    .union([z.literal(""), z.iso.date(`${label} must be a date like 2026-11-30.`)])
    .optional()
    .transform((v) => v || undefined);

/** The filters, as the page's query string and the export's carry them. */
export const auditFilterSchema = z
  .object({
    actor: optionalText(200, "Search actors by at most 200 characters."),
    action: optionalText(100, "Actions are at most 100 characters."),
    targetType: z
      .union([z.literal(""), z.enum(AUDIT_TARGET_TYPES, "Choose a target type from the list.")])
      .optional()
      .transform((v) => v || undefined),
    targetId: optionalText(200, "Target ids are at most 200 characters."),
    from: optionalDate("From"),
    to: optionalDate("To"),
    cursor: z
      .union([z.literal(""), z.string().regex(/^[1-9][0-9]{0,17}$/, "This page link is not valid; start again from the newest entries.")])
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date must be on or before the end date.", path: ["to"] });

/** The filters as text, as they arrive from a query string; auditFilterSchema checks them. */
export type AuditFilter = { [K in keyof z.input<typeof auditFilterSchema>]?: string };

export type AuditLogRow = {
  id: number;
  createdAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
};

export type AuditLogPage = { rows: AuditLogRow[]; nextCursor: string | null };

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600_000);

function conditions(f: z.output<typeof auditFilterSchema>): SQL | undefined {
  return and(
    f.actor
      ? isUuid(f.actor)
        ? eq(auditLog.actorId, f.actor)
        : or(ilike(users.email, containsPattern(f.actor)), ilike(users.name, containsPattern(f.actor)))
      : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.targetType ? eq(auditLog.targetType, f.targetType) : undefined,
    f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
    // Dates are whole UTC days, both ends included.
    f.from ? gte(auditLog.createdAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(auditLog.createdAt, dayAfter(f.to)) : undefined,
    f.cursor ? lt(auditLog.id, Number(f.cursor)) : undefined,
  );
}

function selectEntries(db: Db, f: z.output<typeof auditFilterSchema>, limit: number) {
  return db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorEmail: users.email,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(conditions(f))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

const asRow = (r: Awaited<ReturnType<typeof selectEntries>>[number]): AuditLogRow => ({ ...r, details: (r.details ?? {}) as Record<string, unknown> });

/** One page of entries, newest first; `nextCursor` continues after its last entry. */
export async function listAuditLog(db: Db, actor: Actor | null, input: AuditFilter = {}): Promise<AuditLogPage> {
  assertAdmin(actor);
  const filter = parseInput(auditFilterSchema, input);
  const rows = await selectEntries(db, filter, AUDIT_PAGE_SIZE + 1);
  const page = rows.slice(0, AUDIT_PAGE_SIZE).map(asRow);
  return { rows: page, nextCursor: rows.length > AUDIT_PAGE_SIZE ? String(page[page.length - 1].id) : null };
}

/** The actions that occur in the log, for the filter's choices. */
export async function auditActions(db: Db, actor: Actor | null): Promise<string[]> {
  assertAdmin(actor);
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action).limit(500);
  return rows.map((r) => r.action);
}

export const AUDIT_CSV_HEADER = ["Time (UTC)", "Actor email", "Actor id", "Action", "Target type", "Target id", "Details"] as const;

/** RFC 4180 rows (CRLF, quoted where needed); every text field is guarded against spreadsheet formulas by csvField. */
export function auditLogToCsv(rows: readonly AuditLogRow[]): string {
  const lines = [AUDIT_CSV_HEADER.map((h) => csvField(h)).join(",")];
  for (const r of rows) {
    lines.push(
      [
        csvField(r.createdAt.toISOString().slice(0, 19).replace("T", " ")),
        csvField(r.actorEmail),
        csvField(r.actorId),
        csvField(r.action),
        csvField(r.targetType),
        csvField(r.targetId),
        csvField(JSON.stringify(r.details)),
      ].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** Every entry matching the filters (the cursor is ignored), newest first, up to AUDIT_EXPORT_LIMIT, as a CSV file. */
export async function auditLogCsv(db: Db, actor: Actor | null, input: AuditFilter = {}, now = new Date()): Promise<{ filename: string; body: string }> {
  assertAdmin(actor);
  const filter = parseInput(auditFilterSchema, input);
  const rows = await selectEntries(db, { ...filter, cursor: undefined }, AUDIT_EXPORT_LIMIT);
  return { filename: `agora-audit-log-${now.toISOString().slice(0, 10)}.csv`, body: auditLogToCsv(rows.map(asRow)) };
}
