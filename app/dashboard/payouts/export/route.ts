// GET /dashboard/payouts/export — the signed-in creator's payout history as a CSV download (only their own).
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { creatorPayoutsCsv } from "@/lib/settlement/payout-export";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("dashboard/payouts/export", async () => {
  try {
    const file = await creatorPayoutsCsv(await getDb(), await getCurrentUser());
    return new Response(file.body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, { log: "payouts/export" });
  }
});
