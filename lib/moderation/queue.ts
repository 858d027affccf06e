// The approval queue page's list: submitted versions (new listings and updates) and live listings' text changes,
// oldest submission first, filtered by kind and creator.
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Db } from "@/db/client";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { LISTING_KINDS, type Kind } from "@/lib/listings/kinds";
import { countedPage, pageOffset, pageParamSchema, type CountedPage } from "@/lib/paging";

export const queueFilterSchema = z.object({
  kind: z.enum(LISTING_KINDS).optional().catch(undefined),
  creator: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .optional()
    .catch(undefined),
  /** The queue's page (QUEUE_PAGE_SIZE rows each); anything else is the first page. */
  page: pageParamSchema,
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export type QueueEntry = {
  /** `version`: a new listing or a new version of its content; `revision`: new public text or cover of a live listing. */
  type: "version" | "revision";
  id: string;
  listingId: string;
  kind: Kind;
  title: string;
  creatorHandle: string;
  creatorName: string;
  number: number | null;
  isUpdate: boolean;
  submittedAt: Date;
};

/** Rows a page of the approval queue shows. */
export const QUEUE_PAGE_SIZE = 25;

/**
 * Submitted versions and live listings' pending text changes, as one list with the filter applied: the queue's rows
 * in any order a caller gives it (the queue's own is oldest first: first come, first decided).
 */
function waiting(filter: QueueFilter) {
  const kind = filter.kind ?? null;
  const creator = filter.creator ?? null;
  return sql`select * from (
          select 'version' as type, v.id, l.id as "listingId", l.kind, l.title, c.handle as "creatorHandle", c.display_name as "creatorName",
                 v.number, (l.current_version_id is not null) as "isUpdate", coalesce(v.submitted_at, v.updated_at) as "submittedAt"
            from listing_versions v join listings l on l.id = v.listing_id join creator_profiles c on c.user_id = l.creator_id
           where v.review_status = 'pending_review'
          union all
          select 'revision', r.id, l.id, l.kind, r.title, c.handle, c.display_name, null, true, r.submitted_at
            from listing_revisions r join listings l on l.id = r.listing_id join creator_profiles c on c.user_id = l.creator_id
           where r.status = 'pending' and l.status <> 'removed'
        ) q
        where (${kind}::text is null or q.kind::text = ${kind}) and (${creator}::text is null or lower(q."creatorHandle") = ${creator})`;
}

type QueueRow = Omit<QueueEntry, "submittedAt"> & { submittedAt: string };

function toEntry(r: QueueRow): QueueEntry {
  return { ...r, number: r.number === null ? null : Number(r.number), submittedAt: new Date(r.submittedAt) };
}

export type QueuePage = CountedPage<QueueEntry>;

/**
 * One page of the approval queue, oldest first, and how many items wait in all (with the filter): a queue longer than
 * a page is worked through page by page, none of it out of reach. A page past the end has no rows and the same total.
 */
export async function approvalQueuePage(db: Db, actor: Actor | null, filter: QueueFilter = {}, page = 1): Promise<QueuePage> {
  assertAdmin(actor);
  const at = pageOffset(page, QUEUE_PAGE_SIZE);
  const [rows, [count]] = await Promise.all([
    queryRows<QueueRow>(db, sql`${waiting(filter)} order by q."submittedAt" asc, q.id asc limit ${QUEUE_PAGE_SIZE} offset ${at.offset}`),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from (${waiting(filter)}) w`),
  ]);
  return countedPage(rows.map(toEntry), at.page, Number(count?.total ?? 0), QUEUE_PAGE_SIZE);
}

/** Creators with something waiting, for the queue's creator filter. */
export async function queueCreators(db: Db, actor: Actor | null): Promise<{ handle: string; name: string; waiting: number }[]> {
  assertAdmin(actor);
  return queryRows(
    db,
    sql`select c.handle, c.display_name as name, count(*)::int as waiting
          from (select l.creator_id from listing_versions v join listings l on l.id = v.listing_id where v.review_status = 'pending_review'
                union all
                select l.creator_id from listing_revisions r join listings l on l.id = r.listing_id where r.status = 'pending' and l.status <> 'removed') w
          join creator_profiles c on c.user_id = w.creator_id
         group by c.handle, c.display_name order by c.handle`,
  );
}

/** "3 h", "2 d", "12 min": how long something has waited, for a queue column. */
export function waitingTime(since: Date, now = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}
