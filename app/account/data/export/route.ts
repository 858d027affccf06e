// GET /account/data/export — everything Agora holds about the signed-in person, as a JSON attachment
import { getDb } from "@/db/client";
import { exportAccountData } from "@/lib/accounts/data-export";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/library/downloads";
import { observedRoute } from "@/lib/observability/observed-route";

export const dynamic = "force-dynamic";

export const GET = observedRoute("account/data/export", async () => {
  try {
    const data = await exportAccountData(await getDb(), await getCurrentUser());
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": attachmentDisposition(`agora-data-${data.exportedAt.slice(0, 10)}.json`),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, { log: "account data export", headers: { "Cache-Control": "private, no-store" } });
  }
});
