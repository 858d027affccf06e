// GET /admin/audit/export — the audit log entries matching the page's filters as a CSV download (admins only).
import { getDb } from "@/db/client";
import { auditLogCsv } from "@/lib/admin/audit-log";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("admin/audit/export", async (request: Request) => {
  try {
    const params = new URL(request.url).searchParams;
    const filter = Object.fromEntries(["actor", "action", "targetType", "targetId", "from", "to"].map((k) => [k, params.get(k) ?? undefined]));
    const file = await auditLogCsv(await getDb(), await getCurrentUser(), filter);
    return new Response(file.body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, { log: "admin/audit/export" });
  }
});
